import { loadavg } from 'node:os'

/**
 * The machine's 1-minute load average just before and just after one run. Other work on the
 * machine slows a run and can slow one tool more than another, so no figure is quoted
 * without it.
 */
export interface LoadRecord {
  before: number
  after: number
}

/**
 * The 1-minute load average now, rounded to hundredths; `undefined` where the platform has
 * none (Windows reports zeros, which would read as a quiet machine).
 */
export function readLoad(): number | undefined {
  if (process.platform === 'win32') return undefined
  const [oneMinute] = loadavg()
  return oneMinute === undefined || !Number.isFinite(oneMinute)
    ? undefined
    : Math.round(oneMinute * 100) / 100
}

/** Whether a run carries both load figures, as every quoted run must. */
export function hasLoad(load: Partial<LoadRecord> | undefined): load is LoadRecord {
  return (
    load !== undefined &&
    typeof load.before === 'number' &&
    Number.isFinite(load.before) &&
    typeof load.after === 'number' &&
    Number.isFinite(load.after)
  )
}

/** The lowest and highest load seen before or after any of these runs. */
export function loadRange(loads: readonly LoadRecord[]): { min: number; max: number } | undefined {
  if (loads.length === 0) return undefined
  const values = loads.flatMap((load) => [load.before, load.after])
  return { min: Math.min(...values), max: Math.max(...values) }
}

/** Such as `0.42–1.37`, or `0.42` when the load did not move. */
export function formatLoadRange(loads: readonly LoadRecord[]): string {
  const range = loadRange(loads)
  if (!range) return '–'
  return range.min === range.max
    ? range.min.toFixed(2)
    : `${range.min.toFixed(2)}–${range.max.toFixed(2)}`
}
