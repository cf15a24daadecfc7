const dayFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * The calendar day of an ISO timestamp in `timeZone`, for `<time datetime>`: `2026-11-02`,
 * the day the page shows.
 */
export function isoDay(iso: string, timeZone = 'UTC'): string {
  const time = new Date(iso)
  if (timeZone === 'UTC') return time.toISOString().slice(0, 10)
  let format = dayFormats.get(timeZone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
    dayFormats.set(timeZone, format)
  }
  const part = (type: string) => format.formatToParts(time).find((p) => p.type === type)?.value
  return `${part('year')}-${part('month')}-${part('day')}`
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
