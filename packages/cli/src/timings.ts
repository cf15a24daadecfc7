/** Where a command's time went, phase by phase; printed by `--timings`. */
export interface Timings {
  /** Ends the current phase under `label` and starts the next. */
  end(label: string): void
  /** One line: each phase with its seconds, in order. */
  format(): string
}

/** Starts timing at once; phases follow one another with no gaps. */
export function createTimings(): Timings {
  const phases: [string, number][] = []
  let last = performance.now()
  return {
    end(label) {
      const now = performance.now()
      phases.push([label, now - last])
      last = now
    },
    format: () => phases.map(([label, ms]) => `${label} ${(ms / 1000).toFixed(2)} s`).join(' · '),
  }
}
