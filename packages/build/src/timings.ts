/** One phase of a build: how long it took, and the peak memory of the process after it. */
export interface Timing {
  label: string
  ms: number
  /** The peak resident memory of the process so far, in MB. */
  peakMb: number
}

/** Where a build's time and memory went, phase by phase. */
export interface Timings {
  /** Ends the current phase under `label` and starts the next. */
  end(label: string): void
  /** Every phase ended so far, in order. */
  readonly phases: readonly Timing[]
}

/** Starts timing at once; phases follow one another with no gaps. */
export function createTimings(): Timings {
  const phases: Timing[] = []
  let last = performance.now()
  return {
    end(label) {
      const now = performance.now()
      // maxRSS is the peak so far (in KiB), so each phase shows whether it raised the peak.
      phases.push({ label, ms: now - last, peakMb: process.resourceUsage().maxRSS / 1024 })
      last = now
    },
    phases,
  }
}

/** One line: each phase with its seconds and the peak memory so far. */
export function formatTimings(phases: readonly Timing[]): string {
  const parts = phases.map(
    ({ label, ms, peakMb }) => `${label} ${(ms / 1000).toFixed(2)} s (${Math.round(peakMb)} MB)`,
  )
  return `${parts.join(' · ')}: seconds per phase, and the peak memory so far`
}
