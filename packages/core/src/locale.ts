/**
 * How an article's date and reading time read, and in which language: one rule for pages,
 * feeds and cards, so that a card never says "March 2, 2025" beside a page's "2 mars 2025".
 */

/**
 * The language an article is shown in: its own `lang` when set, else the site's, else
 * English.
 *
 * @example
 * articleLanguage({ lang: 'ar' }, { language: 'en' }) // 'ar'
 * articleLanguage({}, { language: 'de' }) // 'de'
 */
export function articleLanguage(
  article: { lang?: string | undefined },
  site: { language?: string | undefined },
): string {
  return article.lang ?? site.language ?? 'en'
}

// The primary subtags of the languages written right to left.
const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'ps',
  'sd',
  'ug',
  'ur',
  'yi',
])

/**
 * The direction a language is written in, for `dir` and for laying out a card: `rtl` for
 * Arabic, Hebrew, Persian, Urdu and the other languages written right to left.
 *
 * @example
 * languageDirection('ar-EG') // 'rtl'
 */
export function languageDirection(language: string): 'ltr' | 'rtl' {
  const primary = language.split('-')[0]?.toLowerCase() ?? ''
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr'
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * A date as readers see it, in `language` and in the site's time zone (UTC unless it names
 * one), never the machine's: `November 2, 2026`, `2. November 2026`, `٢ نوفمبر ٢٠٢٦`. A
 * language tag Intl rejects falls back to English rather than failing a build.
 *
 * @example
 * formatArticleDate('2026-11-02T00:00:00.000Z', 'de') // '2. November 2026'
 * formatArticleDate('2026-11-02T00:00:00.000Z', 'en', 'America/New_York') // 'November 1, 2026'
 */
export function formatArticleDate(iso: string, language: string, timeZone = 'UTC'): string {
  const key = `${language}\0${timeZone}`
  let format = dateFormats.get(key)
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone }
    try {
      format = new Intl.DateTimeFormat(language, options)
    } catch {
      format = new Intl.DateTimeFormat('en', options)
    }
    dateFormats.set(key, format)
  }
  return format.format(new Date(iso))
}

/**
 * "N min read" in the languages that have a phrase here, keyed by language tag or primary
 * subtag; `{n}` is the number, in the language's own digits (as dates are).
 */
export const READING_TIME_PHRASES: Readonly<Record<string, string>> = {
  en: '{n} min read',
  de: '{n} Min. Lesezeit',
  es: '{n} min de lectura',
  fr: '{n} min de lecture',
  it: '{n} min di lettura',
  ja: '{n}分で読めます',
  nl: '{n} min leestijd',
  pt: '{n} min de leitura',
  ru: '{n} мин чтения',
  zh: '{n} 分钟阅读',
  'zh-Hant': '{n} 分鐘閱讀',
  'zh-HK': '{n} 分鐘閱讀',
  'zh-TW': '{n} 分鐘閱讀',
}

const readingFormats = new Map<string, (minutes: number) => string>()

/**
 * A reading time in a language: the phrase of `READING_TIME_PHRASES` when the language has
 * one ("4 min read", "4 Min. Lesezeit", "4分で読めます"), else the neutral duration Intl
 * writes in any language ("٤ دقائق", "4 דקות", "4분").
 *
 * @example
 * formatReadingTime(4, 'en') // '4 min read'
 * formatReadingTime(4, 'ar') // '٤ دقائق'
 */
export function formatReadingTime(minutes: number, language: string): string {
  let format = readingFormats.get(language)
  if (!format) {
    format = createReadingFormat(language)
    readingFormats.set(language, format)
  }
  return format(minutes)
}

function createReadingFormat(language: string): (minutes: number) => string {
  let locale: Intl.Locale
  try {
    locale = new Intl.Locale(language)
  } catch {
    locale = new Intl.Locale('en')
  }
  const phrase =
    READING_TIME_PHRASES[locale.baseName] ??
    (locale.script ? READING_TIME_PHRASES[`${locale.language}-${locale.script}`] : undefined) ??
    (locale.region ? READING_TIME_PHRASES[`${locale.language}-${locale.region}`] : undefined) ??
    READING_TIME_PHRASES[locale.language]
  if (phrase) {
    const number = new Intl.NumberFormat(locale.baseName)
    return (minutes) => phrase.replace('{n}', number.format(minutes))
  }
  const duration = new Intl.NumberFormat(locale.baseName, {
    style: 'unit',
    unit: 'minute',
    unitDisplay: 'long',
  })
  return (minutes) => duration.format(minutes)
}
