import type { CardBreakdown } from './card-breakdown.ts'
import type { ProfileSummary } from './profile.ts'
import type { Row } from './rows.ts'
import type { Series } from './series.ts'

/** The commands the benchmark runs at each size, each a series of runs, one per round. */
export const SERIES_KEYS = [
  'coreCold',
  'contentCollectionsCold',
  'floor',
  'coreWarm',
  'contentCollectionsWarm',
  'coreChanged',
  'contentCollectionsChanged',
  'site',
  'hugo',
  'highlightOn',
  'highlightOff',
  'bundle',
  'check',
  'cards1',
  'cardsAll',
] as const
/** One of `SERIES_KEYS`. */
export type SeriesKey = (typeof SERIES_KEYS)[number]

/** One phase of `dawnpress build --timings`. */
export interface Phase {
  label: string
  seconds: number
  /** The peak RSS of the process so far, in MB. */
  peakMb: number
}

/** The `--timings` phases of one cold build: the run whose wall time was the median. */
export interface ColdTimings {
  round: number
  seconds: number
  cpuSeconds: number
  phases: Phase[]
}

/** The figures of a smaller size that a large one is compared with. */
export interface Baseline {
  size: number
  /** Where it came from: `this run`, or the file of an earlier run, with its date. */
  source: string
  site: Series
}

/** Everything measured on one corpus size. */
export interface SizeResult {
  corpus: {
    size: number
    seed: string
    words: number
    bytes: number
    sha256: string
    meanWords: number
  }
  series: Partial<Record<SeriesKey, Series>>
  timings?: ColdTimings | undefined
  /** Where the CPU time of one cold core build and one site build went, function by function. */
  profiles?: ProfileSummary[] | undefined
  /** The table as printed, for readers of the JSON; `--report` builds it anew from the runs. */
  rows?: Row[] | undefined
  /** For sizes above 10,000: the 10,000-article site build, to see how time grows. */
  baseline?: Baseline | undefined
}

/** The machine the figures were measured on. */
export interface MachineInfo {
  cpuModel: string
  cores: number
  memoryGb: number
  node: string
  platform: string
  /** The 1-minute load average when the whole benchmark began and ended. */
  loadAverage: { before: number | undefined; after: number | undefined }
}

/** Everything one `pnpm bench` measured; written as results/latest.json. */
export interface BenchResult {
  /** Marks the shape of this file; older results (without per-run load) have none. */
  format: 2
  measuredAt: string
  /** How long the whole benchmark took, corpora and profiles included. */
  durationSeconds?: number | undefined
  machine: MachineInfo
  versions: Record<string, string>
  seed: string
  rounds: number
  sizes: SizeResult[]
  cards?: CardBreakdown | undefined
}
