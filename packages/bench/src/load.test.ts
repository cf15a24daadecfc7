import { describe, expect, it } from 'vitest'
import { formatLoadRange, hasLoad, readLoad } from './load.ts'

describe('load recording', () => {
  it('reads the 1-minute load average as a number on Linux', () => {
    if (process.platform !== 'linux') return
    const load = readLoad()
    expect(typeof load).toBe('number')
    expect(load).toBeGreaterThanOrEqual(0)
  })

  it('counts a run as recorded only with both figures', () => {
    expect(hasLoad({ before: 0.4, after: 1.2 })).toBe(true)
    expect(hasLoad({ before: 0.4 })).toBe(false)
    expect(hasLoad({ before: Number.NaN, after: 1 })).toBe(false)
    expect(hasLoad(undefined)).toBe(false)
  })

  it('shows the lowest and highest load of a row', () => {
    expect(
      formatLoadRange([
        { before: 0.8, after: 1.31 },
        { before: 1.31, after: 0.42 },
      ]),
    ).toBe('0.42–1.31')
    expect(formatLoadRange([{ before: 1, after: 1 }])).toBe('1.00')
    expect(formatLoadRange([])).toBe('–')
  })
})
