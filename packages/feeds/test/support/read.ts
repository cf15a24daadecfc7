import { parseFeed as parseWithFeedParser } from '@rowanmanning/feed-parser'
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith'
import { DomUtils, parseDocument } from 'htmlparser2'
import type { FeedDocuments } from '../../src/types.ts'
import { validateAtom, validateJsonFeed, validateRss } from './validate.ts'

/** A feed as a reader shows it: text decoded the way its format says to decode it. */
export interface ReadFeed {
  title: string
  description: string
  homeUrl: string | undefined
  selfUrl: string | undefined
  /** ISO 8601 UTC. */
  updated: string | undefined
  language: string | undefined
  authors: string[]
  items: ReadItem[]
}

/** One item as a reader shows it. */
export interface ReadItem {
  id: string
  url: string
  /** Displayed text: HTML-typed text is rendered to text first. */
  title: string
  summary: string
  /** The content as HTML. */
  contentHtml: string
  /** ISO 8601 UTC. */
  published: string
  /** ISO 8601 UTC; undefined in RSS, which has no such field. */
  updated: string | undefined
  authors: string[]
  tags: string[]
  image: string | undefined
  language: string | undefined
}

/** What a second, unrelated parser reads from the same feed. */
export interface CrossReadItem {
  id: string | null
  url: string | null
  title: string | null
  published: string | null
}

/** One feed format, as the shared conformance suite sees it. */
export interface FeedFormat {
  name: 'RSS 2.0' | 'Atom 1.0' | 'JSON Feed 1.1'
  /** The file name the format is served as by default. */
  file: string
  pick(documents: FeedDocuments): string
  /** Throws unless the document is valid by the format's schema or specification. */
  validate(text: string): void
  /** Reads the document with `feedsmith`. */
  read(text: string): ReadFeed
  /** Reads the items with `@rowanmanning/feed-parser` (RSS and Atom) or plain JSON. */
  crossRead(text: string): CrossReadItem[]
}

/** The text a browser shows for an HTML fragment. */
export function htmlToText(html: string): string {
  return DomUtils.textContent(parseDocument(html))
}

function iso(value: string | Date | null | undefined): string | undefined {
  return value == null ? undefined : new Date(value).toISOString()
}

function textConstruct(construct: { value?: string; type?: string } | undefined): string {
  const value = construct?.value ?? ''
  return construct?.type === 'html' ? htmlToText(value) : value
}

function crossReadXml(text: string): CrossReadItem[] {
  return parseWithFeedParser(text).items.map((item) => ({
    id: item.id,
    url: item.url,
    title: item.title,
    published: iso(item.published) ?? null,
  }))
}

const rss: FeedFormat = {
  name: 'RSS 2.0',
  file: 'rss.xml',
  pick: (documents) => documents.rss,
  validate: validateRss,
  read(text) {
    const feed = parseRssFeed(text)
    return {
      title: feed.title ?? '',
      description: feed.description ?? '',
      homeUrl: feed.link,
      selfUrl: feed.atom?.links?.find((link) => link.rel === 'self')?.href,
      updated: iso(feed.lastBuildDate),
      language: feed.language,
      authors: [],
      items: (feed.items ?? []).map((item) => ({
        id: item.guid?.value ?? '',
        url: item.link ?? '',
        title: item.title ?? '',
        // RSS descriptions are HTML by convention.
        summary: htmlToText(item.description ?? ''),
        contentHtml: item.content?.encoded ?? '',
        published: iso(item.pubDate) ?? '',
        updated: undefined,
        authors: item.dc?.creators ?? [],
        tags: (item.categories ?? []).map((category) => category.name ?? ''),
        image: item.enclosures?.find((enclosure) => enclosure.type?.startsWith('image/'))?.url,
        language: undefined,
      })),
    }
  },
  crossRead: crossReadXml,
}

const atom: FeedFormat = {
  name: 'Atom 1.0',
  file: 'atom.xml',
  pick: (documents) => documents.atom,
  validate: validateAtom,
  read(text) {
    const feed = parseAtomFeed(text)
    const language = feed.xml?.lang
    return {
      title: textConstruct(feed.title),
      description: textConstruct(feed.subtitle),
      homeUrl: feed.links?.find((link) => (link.rel ?? 'alternate') === 'alternate')?.href,
      selfUrl: feed.links?.find((link) => link.rel === 'self')?.href,
      updated: iso(feed.updated),
      language,
      authors: (feed.authors ?? []).map((author) => author.name ?? ''),
      items: (feed.entries ?? []).map((entry) => ({
        id: entry.id ?? '',
        url: entry.links?.find((link) => (link.rel ?? 'alternate') === 'alternate')?.href ?? '',
        title: textConstruct(entry.title),
        summary: textConstruct(entry.summary),
        contentHtml: entry.content?.type === 'html' ? (entry.content.value ?? '') : '',
        published: iso(entry.published) ?? '',
        updated: iso(entry.updated),
        authors: (entry.authors ?? []).map((author) => author.name ?? ''),
        tags: (entry.categories ?? []).map((category) => category.term ?? ''),
        image: entry.links?.find((link) => link.rel === 'enclosure')?.href,
        language: entry.xml?.lang ?? language,
      })),
    }
  },
  crossRead: crossReadXml,
}

const json: FeedFormat = {
  name: 'JSON Feed 1.1',
  file: 'feed.json',
  pick: (documents) => documents.json,
  validate: validateJsonFeed,
  read(text) {
    const feed = parseJsonFeed(text)
    return {
      title: feed.title ?? '',
      description: feed.description ?? '',
      homeUrl: feed.home_page_url,
      selfUrl: feed.feed_url,
      updated: undefined,
      language: feed.language,
      authors: (feed.authors ?? []).map((author) => author.name ?? ''),
      items: (feed.items ?? []).map((item) => ({
        id: item.id ?? '',
        url: item.url ?? '',
        title: item.title ?? '',
        summary: item.summary ?? '',
        contentHtml: item.content_html ?? '',
        published: iso(item.date_published) ?? '',
        updated: iso(item.date_modified),
        authors: (item.authors ?? []).map((author) => author.name ?? ''),
        tags: item.tags ?? [],
        image: item.image,
        language: item.language ?? feed.language,
      })),
    }
  },
  crossRead(text) {
    const feed = JSON.parse(text) as {
      items: { id: string; url?: string; title?: string; date_published?: string }[]
    }
    return feed.items.map((item) => ({
      id: item.id,
      url: item.url ?? null,
      title: item.title ?? null,
      published: iso(item.date_published) ?? null,
    }))
  },
}

/** The three formats, for `describe.each`. */
export const FORMATS: readonly FeedFormat[] = [rss, atom, json]

/**
 * What in an HTML fragment could run code once a reader renders it: script-like elements,
 * event-handler attributes and `javascript:` URLs, found by parsing it as a browser would.
 */
export function findActiveContent(html: string): string[] {
  const found: string[] = []
  const elements = DomUtils.findAll(() => true, parseDocument(html).children)
  for (const element of elements) {
    if (/^(?:script|style|iframe|object|embed|svg|math|base|form)$/i.test(element.name)) {
      found.push(`<${element.name}>`)
    }
    for (const [name, value] of Object.entries(element.attribs)) {
      if (/^on/i.test(name)) found.push(`${element.name}[${name}]`)
      if (/^\s*(?:javascript|vbscript|data):/i.test(value)) found.push(`${element.name}[${name}]`)
    }
  }
  return found
}
