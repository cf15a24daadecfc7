import type { Feed } from 'feed'
import { EXTENSION_NAMESPACES, writeXmlExtension } from './extensions.ts'
import { type ChannelView, type ItemView, viewChannel } from './feed-view.ts'
import { encodeReplacementCharacters, escapeHtmlText } from './html.ts'
import { newestDate, viewCached } from './views.ts'
import { cachedBy, createWriteCache, type RssEntry, type WriteCache } from './write-cache.ts'
import { startTag, stylesheetInstruction, textElement, XML_DECLARATION, XmlLines } from './xml.ts'

// The namespaces dawnpress writes itself come first, in the order `feed` declared them.
const OWN_PREFIXES = ['dc', 'content', 'atom']

/**
 * Writes any `feed` Feed as RSS 2.0, in the layout `feed` 6.0.0 writes, with what `feed`
 * got wrong put right:
 * - text is escaped with character references everywhere, never in CDATA (a second `]]>`
 *   ended `feed`'s), and cleaned of what XML cannot carry;
 * - item descriptions are HTML in RSS, so the plain-text summary is escaped as HTML (`feed`
 *   passed it raw, and `Array<T>` would show as `Array`);
 * - `<author>` must hold an e-mail address, which articles rarely give: authors are
 *   `dc:creator` (every item gets one: the feed's author when the item names none);
 * - the guid is a permalink when it is the item's link (`feed` marked any id as not one);
 * - enclosure types are real media types, and an enclosure without one is left out.
 *
 * `cache` keeps each item's XML for the feeds of one site, which share items.
 */
export function renderRss(feed: Feed, cache: WriteCache = createWriteCache()): string {
  const channel = viewChannel(feed)
  if (channel.link === undefined) {
    throw new TypeError('An RSS feed needs a link: set `link`, its home page, on the feed.')
  }
  const entries = feed.items.map((item) =>
    cachedBy(cache.rss, item, channel.author.name, () =>
      renderItem(viewCached(item, cache), channel),
    ),
  )
  const prefixes = new Set<string>()
  if (channel.self.rss !== undefined || channel.hub !== undefined) prefixes.add('atom')
  for (const entry of entries) for (const prefix of entry.prefixes) prefixes.add(prefix)
  const body = new XmlLines()
  writeChannel(body, channel, feed, prefixes, cache)

  const lines = new XmlLines()
  lines.add(0, XML_DECLARATION)
  if (channel.stylesheet !== undefined) lines.add(0, stylesheetInstruction(channel.stylesheet))
  const own = OWN_PREFIXES.filter((prefix) => prefixes.has(prefix))
  const others = [...prefixes].filter((prefix) => !OWN_PREFIXES.includes(prefix)).sort()
  const namespaces = [...own, ...others].map(
    (prefix) => [`xmlns:${prefix}`, EXTENSION_NAMESPACES[prefix]] as const,
  )
  lines.add(0, startTag('rss', [['version', '2.0'], ...namespaces]))
  lines.add(1, '<channel>')
  lines.add(0, body.toBlock())
  for (const entry of entries) lines.add(0, entry.xml)
  lines.add(1, '</channel>')
  lines.add(0, '</rss>')
  return lines.toString()
}

function writeChannel(
  lines: XmlLines,
  channel: ChannelView,
  feed: Feed,
  prefixes: Set<string>,
  cache: WriteCache,
): void {
  const updated = channel.updated ?? newestDate(feed.items, cache)
  lines.add(2, textElement('title', channel.title))
  lines.add(2, textElement('link', channel.link ?? ''))
  lines.add(2, textElement('description', channel.description))
  if (updated !== undefined) lines.add(2, textElement('lastBuildDate', updated.toUTCString()))
  lines.add(2, textElement('docs', channel.docs))
  if (channel.generator) lines.add(2, textElement('generator', channel.generator))
  if (channel.language) lines.add(2, textElement('language', channel.language))
  if (channel.ttl !== undefined) lines.add(2, textElement('ttl', String(channel.ttl)))
  if (channel.copyright !== undefined) lines.add(2, textElement('copyright', channel.copyright))
  if (channel.logo !== undefined) {
    // The RSS Best Practices Profile: the image's title and link are the channel's.
    lines.add(2, '<image>')
    lines.add(3, textElement('url', channel.logo))
    lines.add(3, textElement('title', channel.title))
    lines.add(3, textElement('link', channel.link ?? ''))
    lines.add(2, '</image>')
  }
  for (const category of channel.categories) lines.add(2, textElement('category', category))
  if (channel.self.rss !== undefined) {
    const self = [
      ['href', channel.self.rss],
      ['rel', 'self'],
      ['type', 'application/rss+xml'],
    ] as const
    lines.add(2, startTag('atom:link', self, true))
  }
  if (channel.hub !== undefined) {
    lines.add(
      2,
      startTag(
        'atom:link',
        [
          ['href', channel.hub],
          ['rel', 'hub'],
        ],
        true,
      ),
    )
  }
  for (const extension of channel.extensions) writeXmlExtension(lines, 2, extension, prefixes)
}

function renderItem(item: ItemView, channel: ChannelView): RssEntry {
  const prefixes = new Set<string>(['dc'])
  const lines = new XmlLines()
  lines.add(2, '<item>')
  if (item.title.trim() !== '') lines.add(3, textElement('title', item.title))
  lines.add(3, textElement('link', item.link))
  const guid = item.guid ?? item.id
  lines.add(3, textElement('guid', guid, [['isPermaLink', String(guid === item.link)]]))
  lines.add(3, textElement('pubDate', item.published.toUTCString()))
  if (item.summary !== '' || item.title.trim() === '') {
    lines.add(3, textElement('description', escapeHtmlText(item.summary)))
  }
  if (item.content !== undefined) {
    prefixes.add('content')
    lines.add(3, textElement('content:encoded', encodeReplacementCharacters(item.content)))
  }
  for (const author of item.authors.length > 0 ? item.authors : [channel.author]) {
    lines.add(3, textElement('dc:creator', author.name))
  }
  for (const category of item.categories) {
    lines.add(3, textElement('category', category.label, [['domain', category.domain]]))
  }
  // RSS allows one enclosure; `feed` keeps the last of enclosure, image, audio and video.
  const enclosure = item.enclosures.findLast((entry) => entry.type !== undefined)
  if (enclosure !== undefined) {
    const attributes = [
      ['length', enclosure.length],
      ['type', enclosure.type],
      ['url', enclosure.url],
    ] as const
    lines.add(3, startTag('enclosure', attributes, true))
  }
  for (const extension of item.extensions) writeXmlExtension(lines, 3, extension, prefixes)
  lines.add(2, '</item>')
  return { xml: lines.toBlock(), prefixes: [...prefixes] }
}
