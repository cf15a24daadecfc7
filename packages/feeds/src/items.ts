import { createHash } from 'node:crypto'
import type { Author, Site } from '@dawnpress/core'
import {
  absoluteUrl,
  articlePath,
  CARD_IMAGE,
  cardPath,
  isLanguageTag,
  slugifyTag,
} from '@dawnpress/core'
import type { Enclosure, Author as FeedAuthor } from 'feed'
import { prepareContentHtml, resolveUrl } from './html.ts'
import { mediaTypeOf } from './media-types.ts'
import type { ItemDates } from './select.ts'
import { cleanText } from './text.ts'
import type { FeedArticle, FeedItem, FeedSourceOptions } from './types.ts'

/** What turning an article into an item needs beside the article. */
export interface ItemContext {
  site: Site
  options: FeedSourceOptions
  /** The spelling of each tag slug across the articles (see `groupByTag`). */
  tagNames: ReadonlyMap<string, string>
}

/**
 * An article as a `feed` item: cleaned text, absolute URLs, the content sanitised (when the
 * feed carries content), the site-wide spelling of each tag once, and the card or the
 * article's own image as an enclosure.
 */
export function buildItem(article: FeedArticle, dates: ItemDates, context: ItemContext): FeedItem {
  const { site, options } = context
  const url = itemUrl(article, site, options)
  // A renamed article keeps the id it was first published with (see articleIdPath).
  const first = article.redirect_from?.[0]
  const id = first === undefined ? url : itemUrl({ ...article, slug: first }, site, options)
  const title = cleanText(article.title).trim()
  const authors = article.authors
    .map((author) => toFeedAuthor(author, site.url))
    .filter((author) => author !== undefined)
  return {
    id,
    link: url,
    // A title of nothing but control characters is blank once they are dropped.
    title: title === '' ? article.slug : title,
    description: cleanText(article.description),
    content:
      (options.content ?? 'full') === 'full'
        ? prepareCachedContent(article, url, site.url, options)
        : undefined,
    date: dates.updated,
    published: dates.published,
    author: authors.length > 0 ? authors : undefined,
    category: categories(article.tags, context.tagNames).map((name) => ({ name, term: name })),
    image: itemImage(article, url, context),
    language: article.lang !== undefined && isLanguageTag(article.lang) ? article.lang : undefined,
  }
}

function itemUrl(article: FeedArticle, site: Site, options: FeedSourceOptions): string {
  if (options.itemUrl === undefined) return absoluteUrl(site.url, articlePath(article.slug))
  const given = options.itemUrl(article)
  const url = /^\/(?![/\\])/.test(given) ? absoluteUrl(site.url, given) : given
  if (!/^https?:\/\//i.test(url)) {
    throw new TypeError(
      `itemUrl must give a site path or an absolute http(s) URL, but gave ${JSON.stringify(given)} for "${article.slug}".`,
    )
  }
  return new URL(url).href
}

/** The site-wide spelling of each distinct tag, in the article's order. */
function categories(tags: readonly string[], names: ReadonlyMap<string, string>): string[] {
  const seen = new Set<string>()
  const result: string[] = []
  for (const raw of tags) {
    const tag = cleanText(raw).trim()
    // The slug rule decides which spellings are one tag (`AI`, `ai`), as for tag pages.
    const slug = slugifyTag(tag) || tag
    if (tag === '' || seen.has(slug)) continue
    seen.add(slug)
    result.push(cleanText(names.get(slug) ?? tag).trim() || tag)
  }
  return result
}

function itemImage(
  article: FeedArticle,
  articleUrl: string,
  { site, options }: ItemContext,
): Enclosure | undefined {
  if (options.cardImages ?? true) {
    const length = options.cardSizes === undefined ? 0 : options.cardSizes.get(article.slug)
    if (length === undefined) return undefined
    return { url: absoluteUrl(site.url, cardPath(article.slug)), type: CARD_IMAGE.type, length }
  }
  if (article.image === undefined) return undefined
  const url = resolveUrl(article.image, articleUrl, site.url)
  if (url === undefined || !/^https?:/.test(url)) return undefined
  const type = mediaTypeOf(url, 'image')
  // Without a known media type there is no valid enclosure.
  return type === undefined ? undefined : { url, type, length: 0 }
}

function prepareCachedContent(
  article: FeedArticle,
  articleUrl: string,
  siteUrl: string,
  options: FeedSourceOptions,
): string {
  const cache = options.contentCache
  if (cache === undefined) return prepareContentHtml(article.html, articleUrl, siteUrl)
  const stand = cache.keyOf?.(article)
  // Versioned, so that a change to how content is prepared never serves old entries.
  const key = createHash('sha256')
    .update(`feed-content-2\0${siteUrl}\0${articleUrl}\0${stand === undefined ? 'html' : 'key'}\0`)
    .update(stand ?? article.html)
    .digest('base64url')
  let prepared = cache.get(key)
  if (prepared === undefined) {
    prepared = prepareContentHtml(article.html, articleUrl, siteUrl)
    cache.set(key, prepared)
  }
  return prepared
}

/** A dawnpress author as `feed` has them: a name, and a usable link and e-mail address. */
export function toFeedAuthor(author: Author, siteUrl: string): FeedAuthor | undefined {
  const name = cleanText(author.name).trim()
  if (name === '') return undefined
  const resolved = author.url === undefined ? undefined : resolveUrl(author.url, siteUrl, siteUrl)
  const link = resolved !== undefined && /^(?:https?|mailto):/.test(resolved) ? resolved : undefined
  const email = author.email?.includes('@') ? cleanText(author.email) : undefined
  return {
    name,
    ...(link !== undefined && { link }),
    ...(email !== undefined && { email }),
  }
}
