import { describe, expect, it } from 'vitest'
import { parseTimings } from './timings.ts'

describe('parseTimings', () => {
  it('reads every phase of the --timings line, labels with parentheses included', () => {
    const stderr = [
      'articles/a.md:3:1  warning  something [READ_TIME_MISMATCH]',
      'fingerprint 0.26 s (81 MB) · articles (200 parsed) 1.93 s (106 MB) · feeds 1.50 s (147 MB): seconds per phase, and the peak memory so far',
    ].join('\n')
    expect(parseTimings(stderr)).toEqual([
      { label: 'fingerprint', seconds: 0.26, peakMb: 81 },
      { label: 'articles (200 parsed)', seconds: 1.93, peakMb: 106 },
      { label: 'feeds', seconds: 1.5, peakMb: 147 },
    ])
  })

  it('gives no phases when the build printed none', () => {
    expect(parseTimings('Built 3 articles into out in 0.2 s.\n')).toEqual([])
  })
})
