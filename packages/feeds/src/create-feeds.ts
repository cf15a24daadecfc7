import type { Site } from '@dawnpress/core'
import { Feed, type Author as FeedAuthor } from 'feed'
import { renderAtom } from './atom.ts'
import { renderJsonFeed } from './json-feed.ts'
import { buildFeedModel, createFeedCache, type FeedCache, type FeedModel } from './model.ts'
import { renderRss } from './rss.ts'
import { TextSlots } from './slots.ts'
import type { FeedArticle, FeedDocuments, FeedOptions } from './types.ts'

/**
 * Renders one feed in RSS 2.0, Atom 1.0 and JSON Feed 1.1. Pure and deterministic: the same
 * articles give the same strings, and the feed's date is its newest item's, never the time
 * of the build. Articles come newest first, up to the limit; those without a date are left
 * out. Each item carries the full content (sanitised, every URL absolute), the description
 * as summary, authors, tags as categories and the social card as its image.
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
  return renderFeeds(articles, site, options, createFeedCache())
}

/** `createFeeds` with a cache shared by the feeds of one site (see `FeedCache`). */
export function renderFeeds(
  articles: readonly FeedArticle[],
  site: Site,
  options: FeedOptions,
  cache: FeedCache,
): FeedDocuments {
  const model = buildFeedModel(articles, site, options, cache)
  const slots = new TextSlots()
  const feed = createFeed(model, slots)
  return {
    rss: renderRss(model, cache.rss),
    atom: renderAtom(model, cache.atom),
    json: renderJsonFeed(feed.json1(), model, slots),
  }
}

// `feed` lays out the three documents; every piece of text reaches it as a placeholder.
function createFeed(model: FeedModel, slots: TextSlots): Feed {
  const text = (value: string) => slots.add(value)
  const toAuthor = (author: FeedModel['author']): FeedAuthor => ({
    name: text(author.name),
    email: author.email === undefined ? undefined : text(author.email),
    link: author.url,
  })
  const feed = new Feed({
    id: model.selfUrls.atom,
    title: text(model.title),
    description: text(model.description),
    link: model.homeUrl,
    language: model.language,
    updated: model.updated,
    generator: 'dawnpress',
    copyright: model.copyright === undefined ? undefined : text(model.copyright),
    feedLinks: { ...model.selfUrls },
    author: toAuthor(model.author),
  })
  for (const item of model.items) {
    feed.addItem({
      id: item.url,
      link: item.url,
      title: text(item.title),
      description: text(item.summary),
      content: text(item.html),
      date: item.updated,
      published: item.published,
      // `feed` crashes writing JSON for an item whose author list is empty.
      author: item.authors.length > 0 ? item.authors.map(toAuthor) : undefined,
      category: item.tags.map((tag) => ({ name: text(tag), term: text(tag) })),
      // Without a known media type there is no valid enclosure; JSON Feed still gets it.
      image: item.image?.type ? { url: item.image.url, type: item.image.type } : undefined,
    })
  }
  return feed
}
