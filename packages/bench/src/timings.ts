import type { Phase } from './results.ts'

// `articles (200 parsed) 1.93 s (106 MB)`: a label that may hold spaces and parentheses.
const PHASE = /^(.+?) (\d+(?:\.\d+)?) s \((\d+) MB\)$/

/**
 * Reads the phases `dawnpress build --timings` prints on stderr, as one line
 * `label 1.23 s (456 MB) · label 0.12 s (460 MB): seconds per phase, …`. Other lines
 * (problems, progress) are ignored; no such line gives `[]`.
 *
 * @example
 * parseTimings('fingerprint 0.26 s (81 MB) · feeds 1.50 s (147 MB): seconds per phase')
 * // [{ label: 'fingerprint', seconds: 0.26, peakMb: 81 }, { label: 'feeds', seconds: 1.5, peakMb: 147 }]
 */
export function parseTimings(stderr: string): Phase[] {
  for (const line of stderr.split('\n').reverse()) {
    const list = line.split(': seconds per phase')[0] ?? ''
    if (list === line) continue
    const phases: Phase[] = []
    for (const part of list.split(' · ')) {
      const match = PHASE.exec(part.trim())
      if (!match) return []
      phases.push({
        label: match[1] as string,
        seconds: Number(match[2]),
        peakMb: Number(match[3]),
      })
    }
    return phases
  }
  return []
}
