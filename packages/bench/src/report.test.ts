import { describe, expect, it } from 'vitest'
import { formatReport, parseResults, summariseVerdicts } from './report.ts'
import type { BenchResult } from './results.ts'

const LOAD = { before: 0.5, after: 0.7 }

function result(): BenchResult {
  const run = (seconds: number) => ({
    round: 1,
    seconds,
    peakRssMb: 100,
    cpuSeconds: seconds,
    load: LOAD,
  })
  return {
    format: 2,
    measuredAt: '2026-01-01T00:00:00.000Z',
    machine: {
      cpuModel: 'Test CPU',
      cores: 2,
      memoryGb: 24,
      node: 'v20.0.0',
      platform: 'linux-x64',
      loadAverage: { before: 0.5, after: 0.7 },
    },
    versions: { hugo: '0.111.3' },
    seed: 'dawnpress',
    rounds: 1,
    sizes: [
      {
        corpus: {
          size: 1000,
          seed: 'dawnpress',
          words: 850_000,
          bytes: 7e6,
          sha256: 'x',
          meanWords: 850,
        },
        series: {
          coreCold: { tool: 'dawnpress', description: 'd', runs: [run(2)] },
          floor: { tool: 'markdown-it', description: 'f', runs: [run(0.5)] },
          contentCollectionsCold: {
            tool: 'content-collections',
            description: 'c',
            runs: [],
            note: 'failed in round 1: content-collections (exit code 1).\nstack trace',
          },
        },
        timings: {
          round: 1,
          seconds: 2,
          cpuSeconds: 2,
          phases: [
            { label: 'articles (1000 parsed)', seconds: 1.2, peakMb: 150 },
            { label: 'feeds', seconds: 0.3, peakMb: 160 },
          ],
        },
      },
    ],
  }
}

describe('formatReport', () => {
  it('states the machine, its load at the start and end, and the versions', () => {
    const text = formatReport(result())
    expect(text).toContain('1-minute load average 0.50 at the start, 0.70 at the end')
    expect(text).toContain('Versions: hugo 0.111.3')
    expect(text).toContain('## 1,000 articles')
  })

  it("prints the cold build's phases beside the floor, and what the phases leave out", () => {
    const lines = formatReport(result()).split('\n')
    const cell = (label: string) =>
      lines
        .find((line) => line.startsWith(`| ${label}`))
        ?.split('|')[2]
        ?.trim()
    expect(cell('articles (1000 parsed)')).toBe('1.20 s')
    expect(cell('the rest: start-up')).toBe('0.50 s')
    expect(cell('the floor: markdown-it')).toBe('0.50 s, 0.5 CPU s')
  })

  it('gives a failure in full under the table, and its first line in it', () => {
    const text = formatReport(result())
    expect(text).toContain('Failures:\n- contentCollectionsCold: failed in round 1')
    expect(text).toContain('stack trace')
  })
})

describe('summariseVerdicts', () => {
  it('counts the targets met, missed, not measured and refused', () => {
    expect(
      summariseVerdicts(['met', 'missed: 1.20× over', 'met', 'not measured: no run', '']),
    ).toBe('Targets: 2 met, 1 missed, 1 not measured.')
    expect(summariseVerdicts(['refused: load not recorded'])).toBe(
      'Targets: 0 met, 0 missed, 1 refused for want of a load average.',
    )
  })
})

describe('parseResults', () => {
  it('reads a results file written by this benchmark', () => {
    expect(parseResults(JSON.stringify(result()), 'latest.json').rounds).toBe(1)
  })

  it('refuses results from before per-run load recording', () => {
    const old = JSON.stringify({ measuredAt: '2026-11-28', sizes: [] })
    expect(() => parseResults(old, 'snapshot.json')).toThrow(/recorded no load average per run/)
  })
})
