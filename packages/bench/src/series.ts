import type { LoadRecord } from './load.ts'

/** The figures of one run of one command, in one round of the benchmark. */
export interface RunFigures {
  /** The round it ran in, from 1: runs of the same round were made one right after another. */
  round: number
  /** Wall time from spawn to exit. */
  seconds: number
  /** Peak RSS of the whole process tree, in MB. */
  peakRssMb: number
  /** User + system CPU seconds of the process and its children. */
  cpuSeconds: number
  /** The 1-minute load average before and after the run; a run without it is never quoted. */
  load?: LoadRecord | undefined
  /** For card runs: cards rendered per second (rendering only). */
  cardsPerSecond?: number | undefined
}

/** Every run of one command at one corpus size. */
export interface Series {
  /** Who ran: `dawnpress`, `content-collections`, `hugo`, `markdown-it`. */
  tool: string
  /** What exactly was run, for the report. */
  description: string
  runs: RunFigures[]
  /** Why runs are missing: a failure, a skipped peer, a feature not built yet. */
  note?: string | undefined
}

/** A figure a row can show. */
export type Metric = 'seconds' | 'peakRssMb' | 'cpuSeconds' | 'cardsPerSecond'

/** The figure of a run, or undefined when the run did not record it. */
export function figureOf(run: RunFigures, metric: Metric): number | undefined {
  const value = run[metric]
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** The median of a series' figure over its runs, or undefined without a run. */
export function medianOf(series: Series | undefined, metric: Metric): number | undefined {
  const values = (series?.runs ?? [])
    .map((run) => figureOf(run, metric))
    .filter((value) => value !== undefined)
  return values.length === 0 ? undefined : median(values)
}

/** The run whose figure is the median (the lower middle for an even count). */
export function medianRun(series: Series | undefined, metric: Metric): RunFigures | undefined {
  const runs = (series?.runs ?? []).filter((run) => figureOf(run, metric) !== undefined)
  runs.sort((a, b) => (figureOf(a, metric) as number) - (figureOf(b, metric) as number))
  return runs[Math.floor((runs.length - 1) / 2)]
}

/** The middle value (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median() needs at least one value.')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}
