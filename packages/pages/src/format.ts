const formatters = new Map<string, Intl.DateTimeFormat>()

function dateFormatter(language: string): Intl.DateTimeFormat {
  let formatter = formatters.get(language)
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' })
    } catch {
      // An unknown language tag must not fail a build: fall back to English.
      formatter = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' })
    }
    formatters.set(language, formatter)
  }
  return formatter
}

/**
 * A publication date as readers see it, in the site's language and always in UTC so that the
 * output does not depend on the machine's time zone: `2 November 2026` / `November 2, 2026`.
 */
export function formatDate(iso: string, language: string): string {
  return dateFormatter(language).format(new Date(iso))
}

/** The calendar day of an ISO timestamp, for `<time datetime>` and sitemaps: `2026-11-02`. */
export function isoDay(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10)
}

/** `10 min read`. */
export function formatReadingTime(minutes: number): string {
  return `${minutes} min read`
}

/**
 * The link from one site path to another, relative, so that pages work under any base path
 * and on any host (a preview server on localhost as well as the published site).
 *
 * @example
 * relativeHref('/articles/a/', '/tags/ai/') // '../../tags/ai/'
 * relativeHref('/', '/') // './'
 */
export function relativeHref(from: string, to: string): string {
  const fromDirs = from.split('/').slice(1, -1)
  const toParts = to.split('/').slice(1)
  let common = 0
  while (
    common < fromDirs.length &&
    common < toParts.length - 1 &&
    fromDirs[common] === toParts[common]
  ) {
    common++
  }
  const up = '../'.repeat(fromDirs.length - common)
  const rest = toParts.slice(common).join('/')
  return up + rest || './'
}

/** An author- or config-supplied link, kept only when it cannot run code (http, https, mailto). */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined
  try {
    const { protocol } = new URL(url)
    return protocol === 'http:' || protocol === 'https:' || protocol === 'mailto:' ? url : undefined
  } catch {
    return undefined
  }
}
