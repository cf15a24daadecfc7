import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { afterAll, describe, expect, it } from 'vitest'
import { findBaseline, keepLastResult } from './baseline.ts'
import { corpusFolder } from './corpus-cache.ts'
import type { SizeResult } from './results.ts'

const scratch = await mkdtemp(`${tmpdir()}/bench-baseline-`)
afterAll(() => rm(scratch, { recursive: true, force: true }))

function result(size: number, seconds: number): SizeResult {
  const load = { before: 0.2, after: 0.4 }
  return {
    corpus: { size, seed: 'dawnpress', words: 1, bytes: 1, sha256: 'x', meanWords: 850 },
    series: {
      site: {
        tool: 'dawnpress',
        description: 'site',
        runs: [{ round: 1, seconds, peakRssMb: 1, cpuSeconds: 1, load }],
      },
    },
  }
}

describe('findBaseline', () => {
  it('takes the 10,000-article site build of this run first', async () => {
    const baseline = await findBaseline([result(10_000, 12)], scratch, 'dawnpress')
    expect(baseline?.source).toBe('this run')
    expect(baseline?.site.runs[0]?.seconds).toBe(12)
  })

  it('else takes the last run at 10,000 articles with the same seed, and says when it was', async () => {
    expect(await findBaseline([], scratch, 'dawnpress')).toBeUndefined()
    const folder = corpusFolder(scratch, 'dawnpress', 10_000)
    await mkdir(folder, { recursive: true })
    await keepLastResult(folder, result(10_000, 13), '2026-12-01T08:00:00.000Z')
    const baseline = await findBaseline([result(100_000, 140)], scratch, 'dawnpress')
    expect(baseline).toMatchObject({ source: 'the run of 2026-12-01T08:00:00.000Z', size: 10_000 })
    expect(baseline?.site.runs[0]?.seconds).toBe(13)
    expect(await findBaseline([], scratch, 'another seed')).toBeUndefined()
  })
})
