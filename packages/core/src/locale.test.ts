import { describe, expect, it } from 'vitest'
import {
  articleLanguage,
  formatArticleDate,
  formatReadingTime,
  languageDirection,
} from './locale.ts'

const DATE = '2025-03-02T00:00:00.000Z'

describe('articleLanguage', () => {
  it("takes the article's language, else the site's, else English", () => {
    expect(articleLanguage({ lang: 'ar' }, { language: 'en' })).toBe('ar')
    expect(articleLanguage({}, { language: 'de' })).toBe('de')
    expect(articleLanguage({}, {})).toBe('en')
  })
})

describe('languageDirection', () => {
  it('writes Arabic, Hebrew and Persian right to left, with or without a region', () => {
    expect(['ar', 'ar-EG', 'he', 'fa', 'HE'].map(languageDirection)).toEqual([
      'rtl',
      'rtl',
      'rtl',
      'rtl',
      'rtl',
    ])
    expect(['en', 'ja', 'zh-Hant'].map(languageDirection)).toEqual(['ltr', 'ltr', 'ltr'])
  })
})

describe('formatArticleDate', () => {
  it('formats in UTC, so a late-evening date never becomes the next day', () => {
    expect(formatArticleDate('2026-11-02T23:30:00.000Z', 'en')).toBe('November 2, 2026')
  })

  it("formats in the site's time zone when it names one", () => {
    expect(formatArticleDate('2025-02-28T11:00:00.000Z', 'en', 'Pacific/Auckland')).toBe(
      'March 1, 2025',
    )
    expect(formatArticleDate('2025-02-28T11:00:00.000Z', 'de', 'Pacific/Auckland')).toBe(
      '1. März 2025',
    )
  })

  it('formats in the language, with its own digits', () => {
    expect(formatArticleDate(DATE, 'de')).toBe('2. März 2025')
    expect(formatArticleDate(DATE, 'ar-EG')).toBe('٢ مارس ٢٠٢٥')
  })

  it('falls back to English for a language tag Intl rejects', () => {
    expect(formatArticleDate(DATE, 'not a tag!')).toBe('March 2, 2025')
  })
})

describe('formatReadingTime', () => {
  it('uses the phrase of a language that has one', () => {
    expect(formatReadingTime(4, 'en')).toBe('4 min read')
    expect(formatReadingTime(4, 'en-GB')).toBe('4 min read')
    expect(formatReadingTime(4, 'de')).toBe('4 Min. Lesezeit')
    expect(formatReadingTime(4, 'ja')).toBe('4分で読めます')
    expect(formatReadingTime(4, 'zh-TW')).toBe('4 分鐘閱讀')
    expect(formatReadingTime(4, 'zh-Hant-HK')).toBe('4 分鐘閱讀')
  })

  it('regression: an Arabic card no longer says "min read": the time is in the language of its date', () => {
    expect(formatReadingTime(4, 'ar-EG')).toBe('٤ دقائق')
    expect(formatReadingTime(4, 'he')).toBe('4 דקות')
    expect(formatReadingTime(4, 'ko')).toBe('4분')
  })

  it('falls back to English for a language tag Intl rejects', () => {
    expect(formatReadingTime(2, 'not a tag!')).toBe('2 min read')
  })
})
