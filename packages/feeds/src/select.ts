import { compareStrings } from '@dawnpress/core/internal'
import { DEFAULT_TIME_ZONE, parseFeedDate } from './dates.ts'
import type { FeedArticle, FeedItem, FeedSourceOptions } from './types.ts'
import { createWriteCache, type WriteCache } from './write-cache.ts'

/** The default limit on items per feed. */
export const DEFAULT_FEED_LIMIT = 50

/** When an article appeared and last changed, as a feed dates it. */
export interface ItemDates {
  published: Date
  updated: Date
}

/**
 * What the feeds of one site can share: each article's dates and item, each item's written
 * form, and the spelling of each tag across the site, so that an article in the main feeds
 * and in several tag feeds is prepared and written once, under the same tag names. Only for
 * feeds of the same site and source options, since items depend on both.
 */
export interface FeedCache {
  dates: Map<FeedArticle, ItemDates | undefined>
  items: Map<FeedArticle, FeedItem>
  /** The spelling of each tag slug across the site; undefined: from the feed's own articles. */
  tagNames: ReadonlyMap<string, string> | undefined
  written: WriteCache
}

/** An empty cache, for one run over one site's articles. */
export function createFeedCache(): FeedCache {
  return { dates: new Map(), items: new Map(), tagNames: undefined, written: createWriteCache() }
}

/** One article a feed lists, with its dates. */
export interface FeedEntry {
  article: FeedArticle
  dates: ItemDates
}

type SelectOptions = Pick<FeedSourceOptions, 'limit' | 'now' | 'timeZone'>

/**
 * The articles a feed lists: those with a date that are not scheduled after `now`, newest
 * first (ties by slug), cut to the limit. Reads only dates and slugs.
 */
export function selectFeedEntries(
  articles: readonly FeedArticle[],
  options: SelectOptions,
  cache: FeedCache,
): FeedEntry[] {
  const limit = readLimit(options.limit)
  const now = (options.now ?? new Date()).getTime()
  if (Number.isNaN(now)) throw new RangeError('The feed option `now` is not a valid date.')
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE
  const entries: FeedEntry[] = []
  for (const article of articles) {
    const dates = cachedDates(article, timeZone, cache)
    if (dates !== undefined && dates.published.getTime() <= now) entries.push({ article, dates })
  }
  return entries
    .sort(
      (a, b) =>
        b.dates.published.getTime() - a.dates.published.getTime() ||
        compareStrings(a.article.slug, b.article.slug),
    )
    .slice(0, limit)
}

function readLimit(limit: number | undefined): number {
  const value = limit ?? DEFAULT_FEED_LIMIT
  if (value === Number.POSITIVE_INFINITY || (Number.isInteger(value) && value > 0)) return value
  throw new RangeError(`The feed limit must be a positive integer, but it is ${String(value)}.`)
}

function cachedDates(article: FeedArticle, timeZone: string, cache: FeedCache) {
  if (cache.dates.has(article)) return cache.dates.get(article)
  const dates = readDates(article, timeZone)
  cache.dates.set(article, dates)
  return dates
}

function readDates(article: FeedArticle, timeZone: string): ItemDates | undefined {
  const published = readDate(article.date ?? article.updated, article, 'date', timeZone)
  if (published === undefined) return undefined
  const updated = readDate(article.updated, article, 'updated', timeZone) ?? published
  // An update before publication is a typo; the feed never dates an item before it appeared.
  return { published, updated: new Date(Math.max(updated.getTime(), published.getTime())) }
}

function readDate(
  value: string | undefined,
  article: FeedArticle,
  field: string,
  timeZone: string,
): Date | undefined {
  if (value === undefined) return undefined
  const date = parseFeedDate(value, timeZone)
  if (date === undefined) {
    throw new TypeError(
      `The ${field} of article "${article.slug}" is not a date: ${JSON.stringify(value)}.`,
    )
  }
  return date
}
