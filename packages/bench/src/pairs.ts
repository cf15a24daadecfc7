import { hasLoad, type LoadRecord } from './load.ts'
import { figureOf, type Metric, median, type RunFigures, type Series } from './series.ts'

/** How a pair's two figures make its ratio. */
export type RatioOf =
  /** The peer's figure over dawnpress's: how many times faster (or leaner) dawnpress is. */
  | 'peer/dawnpress'
  /** dawnpress's figure over the peer's: how many times the floor, or the slowdown. */
  | 'dawnpress/peer'

/** Two runs of the same round, dawnpress's and the peer's, and their ratio. */
export interface Pair {
  round: number
  dawnpress: number
  peer: number
  ratio: number
  loads: [LoadRecord, LoadRecord]
}

/** A ratio measured pair by pair, or why there is none. */
export type PairedRatio =
  | {
      ok: true
      /** The median of the per-pair ratios. */
      median: number
      pairs: Pair[]
    }
  | { ok: false; reason: string }

/** What to compare: a figure of dawnpress's series against a figure of the peer's. */
export interface PairSpec {
  dawnpress: Series | undefined
  peer: Series | undefined
  metric: Metric
  /** The peer's figure, when it differs from dawnpress's (CPU seconds against the floor's). */
  peerMetric?: Metric
  ratio: RatioOf
}

/**
 * Pairs the runs of two series by round and takes the median of the per-pair ratios. The
 * tools ran alternately (A B A B …), so drift of the machine hits both runs of a pair alike
 * and cancels out of their ratio. Refuses (ok: false) when a run of a pair has no load
 * average recorded, since a ratio from a loaded machine can mislead by more than the target.
 *
 * @example
 * const ratio = pairedRatio({ dawnpress, peer, metric: 'seconds', ratio: 'peer/dawnpress' })
 * if (ratio.ok) console.log(`${ratio.median.toFixed(1)}× faster`)
 */
export function pairedRatio(spec: PairSpec): PairedRatio {
  if (!spec.dawnpress || !spec.peer) return { ok: false, reason: 'not measured' }
  const peerMetric = spec.peerMetric ?? spec.metric
  const peerRuns = new Map<number, RunFigures>(spec.peer.runs.map((run) => [run.round, run]))
  const pairs: Pair[] = []
  for (const run of spec.dawnpress.runs) {
    const other = peerRuns.get(run.round)
    if (!other) continue
    const ours = figureOf(run, spec.metric)
    const theirs = figureOf(other, peerMetric)
    if (ours === undefined || theirs === undefined) continue
    if (!hasLoad(run.load) || !hasLoad(other.load)) {
      return {
        ok: false,
        reason: `refused: round ${run.round} has no load average recorded before and after`,
      }
    }
    const [numerator, denominator] =
      spec.ratio === 'peer/dawnpress' ? [theirs, ours] : [ours, theirs]
    if (denominator === 0) continue
    pairs.push({
      round: run.round,
      dawnpress: ours,
      peer: theirs,
      ratio: numerator / denominator,
      loads: [run.load, other.load],
    })
  }
  if (pairs.length === 0) return { ok: false, reason: 'no round has both runs' }
  return { ok: true, median: median(pairs.map((pair) => pair.ratio)), pairs }
}

/** One step of a round: a name, for the log, and the work. */
export interface RoundStep {
  name: string
  run: (round: number) => Promise<void>
}

/**
 * Runs every step once per round, in the same order each round (A B A B …), so that the
 * runs of one round, which are paired, are as close in time as they can be.
 */
export async function runRounds(rounds: number, steps: readonly RoundStep[]): Promise<void> {
  for (let round = 1; round <= rounds; round++) {
    for (const step of steps) await step.run(round)
  }
}
