import { extractFromJson } from '@extractus/feed-extractor'
import { parseFeed as parseWithRowanmanning } from '@rowanmanning/feed-parser'
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith'
import RssParser from 'rss-parser'
import { htmlToText } from './read.ts'
import { withXml, XPATH_NAMESPACES } from './validate.ts'

/** The formats of one feed, by the key `FeedDocuments` has them under. */
export type FormatKey = 'rss' | 'atom' | 'json'

/** One item as a reader shows it: text decoded the way the document declares it. */
export interface ReadBackItem {
  id: string
  url: string
  title: string
  /** ISO 8601 UTC. */
  published: string
  /** ISO 8601 UTC; RSS has no such field. */
  updated?: string
  /** Who a reader credits: the item's authors, else the feed's, as Atom and JSON Feed say. */
  authors: string[]
  tags: string[]
  /** Plain text. */
  summary: string
  /** HTML, as the feed carries it (trimmed: some parsers trim). */
  content: string
  image?: string
}

/** The fields of `ReadBackItem` a parser can report for a format. */
export type ReadField = keyof ReadBackItem

/** One npm feed parser, as the read-back suite drives it. */
export interface FeedReader {
  parser: string
  format: FormatKey
  /** What it reports; the suite checks that every field is read by three parsers. */
  fields: readonly ReadField[]
  read(text: string): Promise<ReadBackItem[]>
}

const iso = (value: string | Date | null | undefined) =>
  value == null ? '' : new Date(value).toISOString()

/**
 * How a reader that honours `type` shows an Atom text construct that a parser returned as
 * written: `type="html"` is decoded as HTML. Parsers that do not report the type get it from
 * the document, by entry id.
 */
function atomTypes(xml: string): Map<string, { title: string; summary: string }> {
  return withXml(xml, (document) => {
    const types = new Map<string, { title: string; summary: string }>()
    for (const entry of document.find('/atom:feed/atom:entry', XPATH_NAMESPACES)) {
      types.set(String(entry.eval('string(atom:id)', XPATH_NAMESPACES)), {
        title: String(entry.eval('string(atom:title/@type)', XPATH_NAMESPACES)),
        summary: String(entry.eval('string(atom:summary/@type)', XPATH_NAMESPACES)),
      })
    }
    return types
  })
}

const asText = (value: string | null | undefined, type: string | undefined) =>
  type === 'html' ? htmlToText(value ?? '') : (value ?? '')

const FEEDSMITH_RSS: FeedReader = {
  parser: 'feedsmith',
  format: 'rss',
  fields: ['id', 'url', 'title', 'published', 'authors', 'tags', 'summary', 'content', 'image'],
  async read(text) {
    return (parseRssFeed(text).items ?? []).map((item) => ({
      id: item.guid?.value ?? '',
      url: item.link ?? '',
      title: item.title ?? '',
      published: iso(item.pubDate),
      authors: item.dc?.creators ?? [],
      tags: (item.categories ?? []).map((category) => category.name ?? ''),
      // RSS descriptions are HTML.
      summary: htmlToText(item.description ?? ''),
      content: (item.content?.encoded ?? '').trim(),
      image: item.enclosures?.[0]?.url,
    }))
  },
}

const FEEDSMITH_ATOM: FeedReader = {
  parser: 'feedsmith',
  format: 'atom',
  fields: [
    'id',
    'url',
    'title',
    'published',
    'updated',
    'authors',
    'tags',
    'summary',
    'content',
    'image',
  ],
  async read(text) {
    const feed = parseAtomFeed(text)
    const inherited = (feed.authors ?? []).map((author) => author.name ?? '')
    return (feed.entries ?? []).map((entry) => ({
      id: entry.id ?? '',
      url: entry.links?.find((link) => link.rel === 'alternate')?.href ?? '',
      title: asText(entry.title?.value, entry.title?.type),
      published: iso(entry.published),
      updated: iso(entry.updated),
      authors: entry.authors?.length ? entry.authors.map((author) => author.name ?? '') : inherited,
      tags: (entry.categories ?? []).map((category) => category.label ?? category.term ?? ''),
      summary: asText(entry.summary?.value, entry.summary?.type),
      content: (entry.content?.value ?? '').trim(),
      image: entry.links?.find((link) => link.rel === 'enclosure')?.href,
    }))
  },
}

const FEEDSMITH_JSON: FeedReader = {
  parser: 'feedsmith',
  format: 'json',
  fields: [
    'id',
    'url',
    'title',
    'published',
    'updated',
    'authors',
    'tags',
    'summary',
    'content',
    'image',
  ],
  async read(text) {
    const feed = parseJsonFeed(text)
    const inherited = (feed.authors ?? []).map((author) => author.name ?? '')
    return (feed.items ?? []).map((item) => ({
      id: item.id ?? '',
      url: item.url ?? '',
      title: item.title ?? '',
      published: iso(item.date_published),
      updated: iso(item.date_modified),
      authors: item.authors?.length ? item.authors.map((author) => author.name ?? '') : inherited,
      tags: item.tags ?? [],
      summary: item.summary ?? '',
      content: (item.content_html ?? '').trim(),
      image: item.image,
    }))
  },
}

