/**
 * The time a build publishes as of: `SOURCE_DATE_EPOCH` (seconds since 1970, the
 * reproducible-builds convention) when it is set, so that the same commit and epoch give
 * byte-identical output; otherwise now. Articles dated after it are scheduled: not
 * published yet. Throws a `RangeError` for a `SOURCE_DATE_EPOCH` that is not a whole number.
 *
 * @example
 * SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) dawnpress build
 */
export function buildTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH
  if (epoch === undefined || epoch === '') return new Date()
  if (!/^\d+$/.test(epoch.trim())) {
    throw new RangeError(
      `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not ${JSON.stringify(epoch)}.`,
    )
  }
  return new Date(Number(epoch.trim()) * 1000)
}

/** Whether an article is scheduled: dated after the build time. */
export function isScheduled(article: { date?: string | undefined }, now: Date): boolean {
  return article.date !== undefined && Date.parse(article.date) > now.getTime()
}
