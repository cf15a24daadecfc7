import { createHash } from 'node:crypto'
import type { Author, Site } from '@dawnpress/core'
import { absoluteUrl, articlePath, cardPath, SITE_FEEDS } from '@dawnpress/core'
import { compareStrings } from '@dawnpress/core/internal'
import { prepareContentHtml, resolveUrl } from './html.ts'
import { cleanText } from './text.ts'
import type { FeedArticle, FeedContentCache, FeedOptions, FeedPaths } from './types.ts'

/** The default limit on items per feed. */
export const DEFAULT_FEED_LIMIT = 50

/** Where the feeds are served unless told otherwise. */
export const DEFAULT_FEED_PATHS: Readonly<FeedPaths> = SITE_FEEDS

// An empty feed still needs an updated date; the build time would break determinism.
const EPOCH = new Date(0)

/** One feed in format-neutral form: every text cleaned, every URL absolute. */
export interface FeedModel {
  title: string
  description: string
  /** A BCP 47 tag, or undefined when the site's is not one. */
  language: string | undefined
  homeUrl: string
  selfUrls: FeedPaths
  copyright: string | undefined
  author: Author
  /** The newest item's date, never the build time. */
  updated: Date
  items: FeedItem[]
}

/** One article as every format needs it. */
export interface FeedItem {
  /** The article's URL: its link, and its id (which never changes with the title). */
  url: string
  title: string
  summary: string
  html: string
  published: Date
  updated: Date
  /** Empty when the article credits nobody: the feed's author stands in. */
  authors: Author[]
  tags: string[]
  image: FeedImage | undefined
  lang: string | undefined
}

/** An item image; `type` is known for the common image formats only. */
export interface FeedImage {
  url: string
  type: string | undefined
}

const LANGUAGE_TAG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/

/**
 * What the feeds of one site can share: each article's dates and item, and each item's
 * rendered XML, so that an article in the main feeds and in several tag feeds is prepared
 * and written once. Only for feeds of the same site and `cardImages`, since items depend on
 * both, and the XML on the site's author and language.
 */
export interface FeedCache {
  dates: Map<FeedArticle, ItemDates | undefined>
  items: Map<FeedArticle, FeedItem>
  rss: Map<FeedItem, string>
  atom: Map<FeedItem, string>
}

/** An empty cache, for one run over one site's articles. */
export function createFeedCache(): FeedCache {
  return { dates: new Map(), items: new Map(), rss: new Map(), atom: new Map() }
}

/**
 * Builds the model of one feed: dated articles, newest first (ties by slug), cut to the
 * limit, with cleaned text, absolute URLs and sanitised content. Only the articles that make
 * the cut are prepared.
 */
export function buildFeedModel(
  articles: readonly FeedArticle[],
  site: Site,
  options: FeedOptions = {},
  cache: FeedCache = createFeedCache(),
): FeedModel {
  const limit = options.limit ?? DEFAULT_FEED_LIMIT
  if (!(limit === Number.POSITIVE_INFINITY || (Number.isInteger(limit) && limit > 0))) {
    throw new RangeError(`The feed limit must be a positive integer, but it is ${String(limit)}.`)
  }
  const paths = { ...DEFAULT_FEED_PATHS, ...options.paths }
  const cardImages = options.cardImages ?? true
  const items = selectEntries(articles, limit, cache).map(({ article, dates }) => {
    let item = cache.items.get(article)
    if (item === undefined) {
      item = buildItem(article, dates, site, cardImages, options.contentCache)
      cache.items.set(article, item)
    }
    return item
  })
  const newest = Math.max(...items.map((item) => item.updated.getTime()))
  return {
    title: cleanText(options.title ?? site.title),
    description: cleanText(options.description ?? site.description),
    language: LANGUAGE_TAG.test(site.language) ? site.language : undefined,
    homeUrl: absoluteUrl(site.url, options.link ?? '/'),
    selfUrls: {
      rss: absoluteUrl(site.url, paths.rss),
      atom: absoluteUrl(site.url, paths.atom),
      json: absoluteUrl(site.url, paths.json),
    },
    copyright: site.copyright === undefined ? undefined : cleanText(site.copyright),
    author: cleanAuthor(site.author, site.url) ?? { name: cleanText(site.title) },
    updated: items.length > 0 ? new Date(newest) : EPOCH,
    items,
  }
}

/**
 * The articles a feed lists: those with a date, newest first (ties by slug), cut to the
 * limit. Reads only dates and slugs.
 */
export function selectFeedArticles(
  articles: readonly FeedArticle[],
  options: Pick<FeedOptions, 'limit'> = {},
  cache: FeedCache = createFeedCache(),
): FeedArticle[] {
  return selectEntries(articles, options.limit ?? DEFAULT_FEED_LIMIT, cache).map(
    (entry) => entry.article,
  )
}

