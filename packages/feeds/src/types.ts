import type { Author } from '@dawnpress/core'
import type { Item } from 'feed'

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
  /**
   * Publication date: an ISO 8601 date-time, or a date alone (`2025-01-15`), which starts
   * that day in `timeZone`. Articles with neither `date` nor `updated` are left out.
   */
  date?: string | undefined
  /** Date of the last change, as `date`. */
  updated?: string | undefined
  /** Credited authors; the site's author stands in when empty. */
  authors: readonly Author[]
  /** Topics: categories in RSS and Atom, tags in JSON Feed, and one feed per tag. */
  tags: readonly string[]
  /** A cover image (absolute URL or site path), used when `cardImages` is off. */
  image?: string | undefined
  /** BCP 47 language tag when the article's language differs from the site's. */
  lang?: string | undefined
  /**
   * The article's earlier slugs, oldest first, after a rename. The item's id stays the URL
   * it had under the first of them, so that readers do not show the article twice.
   */
  redirect_from?: readonly string[] | undefined
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

/**
 * A `feed` item as dawnpress's writers read it: every field of `feed`'s `Item`, and the
 * item's language when it differs from the feed's (`xml:lang` in Atom, `language` in JSON
 * Feed), which `feed` has no field for.
 */
export interface FeedItem extends Item {
  /** BCP 47 tag of the item's language. */
  language?: string | undefined
}

/** The byte size of each article's social card, by slug; a `Map` will do. */
export interface CardSizes {
  get(slug: string): number | undefined
}

/** What every item carries: the full article, or its description alone. */
export type FeedContent = 'full' | 'summary'

/** Options of every way to build feeds from articles. */
export interface FeedSourceOptions {
  /** The most items in a feed: the newest articles win. @default 50 */
  limit?: number
  /**
   * `'full'`: each item has the article's HTML as its content and the description as its
   * summary. `'summary'`: the description only (`content:encoded`, Atom `content` and JSON
   * Feed `content_html` are left out), for publications that want readers on their pages.
   * @default 'full'
   */
  content?: FeedContent
  /**
   * Use each article's social card (`/og/<slug>.png`) as the item image (an RSS and Atom
   * enclosure, JSON Feed `image`). When off, the article's own `image` is used, if it has one.
   * @default true
   */
  cardImages?: boolean
  /**
   * The byte size of each card as built, for the enclosure's `length`. When given, an article
   * it has no size for gets no card image: with cards not built, pass an empty Map. Without
   * it every card is taken to exist, with `length="0"` (unknown, as RSS allows).
   */
  cardSizes?: CardSizes
  /**
   * The build time. Articles published after it are left out (scheduled posts), and a feed
   * with no items is dated with it. Pass a fixed time (from `SOURCE_DATE_EPOCH`, say) for
   * output that does not change with the clock.
   * @default the current time
   */
  now?: Date
  /**
   * The IANA time zone a date without a time (`2025-01-15`) is read in: the item is dated
   * at the start of that day there.
   * @default 'UTC'
   */
  timeZone?: string
  /**
   * The page each item links to (its link and id), as a site path or an absolute URL.
   * @default (article) => `/articles/${article.slug}/`
   * @example itemUrl: (article) => `/posts/${article.slug}.html`
   */
  itemUrl?: (article: FeedArticle) => string
  /**
   * The publication's logo, a site path or an absolute URL: RSS `<image>`, Atom `<logo>`
   * (twice as wide as high) and JSON Feed `icon` (square, 512 pixels).
   */
  logo?: string
  /**
   * The publication's small icon, a site path or an absolute URL: Atom `<icon>` and JSON
   * Feed `favicon` (square, 64 pixels).
   */
  icon?: string
  /**
   * Item content already prepared (sanitised, every URL absolute), kept by a digest of the
   * article's HTML, URL and the site URL. Pass a Map that outlives one build, or one read
   * from disk, and unchanged articles are not sanitised again; new entries are added to it.
   */
  contentCache?: FeedContentCache
}

/** Options of `createFeed` and `createFeeds`: one feed. */
export interface FeedOptions extends FeedSourceOptions {
  /** Where each file is served; each feed's self link points at its own file. */
  paths?: Partial<FeedPaths>
  /** The feed's title, for feeds narrower than the site (per tag). @default site.title */
  title?: string
  /** The feed's description. @default site.description */
  description?: string
  /** Site-relative path of the HTML page the feed stands for. @default "/" */
  link?: string
  /**
   * An XSL stylesheet for browsers, as a site path or URL: the RSS and Atom documents name it
   * in an `<?xml-stylesheet?>` instruction, which readers skip. `renderFeedStylesheet` gives
   * dawnpress's own.
   * @default none
   */
  stylesheet?: string
}

/** Options of `createFeedFiles`: every feed of a site. */
export interface FeedFilesOptions extends FeedSourceOptions {
  /** Also write one set of feeds per tag, under `tags/<tag>/`. @default true */
  tagFeeds?: boolean
  /**
   * `true`: write dawnpress's XSL stylesheet as `feed.xsl` and name it in every RSS and Atom
   * file, so that a feed opened in a browser reads as a page with a hint to subscribe.
   * A string: name your own stylesheet (a site path or URL) and write none. `false`: none.
   * @default true
   */
  stylesheet?: boolean | string
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

/** One file to write: `path` is relative to the output folder, with `/` separators. */
export interface FeedFile {
  path: string
  contents: string
}
