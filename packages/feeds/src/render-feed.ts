import type { Feed } from 'feed'
import { renderAtom } from './atom.ts'
import { renderJsonFeed } from './json-feed.ts'
import { renderRss } from './rss.ts'
import type { FeedDocuments } from './types.ts'
import { createWriteCache, type WriteCache } from './write-cache.ts'

/**
 * Writes a `feed` Feed as RSS 2.0, Atom 1.0 and JSON Feed 1.1 with dawnpress's writers: any
 * Feed, whether `createFeed` built it or you did, with the items, categories, enclosures
 * and extensions you added. Every text is escaped for where it stands (never in CDATA) and
 * cleaned of what XML and JSON cannot carry, dates and media types are written as each
 * format requires, and `language` on an item (see `FeedItem`) is its language. Pure: the
 * same Feed gives the same strings.
 *
 * `description` is plain text (the summary), `content` HTML, written as given: content from
 * elsewhere than `createFeed` (which sanitises it) is yours to make safe. Throws a
 * `TypeError` for what no valid feed can hold: a link that is not an absolute URL, an item
 * without a valid `date`, a language that is not a BCP 47 tag, an extension with a prefix
 * that has no namespace.
 *
 * @example
 * const feed = createFeed(articles, site)
 * feed.addItem({ title: 'Elsewhere', link: 'https://example.com/x', date: new Date() })
 * const { rss, atom, json } = renderFeed(feed)
 */
export function renderFeed(feed: Feed): FeedDocuments {
  return renderFeedWith(feed, createWriteCache())
}

/** `renderFeed` with a cache shared by the feeds of one site (see `WriteCache`). */
export function renderFeedWith(feed: Feed, cache: WriteCache): FeedDocuments {
  return {
    rss: renderRss(feed, cache),
    atom: renderAtom(feed, cache),
    json: renderJsonFeed(feed, cache),
  }
}
