import { posix } from 'node:path'
import type { Site } from '@dawnpress/core'
import { absoluteUrl, groupByTag, isLanguageTag, SITE_FEEDS } from '@dawnpress/core'
import { Feed } from 'feed'
import { assertTimeZone } from './dates.ts'
import { buildItem, toFeedAuthor } from './items.ts'
import { renderFeedWith } from './render-feed.ts'
import { createFeedCache, type FeedCache, selectFeedEntries } from './select.ts'
import { cleanText } from './text.ts'
import type { FeedArticle, FeedDocuments, FeedOptions, FeedPaths } from './types.ts'

/** Where the feeds are served unless told otherwise. */
export const DEFAULT_FEED_PATHS: Readonly<FeedPaths> = SITE_FEEDS

/**
 * Builds one feed of articles as a `feed` Feed: the model `@dawnpress/feeds` works with,
 * which you can extend with `feed`'s own API (`addItem`, `addCategory`, `addContributor`,
 * `addExtension`, the `options` and `items` it holds) before `renderFeed` writes it.
 * Articles come newest first, up to the limit; those without a date or published after
 * `now` are left out. Each item carries the full content (sanitised, every URL absolute)
 * or only the summary, the description as summary, authors, the site's spelling of each
 * tag as categories, the social card as its image, and its language when it has its own.
 * The feed's date is its newest item's, never the time of the build (a feed without items
 * is dated `now`).
 *
 * @example
 * const feed = createFeed(articles, site, { limit: 20 })
 * feed.addCategory('Technology')
 * const { rss, atom, json } = renderFeed(feed)
 */
export function createFeed(
  articles: readonly FeedArticle[],
  site: Site,
  options: FeedOptions = {},
): Feed {
  return buildFeed(articles, site, options, createFeedCache())
}

/**
 * Renders one feed in RSS 2.0, Atom 1.0 and JSON Feed 1.1: `renderFeed(createFeed(...))`.
 * Pure and deterministic for a given `now`.
 *
 * @example
 * const { rss, atom, json } = createFeeds(articles, site)
 * await writeFile('dist/rss.xml', rss)
 */
export function createFeeds(
  articles: readonly FeedArticle[],
  site: Site,
  options: FeedOptions = {},
): FeedDocuments {
  const cache = createFeedCache()
  return renderFeedWith(buildFeed(articles, site, options, cache), cache.written)
}

/** `createFeed` with a cache shared by the feeds of one site (see `FeedCache`). */
export function buildFeed(
  articles: readonly FeedArticle[],
  site: Site,
  options: FeedOptions,
  cache: FeedCache,
): Feed {
  const timeZone = options.timeZone ?? site.timeZone
  if (timeZone !== undefined) assertTimeZone(timeZone)
  const now = options.now ?? new Date()
  const entries = selectFeedEntries(articles, { ...options, now, timeZone }, cache)
  const context = { site, options, tagNames: cache.tagNames ?? tagNamesOf(articles) }
  const items = entries.map(({ article, dates }) => {
    let item = cache.items.get(article)
    if (item === undefined) {
      item = buildItem(article, dates, context)
      cache.items.set(article, item)
    }
    return item
  })
  const paths = { ...DEFAULT_FEED_PATHS, ...options.paths }
  const selfUrls = {
    rss: absoluteUrl(site.url, paths.rss),
    atom: absoluteUrl(site.url, paths.atom),
    json: absoluteUrl(site.url, paths.json),
  }
  const title = cleanText(options.title ?? site.title).trim() || new URL(site.url).host
  const newest = Math.max(...items.map((item) => item.date.getTime()))
  const feed = new Feed({
    id: selfUrls.atom,
    title,
    description: cleanText(options.description ?? site.description),
    link: absoluteUrl(site.url, options.link ?? '/'),
    language: isLanguageTag(site.language) ? site.language : undefined,
    updated: items.length > 0 ? new Date(newest) : now,
    generator: 'dawnpress',
    copyright: site.copyright === undefined ? undefined : cleanText(site.copyright),
    feedLinks: selfUrls,
    author: toFeedAuthor(site.author, site.url) ?? { name: title },
    image: imageUrl(options.logo, site, 'logo'),
    favicon: imageUrl(options.icon, site, 'icon'),
    stylesheet:
      options.stylesheet === undefined
        ? undefined
        : stylesheetHref(options.stylesheet, site, paths),
  })
  for (const item of items) feed.addItem(item)
  return feed
}

/** The spelling of each tag slug across `articles`: the one most of them use. */
export function tagNamesOf(articles: readonly FeedArticle[]): Map<string, string> {
  return new Map(groupByTag(articles).map((group) => [group.slug, group.name]))
}

function imageUrl(value: string | undefined, site: Site, option: string): string | undefined {
  if (value === undefined) return undefined
  const url = /^\/(?![/\\])/.test(value) ? absoluteUrl(site.url, value) : value
  if (!/^https?:\/\/[^/]/i.test(url)) {
    throw new TypeError(
      `The feed ${option} must be a site path or an absolute http(s) URL, but it is ${JSON.stringify(value)}.`,
    )
  }
  return new URL(url).href
}

/**
 * The `href` of a stylesheet given as a site path: relative to the feed's files, as the
 * pages link theirs, so that browsers apply it wherever the site is served (under its base
 * path, or at the root of a preview; they refuse stylesheets from another origin). When
 * the RSS and Atom files are in different folders, a path from the site's origin. Anything
 * else is used as given.
 */
function stylesheetHref(value: string, site: Site, paths: FeedPaths): string {
  if (!/^\/(?![/\\])/.test(value)) return value
  const folder = posix.dirname(paths.rss)
  if (posix.dirname(paths.atom) !== folder) return new URL(absoluteUrl(site.url, value)).pathname
  const relative = posix.relative(folder, posix.dirname(value))
  return relative === '' ? posix.basename(value) : `${relative}/${posix.basename(value)}`
}
