import { describe, expect, it } from 'vitest'
import { createContext, formatDate, resolveColors, withAlpha } from './context.ts'

describe('formatDate', () => {
  it('formats in UTC, so a late-evening date never becomes the next day', () => {
    expect(formatDate('2026-11-02T23:30:00.000Z', 'en')).toBe('November 2, 2026')
  })

  it('formats in the site language', () => {
    expect(formatDate('2026-11-02T00:00:00.000Z', 'de')).toBe('2. November 2026')
  })

  it('falls back to English for a language tag Intl rejects', () => {
    expect(formatDate('2026-11-02T00:00:00.000Z', 'not a tag!')).toBe('November 2, 2026')
  })

  it('gives no date for a missing or invalid one', () => {
    expect(formatDate(undefined)).toBeUndefined()
    expect(formatDate('yesterday')).toBeUndefined()
  })
})

describe('resolveColors', () => {
  it('uses the site colours and fills in the rest', () => {
    expect(resolveColors({ title: 'T', card: { accent: '#ff0000' } })).toEqual({
      background: '#0b1020',
      foreground: '#f5f3ee',
      accent: '#ff0000',
      muted: 'rgba(245, 243, 238, 0.72)',
    })
  })

  it('expands three-digit colours for transparency', () => {
    expect(withAlpha('#fa0', 0.5)).toBe('rgba(255, 170, 0, 0.5)')
  })
})

describe('createContext', () => {
  const article = { slug: 'a', title: 'A', description: '', readingTime: { minutes: 0.4 } }

  it("prefers the author's read_time to the computed one, and never says 0 min", () => {
    const site = { title: 'Dawn' }
    expect(createContext(article, site, undefined).readingTime).toBe('1 min read')
    expect(
      createContext({ ...article, read_time: '10 min read' }, site, undefined).readingTime,
    ).toBe('10 min read')
  })

  it('shows the host of the site URL without www', () => {
    const site = { title: 'Dawn', url: 'https://www.dawn.example/blog/' }
    expect(createContext(article, site, undefined).host).toBe('dawn.example')
  })
})
