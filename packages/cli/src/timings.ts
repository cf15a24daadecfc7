/** Where a command's time and memory went, phase by phase; printed by `--timings`. */
export interface Timings {
  /** Ends the current phase under `label` and starts the next. */
  end(label: string): void
  /** One line: each phase with its seconds, then the peak memory of the process. */
  format(): string
}

/** Starts timing at once; phases follow one another with no gaps. */
export function createTimings(): Timings {
  const phases: { label: string; ms: number; peakMb: number }[] = []
  let last = performance.now()
  return {
    end(label) {
      const now = performance.now()
      // maxRSS is the peak so far (in KiB), so each phase shows whether it raised the peak.
      phases.push({ label, ms: now - last, peakMb: process.resourceUsage().maxRSS / 1024 })
      last = now
    },
    format() {
      const parts = phases.map(
        ({ label, ms, peakMb }) =>
          `${label} ${(ms / 1000).toFixed(2)} s (${Math.round(peakMb)} MB)`,
      )
      return `${parts.join(' · ')}: seconds per phase, and the peak memory so far`
    },
  }
}
