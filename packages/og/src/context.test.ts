import { describe, expect, it } from 'vitest'
import type { CardArticle } from './article.ts'
import { createContext, formatDate, resolveColors, withAlpha } from './context.ts'
import type { CardSite } from './template.ts'

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
  const text = () => Promise.reject(new Error('not laid out in this test'))
  const contextOf = (card: CardArticle, site: CardSite) =>
    createContext(card, site, undefined, { text })

  it('shows the computed reading time, never 0 min', () => {
    expect(contextOf(article, { title: 'Dawn' }).readingTime).toBe('1 min read')
  })

  it("shows the author's read_time when it is close to the computed time", () => {
    const card = { ...article, readingTime: { minutes: 2 }, read_time: '3 min read' }
    expect(contextOf(card, { title: 'Dawn' }).readingTime).toBe('3 min read')
  })

  it('regression: does not show a read_time that check warns is far off (10 min for 2)', () => {
    const card = { ...article, readingTime: { minutes: 2 }, read_time: '10 min read' }
    expect(contextOf(card, { title: 'Dawn' }).readingTime).toBe('2 min read')
  })

  it("regression: gives the date and the reading time in one language, the article's", () => {
    const card = {
      ...article,
      readingTime: { minutes: 4 },
      date: '2025-03-02T00:00:00.000Z',
      lang: 'ar-EG',
    }
    const context = contextOf(card, { title: 'Dawn', language: 'en' })
    expect(context.language).toBe('ar-EG')
    expect(context.languageDirection).toBe('rtl')
    expect(context.date).toBe('٢ مارس ٢٠٢٥')
    expect(context.readingTime).toBe('٤ دقائق')
  })

  it("uses the site's language for an article without one", () => {
    const card = { ...article, date: '2025-03-02T00:00:00.000Z' }
    const context = contextOf(card, { title: 'Dawn', language: 'de' })
    expect([context.date, context.readingTime]).toEqual(['2. März 2025', '1 Min. Lesezeit'])
  })

  it('shows the host of the site URL without www', () => {
    const site = { title: 'Dawn', url: 'https://www.dawn.example/blog/' }
    expect(contextOf(article, site).host).toBe('dawn.example')
  })
})
