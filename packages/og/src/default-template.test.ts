import { describe, expect, it } from 'vitest'
import { clip, titleSize } from './default-template.tsx'

describe('titleSize', () => {
  it('sets short titles large and long titles smaller, on more lines', () => {
    const sizes = [
      'Dawn',
      'The Dawn of Large Language Models',
      'x'.repeat(90),
      'x'.repeat(300),
    ].map((title) => titleSize(title))
    const fontSizes = sizes.map((size) => size.fontSize)
    expect(fontSizes).toEqual([...fontSizes].sort((a, b) => b - a))
    expect(sizes.at(-1)?.lines).toBeGreaterThan(sizes[0]?.lines ?? 0)
  })

  it('counts a CJK character as wider than a Latin one', () => {
    expect(titleSize('大'.repeat(20)).fontSize).toBeLessThan(titleSize('a'.repeat(20)).fontSize)
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
