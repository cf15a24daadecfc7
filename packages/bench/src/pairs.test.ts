import { describe, expect, it } from 'vitest'
import { pairedRatio, runRounds } from './pairs.ts'
import type { RunFigures, Series } from './series.ts'

const LOAD = { before: 0.5, after: 0.6 }

function run(round: number, seconds: number, extra: Partial<RunFigures> = {}): RunFigures {
  return { round, seconds, peakRssMb: seconds * 100, cpuSeconds: seconds, load: LOAD, ...extra }
}

function series(tool: string, runs: RunFigures[]): Series {
  return { tool, description: tool, runs }
}

describe('pairedRatio', () => {
  it('takes the median of the per-pair ratios, not the ratio of the medians', () => {
    // The machine slowed down in round 3: both tools took longer, and their ratio held.
    const dawnpress = series('dawnpress', [run(1, 1), run(2, 1.1), run(3, 3)])
    const peer = series('peer', [run(1, 10), run(2, 11), run(3, 30)])
    const ratio = pairedRatio({ dawnpress, peer, metric: 'seconds', ratio: 'peer/dawnpress' })
    expect(ratio.ok && ratio.median).toBeCloseTo(10)
    expect(ratio.ok && ratio.pairs.map((pair) => pair.round)).toEqual([1, 2, 3])
    // The ratio of the medians would have been 11 / 1.1 = 10 here too; with drift inside a
    // round it differs, and the per-pair median is what is reported.
    const drifting = series('peer', [run(1, 10), run(2, 33), run(3, 30)])
    const paired = pairedRatio({
      dawnpress,
      peer: drifting,
      metric: 'seconds',
      ratio: 'peer/dawnpress',
    })
    expect(paired.ok && paired.pairs.map((pair) => Number(pair.ratio.toFixed(2)))).toEqual([
      10, 30, 10,
    ])
    expect(paired.ok && paired.median).toBeCloseTo(10)
  })

  it('pairs runs by round and leaves out a round one tool did not run', () => {
    const dawnpress = series('dawnpress', [run(1, 2), run(2, 2), run(3, 2)])
    const peer = series('peer', [run(1, 4), run(3, 8)])
    const ratio = pairedRatio({ dawnpress, peer, metric: 'seconds', ratio: 'peer/dawnpress' })
    expect(ratio.ok && ratio.pairs.map((pair) => [pair.round, pair.ratio])).toEqual([
      [1, 2],
      [3, 4],
    ])
    expect(ratio.ok && ratio.median).toBe(3)
  })

  it("divides dawnpress's figure by the peer's for a floor, and can compare two metrics", () => {
    const dawnpress = series('dawnpress', [run(1, 5, { cpuSeconds: 9 })])
    const floor = series('markdown-it', [run(1, 3, { cpuSeconds: 3 })])
    const ratio = pairedRatio({
      dawnpress,
      peer: floor,
      metric: 'cpuSeconds',
      ratio: 'dawnpress/peer',
    })
    expect(ratio.ok && ratio.median).toBe(3)
  })

  it('refuses a ratio when a run of a pair has no load average recorded', () => {
    const dawnpress = series('dawnpress', [run(1, 1), run(2, 1, { load: undefined })])
    const peer = series('peer', [run(1, 10), run(2, 10)])
    const ratio = pairedRatio({ dawnpress, peer, metric: 'seconds', ratio: 'peer/dawnpress' })
    expect(ratio).toEqual({
      ok: false,
      reason: 'refused: round 2 has no load average recorded before and after',
    })
  })

  it('says so when no round has both runs', () => {
    const ratio = pairedRatio({
      dawnpress: series('dawnpress', [run(1, 1)]),
      peer: series('peer', []),
      metric: 'seconds',
      ratio: 'peer/dawnpress',
    })
    expect(ratio.ok).toBe(false)
  })
})

describe('runRounds', () => {
  it('alternates the tools run by run: A B A B', async () => {
    const order: string[] = []
    await runRounds(2, [
      { name: 'A', run: async (round) => void order.push(`A${round}`) },
      { name: 'B', run: async (round) => void order.push(`B${round}`) },
    ])
    expect(order).toEqual(['A1', 'B1', 'A2', 'B2'])
  })
})