function selectEntries(articles: readonly FeedArticle[], limit: number, cache: FeedCache) {
  return articles
    .map((article) => ({ article, dates: cachedDates(article, cache) }))
    .filter(
      (entry): entry is { article: FeedArticle; dates: ItemDates } => entry.dates !== undefined,
    )
    .sort(
      (a, b) =>
        b.dates.published.getTime() - a.dates.published.getTime() ||
        compareStrings(a.article.slug, b.article.slug),
    )
    .slice(0, limit)
}

interface ItemDates {
  published: Date
  updated: Date
}

function cachedDates(article: FeedArticle, cache: FeedCache): ItemDates | undefined {
  if (cache.dates.has(article)) return cache.dates.get(article)
  const dates = readDates(article)
  cache.dates.set(article, dates)
  return dates
}

function readDates(article: FeedArticle): ItemDates | undefined {
  const published = parseDate(article.date ?? article.updated, article, 'date')
  if (published === undefined) return undefined
  const updated = parseDate(article.updated, article, 'updated') ?? published
  // An update before publication is a typo; the feed never dates an item before it appeared.
  return { published, updated: new Date(Math.max(updated.getTime(), published.getTime())) }
}

function parseDate(value: string | undefined, article: FeedArticle, field: string) {
  if (value === undefined) return undefined
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) {
    throw new TypeError(
      `The ${field} of article "${article.slug}" is not a date: ${JSON.stringify(value)}.`,
    )
  }
  return date
}

function buildItem(
  article: FeedArticle,
  dates: ItemDates,
  site: Site,
  cardImages: boolean,
  contentCache: FeedContentCache | undefined,
): FeedItem {
  const url = absoluteUrl(site.url, articlePath(article.slug))
  return {
    url,
    title: cleanText(article.title),
    summary: cleanText(article.description),
    html: prepareCachedContent(article, url, site.url, contentCache),
    published: dates.published,
    updated: dates.updated,
    authors: article.authors
      .map((author) => cleanAuthor(author, site.url))
      .filter((author): author is Author => author !== undefined),
    tags: uniqueTags(article.tags),
    image: cardImages
      ? { url: absoluteUrl(site.url, cardPath(article.slug)), type: 'image/png' }
      : articleImage(article.image, url, site.url),
    lang: article.lang !== undefined && LANGUAGE_TAG.test(article.lang) ? article.lang : undefined,
  }
}

function prepareCachedContent(
  article: FeedArticle,
  articleUrl: string,
  siteUrl: string,
  cache: FeedContentCache | undefined,
): string {
  if (cache === undefined) return prepareContentHtml(article.html, articleUrl, siteUrl)
  const stand = cache.keyOf?.(article)
  // Versioned, so that a change to how content is prepared never serves old entries.
  const key = createHash('sha256')
    .update(`feed-content-1\0${siteUrl}\0${articleUrl}\0${stand === undefined ? 'html' : 'key'}\0`)
    .update(stand ?? article.html)
    .digest('base64url')
  let prepared = cache.get(key)
  if (prepared === undefined) {
    prepared = prepareContentHtml(article.html, articleUrl, siteUrl)
    cache.set(key, prepared)
  }
  return prepared
}

function cleanAuthor(author: Author, siteUrl: string): Author | undefined {
  const name = cleanText(author.name).trim()
  if (name === '') return undefined
  const resolved = author.url === undefined ? undefined : resolveUrl(author.url, siteUrl, siteUrl)
  const url = resolved !== undefined && /^(?:https?|mailto):/.test(resolved) ? resolved : undefined
  const email = author.email?.includes('@') ? cleanText(author.email) : undefined
  return {
    name,
    ...(url === undefined ? {} : { url }),
    ...(email === undefined ? {} : { email }),
  }
}

function uniqueTags(tags: readonly string[]): string[] {
  const cleaned = tags.map((tag) => cleanText(tag).trim()).filter((tag) => tag !== '')
  return [...new Set(cleaned)]
}

const IMAGE_TYPES: Record<string, string> = {
  avif: 'image/avif',
  gif: 'image/gif',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  svg: 'image/svg+xml',
  webp: 'image/webp',
}

function articleImage(image: string | undefined, articleUrl: string, siteUrl: string) {
  if (image === undefined) return undefined
  const url = resolveUrl(image, articleUrl, siteUrl)
  if (url === undefined || !/^https?:/.test(url)) return undefined
  const extension = /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase()
  return { url, type: extension === undefined ? undefined : IMAGE_TYPES[extension] }
}
