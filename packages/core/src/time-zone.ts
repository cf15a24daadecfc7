const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/

const offsetFormats = new Map<string, Intl.DateTimeFormat | undefined>()

/** The time zone a date without a time is read in unless the site names another. */
export const DEFAULT_TIME_ZONE = 'UTC'

function offsetFormat(timeZone: string): Intl.DateTimeFormat | undefined {
  if (!offsetFormats.has(timeZone)) {
    let format: Intl.DateTimeFormat | undefined
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      })
    } catch {
      format = undefined
    }
    offsetFormats.set(timeZone, format)
  }
  return offsetFormats.get(timeZone)
}

/** True for an IANA time zone this Node knows, such as `Europe/Paris`. */
export function isTimeZone(timeZone: string): boolean {
  return offsetFormat(timeZone) !== undefined
}

/** How far `timeZone` is ahead of UTC at `time`, in milliseconds. */
function offsetAt(time: number, format: Intl.DateTimeFormat): number {
  const parts: Record<string, number> = {}
  for (const part of format.formatToParts(time)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  const local = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  )
  return local - Math.floor(time / 1000) * 1000
}

/**
 * Reads a date as articles give it: an ISO 8601 date-time (with its offset, or UTC), or a
 * date alone (`2025-01-15`), which is the start of that day in `timeZone`. Undefined when
 * `value` is not a date. Throws a `RangeError` for a time zone this Node does not know.
 *
 * @example
 * readDateIn('2025-01-15', 'America/New_York').toISOString() // '2025-01-15T05:00:00.000Z'
 */
export function readDateIn(value: string, timeZone: string = DEFAULT_TIME_ZONE): Date | undefined {
  const day = DATE_ONLY.exec(value)
  if (day === null) {
    const date = new Date(value)
    return Number.isNaN(date.getTime()) ? undefined : date
  }
  const [year, month, date] = day.slice(1).map(Number) as [number, number, number]
  const midnight = Date.UTC(year, month - 1, date)
  if (new Date(midnight).getUTCDate() !== date) return undefined
  if (timeZone === 'UTC') return new Date(midnight)
  const format = offsetFormat(timeZone)
  if (format === undefined) {
    throw new RangeError(
      `The time zone must be an IANA time zone such as "UTC" or "Europe/Paris", but it is ${JSON.stringify(timeZone)}.`,
    )
  }
  // Midnight there is midnight in UTC less the offset there, which is found at a guess and
  // checked once more for the days the offset changes around midnight.
  const first = midnight - offsetAt(midnight, format)
  const second = midnight - offsetAt(first, format)
  if (second === first) return new Date(first)
  // Summer time began at midnight, so the day began at 01:00: the later guess.
  return new Date(offsetAt(second, format) === midnight - second ? second : Math.max(first, second))
}
