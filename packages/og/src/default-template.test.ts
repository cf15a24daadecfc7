import { describe, expect, it } from 'vitest'
import { clip, TITLE_SIZES } from './default-template.tsx'

describe('TITLE_SIZES', () => {
  it('tries larger sizes first, with more lines for smaller ones', () => {
    const fontSizes = TITLE_SIZES.map((size) => size.fontSize)
    expect(fontSizes).toEqual([...fontSizes].sort((a, b) => b - a))
    expect(TITLE_SIZES.at(-1)?.lines).toBeGreaterThan(TITLE_SIZES[0]?.lines ?? 0)
  })

  it('keeps every size, with a two-line description, inside the 399 px between header and footer', () => {
    // Rule (8 + 32), title lines at 1.12, description (28 + 2 or 1 lines of 42).
    for (const { fontSize, lines } of TITLE_SIZES) {
      const description = 28 + (lines >= 4 ? 1 : 2) * 42
      expect(40 + fontSize * 1.12 * lines + description).toBeLessThanOrEqual(399)
    }
  })
})

describe('clip', () => {
  it('keeps short text as it is', () => {
    expect(clip('Dawn', 10)).toBe('Dawn')
  })

  it('never cuts an emoji sequence in half', () => {
    expect(clip('ab🧑‍🚀cd', 3)).toBe('ab🧑‍🚀')
  })
})
