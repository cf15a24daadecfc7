import { describe, expect, it } from 'vitest'
import type { SizeResult } from './results.ts'
import { buildRows, type Row } from './rows.ts'
import type { RunFigures, Series } from './series.ts'

const LOAD = { before: 0.3, after: 0.9 }

function runs(figures: Partial<RunFigures>[]): RunFigures[] {
  return figures.map((figure, index) => ({
    round: index + 1,
    seconds: 1,
    peakRssMb: 100,
    cpuSeconds: 1,
    load: LOAD,
    ...figure,
  }))
}

function series(tool: string, figures: Partial<RunFigures>[], note?: string): Series {
  return { tool, description: tool, runs: runs(figures), ...(note ? { note } : {}) }
}

function size(count: number, entries: SizeResult['series']): SizeResult {
  return {
    corpus: { size: count, seed: 's', words: 850 * count, bytes: 1, sha256: 'x', meanWords: 850 },
    series: entries,
  }
}

function row(rows: Row[], what: string): Row {
  const found = rows.find((candidate) => candidate.what === what)
  if (!found) throw new Error(`no row "${what}" in ${rows.map((r) => r.what).join(', ')}`)
  return found
}

describe('buildRows', () => {
  const result = size(10_000, {
    coreCold: series('dawnpress', [
      { seconds: 9, peakRssMb: 400, cpuSeconds: 14 },
      { seconds: 10, peakRssMb: 410, cpuSeconds: 15 },
      { seconds: 9.2, peakRssMb: 405, cpuSeconds: 14.4 },
    ]),
    contentCollectionsCold: series('content-collections', [
      { seconds: 54, peakRssMb: 1400 },
      { seconds: 60, peakRssMb: 1380 },
      { seconds: 55.2, peakRssMb: 1390 },
    ]),
    floor: series('markdown-it', [{ cpuSeconds: 3.5 }, { cpuSeconds: 3.5 }, { cpuSeconds: 3.6 }]),
    site: series('dawnpress', [{ seconds: 19 }]),
    hugo: { tool: 'hugo', description: 'hugo', runs: [], note: 'not run: hugo is not installed' },
    coreWarm: series('dawnpress', [{ seconds: 0.47 }]),
    contentCollectionsWarm: series('content-collections', [{ seconds: 7 }]),
    bundle: series('dawnpress', [{ seconds: 50.8, peakRssMb: 914 }]),
    highlightOn: { tool: 'dawnpress', description: 'on', runs: [], note: 'highlighting not built' },
    cards1: series('dawnpress', [{ cardsPerSecond: 12.4 }]),
    cardsAll: series('dawnpress', [{ cardsPerSecond: 16.6 }]),
  })
  const rows = buildRows(result, 2)

  it("prints the issue's rows in its order, with the target of each", () => {
    expect(rows.map((r) => [r.what, r.target])).toEqual([
      ['cold core + feeds + articles.json', '≥ 10× faster'],
      ['same, peak RSS', '≥ 4× less'],
      ['same, CPU seconds', '≤ 2.5× the floor'],
      ['site without cards (pages + feeds + sitemap)', '≥ 2× faster'],
      ['rebuild, nothing changed', '< 0.5 s'],
      ['rebuild, one article changed', '< 1 s'],
      ['typed content package (`dawnpress bundle`)', '≤ 5 s'],
      ['cards on 2 workers', "≥ 33.2/s (2× today's 16.6/s)"],
      ['cards, speed-up from the second core', '≥ 1.8× from the second core'],
      ['cold build with highlighting, against without', '≤ 1.3×'],
      ['`dawnpress check`', '< 10 s'],
    ])
  })

  it("shows dawnpress's median, the peer's median and the median of the pairs' ratios", () => {
    const cold = row(rows, 'cold core + feeds + articles.json')
    expect(cold.dawnpress).toBe('9.20 s, 405 MB')
    expect(cold.peer).toBe('content-collections: 55.20 s, 1,390 MB')
    // Pairs: 54/9 = 6, 60/10 = 6, 55.2/9.2 = 6.
    expect(cold.ratio).toBe('6.00× (pairs 6.00, 6.00, 6.00)')
    expect(cold.verdict).toBe('missed: needs 1.67× more')
    expect(cold.load).toBe('0.30–0.90')
    const floor = row(rows, 'same, CPU seconds')
    expect(floor.peer).toBe('markdown-it + linkify alone: 3.5 CPU s')
    expect(floor.verdict).toMatch(/^missed: 1\.6\d× over$/)
  })

  it("judges a row without a peer on dawnpress's own figure", () => {
    expect(row(rows, 'rebuild, nothing changed').verdict).toBe('met')
    expect(row(rows, 'typed content package (`dawnpress bundle`)')).toMatchObject({
      dawnpress: '50.80 s, 914 MB',
      verdict: 'missed: 10.16× over',
    })
    expect(row(rows, 'cards, speed-up from the second core').ratio).toBe('1.34× (pairs 1.34)')
  })

  it('says why a row is not measured instead of leaving it out', () => {
    expect(row(rows, 'site without cards (pages + feeds + sitemap)')).toMatchObject({
      peer: 'hugo: – (not run: hugo is not installed)',
      ratio: '–',
      verdict: 'not measured: not run: hugo is not installed',
    })
    expect(row(rows, 'cold build with highlighting, against without').verdict).toBe(
      'not measured: highlighting not built',
    )
    expect(row(rows, 'rebuild, one article changed').verdict).toBe('not measured: not run')
  })

  it('refuses a ratio and a verdict whose runs have no load average', () => {
    const unrecorded = size(1000, {
      coreCold: series('dawnpress', [{ seconds: 1, load: undefined }]),
      contentCollectionsCold: series('content-collections', [{ seconds: 10 }]),
      coreWarm: series('dawnpress', [{ seconds: 0.1, load: undefined }]),
    })
    const refused = buildRows(unrecorded, 2)
    expect(row(refused, 'cold core + feeds + articles.json').ratio).toBe(
      '– (refused: round 1 has no load average recorded before and after)',
    )
    expect(row(refused, 'rebuild, nothing changed').verdict).toBe('refused: load not recorded')
  })

  it('adds the 100,000-article rows: peak memory, growth over 10,000 and check', () => {
    const large = size(100_000, {
      site: series('dawnpress', [{ seconds: 150, peakRssMb: 1200 }]),
      check: series('dawnpress', [{ seconds: 8 }]),
    })
    large.baseline = {
      size: 10_000,
      source: 'this run',
      site: series('dawnpress', [{ seconds: 12.5 }]),
    }
    const rows100k = buildRows(large, 2)
    expect(row(rows100k, 'site without cards, peak RSS').verdict).toBe('met')
    expect(row(rows100k, '`dawnpress check`').verdict).toBe('met')
    expect(row(rows100k, 'site without cards, time over 10,000 articles')).toMatchObject({
      peer: '10,000 articles (this run): 12.50 s',
      ratio: '12.0× (medians)',
      verdict: 'missed: 1.09× over',
    })
    const alone = size(100_000, { site: series('dawnpress', [{ seconds: 150 }]) })
    expect(row(buildRows(alone, 2), 'site without cards, time over 10,000 articles').verdict).toBe(
      'not measured',
    )
  })
})
