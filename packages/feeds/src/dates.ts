import { DEFAULT_TIME_ZONE, isTimeZone, readDateIn } from '@dawnpress/core/internal'

/** The time zone date-only dates are read in unless told otherwise. */
export { DEFAULT_TIME_ZONE }

/**
 * Throws a `RangeError` unless `timeZone` is an IANA time zone this Node knows, such as
 * `Europe/Paris`; a configuration mistake, so it throws.
 */
export function assertTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) {
    throw new RangeError(
      `The feed time zone must be an IANA time zone such as "UTC" or "Europe/Paris", but it is ${JSON.stringify(timeZone)}.`,
    )
  }
}

/**
 * Reads a date as articles give it: an ISO 8601 date-time (with its offset, or UTC), or a
 * date alone (`2025-01-15`), which is the start of that day in `timeZone`. Undefined when
 * `value` is not a date.
 */
export function parseFeedDate(
  value: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): Date | undefined {
  return readDateIn(value, timeZone)
}