function rowanmanning(format: 'rss' | 'atom'): FeedReader {
  return {
    parser: '@rowanmanning/feed-parser',
    format,
    fields: ['id', 'url', 'title', 'published', 'authors', 'tags', 'summary', 'content', 'image'],
    async read(text) {
      const types = format === 'atom' ? atomTypes(text) : undefined
      return parseWithRowanmanning(text).items.map((item) => {
        const type = types?.get(item.id ?? '')
        return {
          id: item.id ?? '',
          url: item.url ?? '',
          title: asText(item.title, type?.title),
          published: iso(item.published),
          authors: item.authors.map((author) => author.name ?? ''),
          tags: item.categories.map((category) => category.label ?? category.term ?? ''),
          summary:
            format === 'rss'
              ? htmlToText(item.description ?? '')
              : asText(item.description, type?.summary),
          content: (item.content ?? '').trim(),
          image: item.media[0]?.url ?? undefined,
        }
      })
    },
  }
}

type RssParserItem = RssParser.Item & {
  creators?: string[]
  people?: { name?: string[] }[]
  terms?: (string | { $?: { label?: string; term?: string } })[]
  links?: (string | { $?: { rel?: string; href?: string } })[]
  summary?: string
  id?: string
  'content:encoded'?: string
}

const rssParser = new RssParser<{ people?: { name?: string[] }[] }, RssParserItem>({
  customFields: {
    // rss-parser reads [from, to, options] for the feed as for items; its types allow names.
    feed: [['author', 'people', { keepArray: true }]] as unknown as 'people'[],
    item: [
      ['dc:creator', 'creators', { keepArray: true }],
      ['author', 'people', { keepArray: true }],
      ['category', 'terms', { keepArray: true }],
      ['link', 'links', { keepArray: true }],
    ],
  },
})

function rssParserReader(format: 'rss' | 'atom'): FeedReader {
  return {
    parser: 'rss-parser',
    format,
    fields: ['id', 'url', 'title', 'published', 'authors', 'tags', 'summary', 'content', 'image'],
    async read(text) {
      const types = format === 'atom' ? atomTypes(text) : undefined
      const feed = await rssParser.parseString(text)
      return feed.items.map((item) => {
        const id = (format === 'rss' ? item.guid : item.id) ?? ''
        const type = types?.get(id)
        return {
          id,
          url: item.link ?? '',
          title: asText(item.title, type?.title),
          published: iso(item.isoDate),
          authors:
            format === 'rss'
              ? (item.creators ?? [])
              : (item.people?.length ? item.people : (feed.people ?? [])).map(
                  (person) => person.name?.[0] ?? '',
                ),
          tags: (item.terms ?? []).map((term) =>
            typeof term === 'string' ? term : (term.$?.label ?? term.$?.term ?? ''),
          ),
          summary:
            format === 'rss' ? htmlToText(item.content ?? '') : asText(item.summary, type?.summary),
          content: ((format === 'rss' ? item['content:encoded'] : item.content) ?? '').trim(),
          image:
            format === 'rss'
              ? item.enclosure?.url
              : (item.links ?? [])
                  .map((link) => (typeof link === 'string' ? undefined : link.$))
                  .find((link) => link?.rel === 'enclosure')?.href,
        }
      })
    },
  }
}

interface JsonFeedItem {
  id: string
  url?: string
  title?: string
  summary?: string
  content_html?: string
  date_published?: string
  date_modified?: string
  authors?: { name: string }[]
  tags?: string[]
  image?: string
}

const EXTRACTOR_JSON: FeedReader = {
  parser: '@extractus/feed-extractor',
  format: 'json',
  fields: ['id', 'url', 'title', 'published', 'authors', 'tags', 'summary', 'content', 'image'],
  async read(text) {
    const inherited = (JSON.parse(text) as { authors?: { name: string }[] }).authors ?? []
    const feed = extractFromJson(JSON.parse(text), {
      // Its own normalisation keeps a trimmed plain-text description; the raw entry has all.
      getExtraEntryFields: (entry) => ({ raw: entry }),
    })
    return (feed.entries ?? []).map((entry) => {
      const raw = (entry as unknown as { raw: JsonFeedItem }).raw
      return {
        id: entry.id ?? '',
        url: entry.link ?? '',
        title: entry.title ?? '',
        published: iso(entry.published),
        authors: (raw.authors?.length ? raw.authors : inherited).map((author) => author.name),
        tags: raw.tags ?? [],
        summary: raw.summary ?? '',
        content: (raw.content_html ?? '').trim(),
        image: raw.image,
      }
    })
  },
}

const PLAIN_JSON: FeedReader = {
  parser: 'JSON.parse',
  format: 'json',
  fields: [
    'id',
    'url',
    'title',
    'published',
    'updated',
    'authors',
    'tags',
    'summary',
    'content',
    'image',
  ],
  async read(text) {
    const feed = JSON.parse(text) as { authors?: { name: string }[]; items: JsonFeedItem[] }
    return feed.items.map((item) => ({
      id: item.id,
      url: item.url ?? '',
      title: item.title ?? '',
      published: iso(item.date_published),
      updated: iso(item.date_modified),
      authors: (item.authors?.length ? item.authors : (feed.authors ?? [])).map(
        (author) => author.name,
      ),
      tags: item.tags ?? [],
      summary: item.summary ?? '',
      content: (item.content_html ?? '').trim(),
      image: item.image,
    }))
  },
}

/**
 * Every reader of the suite: feedsmith, `@rowanmanning/feed-parser` and rss-parser for RSS
 * and Atom; feedsmith, `@extractus/feed-extractor` and plain `JSON.parse` for JSON Feed.
 */
export const READERS: readonly FeedReader[] = [
  FEEDSMITH_RSS,
  rowanmanning('rss'),
  rssParserReader('rss'),
  FEEDSMITH_ATOM,
  rowanmanning('atom'),
  rssParserReader('atom'),
  FEEDSMITH_JSON,
  EXTRACTOR_JSON,
  PLAIN_JSON,
]
