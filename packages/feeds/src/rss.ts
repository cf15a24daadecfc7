import { type Author, escapeHtml } from '@dawnpress/core'
import type { FeedItem, FeedModel } from './model.ts'
import { NAMESPACES, startTag, textElement, XML_DECLARATION, XmlLines } from './xml.ts'

/**
 * Writes the RSS 2.0 document of a feed, in the layout `feed` 6.0.0 used, with what `feed`
 * got wrong put right:
 * - text is escaped correctly everywhere (see the README for `feed`'s escaping bugs);
 * - item descriptions are HTML in RSS, so the plain-text summary is escaped as HTML (`feed`
 *   passed it raw, and `Array<T>` would show as `Array`);
 * - `<author>` must hold an e-mail address, which articles rarely give: authors are
 *   `dc:creator` (every item gets one, since RSS has no feed-level author to fall back on);
 * - the guid is the article's URL, so it is a permalink (`feed` marked any id as not one).
 *
 * `cache` holds each item's XML, for items shared by feeds of the same site.
 */
export function renderRss(model: FeedModel, cache = new Map<FeedItem, string>()): string {
  const lines = new XmlLines()
  lines.add(0, XML_DECLARATION)
  // `feed` declared dc and content only for feeds with items; the order is kept.
  const namespaces: Array<[string, string]> =
    model.items.length > 0
      ? [
          ['xmlns:dc', NAMESPACES.dc],
          ['xmlns:content', NAMESPACES.content],
          ['xmlns:atom', NAMESPACES.atom],
        ]
      : [
          ['xmlns:atom', NAMESPACES.atom],
          ['xmlns:dc', NAMESPACES.dc],
        ]
  lines.add(0, startTag('rss', [['version', '2.0'], ...namespaces]))
  lines.add(1, '<channel>')
  lines.add(2, textElement('title', model.title))
  lines.add(2, textElement('link', model.homeUrl))
  lines.add(2, textElement('description', model.description))
  lines.add(2, textElement('lastBuildDate', model.updated.toUTCString()))
  lines.add(2, textElement('docs', 'https://validator.w3.org/feed/docs/rss2.html'))
  lines.add(2, textElement('generator', 'dawnpress'))
  if (model.language) lines.add(2, textElement('language', model.language))
  if (model.copyright !== undefined) lines.add(2, textElement('copyright', model.copyright))
  const self: Array<[string, string]> = [
    ['href', model.selfUrls.rss],
    ['rel', 'self'],
    ['type', 'application/rss+xml'],
  ]
  lines.add(2, startTag('atom:link', self, true))
  for (const item of model.items) {
    let xml = cache.get(item)
    if (xml === undefined) {
      xml = renderItem(item, model.author)
      cache.set(item, xml)
    }
    lines.add(0, xml)
  }
  lines.add(1, '</channel>')
  lines.add(0, '</rss>')
  return lines.toString()
}

function renderItem(item: FeedItem, fallback: Author): string {
  const lines = new XmlLines()
  lines.add(2, '<item>')
  lines.add(3, textElement('title', item.title))
  lines.add(3, textElement('link', item.url))
  lines.add(3, textElement('guid', item.url, [['isPermaLink', 'true']]))
  lines.add(3, textElement('pubDate', item.published.toUTCString()))
  lines.add(3, textElement('description', escapeHtml(item.summary)))
  lines.add(3, textElement('content:encoded', item.html))
  for (const author of item.authors.length > 0 ? item.authors : [fallback]) {
    lines.add(3, textElement('dc:creator', author.name))
  }
  for (const tag of item.tags) lines.add(3, textElement('category', tag))
  if (item.image?.type) {
    const enclosure: Array<[string, string]> = [
      ['length', '0'],
      ['type', item.image.type],
      ['url', item.image.url],
    ]
    lines.add(3, startTag('enclosure', enclosure, true))
  }
  lines.add(2, '</item>')
  return lines.toBlock()
}
