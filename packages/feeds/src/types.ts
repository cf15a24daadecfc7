import type { Author } from '@dawnpress/core'

/**
 * What a feed needs from an article. Core's `Article` satisfies it, and so does any article
 * type that has these fields: nothing else is read.
 */
export interface FeedArticle {
  /** Names the article's page (`/articles/<slug>/`) and social card (`/og/<slug>.png`). */
  slug: string
  /** Plain text; never read as markup. */
  title: string
  /** Plain text, one or two sentences: the item's summary. */
  description: string
  /** The article body as HTML: the item's full content. Sanitised again before use. */
  html: string
  /** Publication date, ISO 8601. Articles with neither `date` nor `updated` are left out. */
  date?: string | undefined
  /** Date of the last change, ISO 8601. */
  updated?: string | undefined
  /** Credited authors; the site's author stands in when empty. */
  authors: readonly Author[]
  /** Topics: categories in RSS and Atom, tags in JSON Feed, and one feed per tag. */
  tags: readonly string[]
  /** A cover image (absolute URL or site path), used when `cardImages` is off. */
  image?: string | undefined
  /** BCP 47 language tag when the article's language differs from the site's. */
  lang?: string | undefined
}

/** Where the three feed files are served, as site-relative paths such as `/rss.xml`. */
export interface FeedPaths {
  /** @default "/rss.xml" */
  rss: string
  /** @default "/atom.xml" */
  atom: string
  /** @default "/feed.json" */
  json: string
}

/** Options of `createFeeds`. */
export interface FeedOptions {
  /** The most items in a feed: the newest articles win. @default 50 */
  limit?: number
  /** Where each file is served; each feed's self link points at its own file. */
  paths?: Partial<FeedPaths>
  /** The feed's title, for feeds narrower than the site (per tag). @default site.title */
  title?: string
  /** The feed's description. @default site.description */
  description?: string
  /** Site-relative path of the HTML page the feed stands for. @default "/" */
  link?: string
  /**
   * Use each article's social card (`/og/<slug>.png`) as the item image. When off, the
   * article's own `image` is used, if it has one.
   * @default true
   */
  cardImages?: boolean
  /**
   * Item content already prepared (sanitised, every URL absolute), kept by a digest of the
   * article's HTML, URL and the site URL. Pass a Map that outlives one build, or one read
   * from disk, and unchanged articles are not sanitised again; new entries are added to it.
   */
  contentCache?: FeedContentCache
}

/** Where prepared item content is kept between builds; a `Map` will do. */
export interface FeedContentCache {
  get(key: string): string | undefined
  set(key: string, html: string): unknown
  /**
   * A string that changes whenever the article's `html` does, such as a digest of its source
   * file, so that an entry can be found without reading `html`. Without it (or when it
   * returns undefined) the key is a digest of the HTML itself.
   */
  keyOf?(article: FeedArticle): string | undefined
}

/** The three documents of one feed, as text ready to write in UTF-8. */
export interface FeedDocuments {
  /** RSS 2.0 with `content:encoded`, `dc:creator` and an `atom:link rel="self"`. */
  rss: string
  /** Atom 1.0 (RFC 4287). */
  atom: string
  /** JSON Feed 1.1. */
  json: string
}

/** Options of `createFeedFiles`. */
export interface FeedFilesOptions {
  /** The most items in each feed. @default 50 */
  limit?: number
  /** @see FeedOptions.cardImages @default true */
  cardImages?: boolean
  /** Also write one set of feeds per tag, under `tags/<tag>/`. @default true */
  tagFeeds?: boolean
  /** @see FeedOptions.contentCache */
  contentCache?: FeedContentCache
}

/** One file to write: `path` is relative to the output folder, with `/` separators. */
export interface FeedFile {
  path: string
  contents: string
}
