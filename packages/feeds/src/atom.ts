import type { Author } from '@dawnpress/core'
import type { FeedItem, FeedModel } from './model.ts'
import { NAMESPACES, startTag, textElement, XML_DECLARATION, XmlLines } from './xml.ts'

/**
 * Writes the Atom 1.0 document of a feed, in the layout `feed` 6.0.0 used, with what `feed`
 * got wrong put right:
 * - text is escaped correctly everywhere (see the README for `feed`'s escaping bugs);
 * - entry titles and summaries are plain text (`feed` declared them `type="html"`, so a
 *   reader would take `Array<T>` in a title for a tag);
 * - the enclosure type is the image's real media type (`feed` made up `image/jpg` or
 *   `image/svg` from the file extension);
 * - the language is set as `xml:lang`, and the self and alternate links have their types.
 *
 * `cache` holds each entry's XML, for items shared by feeds of the same site.
 */
export function renderAtom(model: FeedModel, cache = new Map<FeedItem, string>()): string {
  const lines = new XmlLines()
  lines.add(0, XML_DECLARATION)
  lines.add(
    0,
    startTag('feed', [
      ['xmlns', NAMESPACES.atom],
      ['xml:lang', model.language],
    ]),
  )
  lines.add(1, textElement('id', model.selfUrls.atom))
  lines.add(1, textElement('title', model.title))
  lines.add(1, textElement('updated', model.updated.toISOString()))
  lines.add(1, textElement('generator', 'dawnpress'))
  writeAuthor(lines, 1, model.author)
  const alternate: Array<[string, string]> = [
    ['rel', 'alternate'],
    ['href', model.homeUrl],
    ['type', 'text/html'],
  ]
  lines.add(1, startTag('link', alternate, true))
  const self: Array<[string, string]> = [
    ['rel', 'self'],
    ['href', model.selfUrls.atom],
    ['type', 'application/atom+xml'],
  ]
  lines.add(1, startTag('link', self, true))
  lines.add(1, textElement('subtitle', model.description))
  if (model.copyright !== undefined) lines.add(1, textElement('rights', model.copyright))
  for (const item of model.items) {
    let xml = cache.get(item)
    if (xml === undefined) {
      xml = renderEntry(item, model.language)
      cache.set(item, xml)
    }
    lines.add(0, xml)
  }
  lines.add(0, '</feed>')
  return lines.toString()
}

function renderEntry(item: FeedItem, language: string | undefined): string {
  const lines = new XmlLines()
  const lang = item.lang && item.lang !== language ? item.lang : undefined
  lines.add(1, startTag('entry', [['xml:lang', lang]]))
  lines.add(2, textElement('title', item.title))
  lines.add(2, textElement('id', item.url))
  const alternate: Array<[string, string]> = [
    ['href', item.url],
    ['rel', 'alternate'],
    ['type', 'text/html'],
  ]
  lines.add(2, startTag('link', alternate, true))
  if (item.image?.type) {
    const enclosure: Array<[string, string]> = [
      ['rel', 'enclosure'],
      ['href', item.image.url],
      ['type', item.image.type],
    ]
    lines.add(2, startTag('link', enclosure, true))
  }
  lines.add(2, textElement('updated', item.updated.toISOString()))
  lines.add(2, textElement('summary', item.summary))
  lines.add(2, textElement('content', item.html, [['type', 'html']]))
  for (const author of item.authors) writeAuthor(lines, 2, author)
  for (const tag of item.tags) {
    const category: Array<[string, string]> = [
      ['label', tag],
      ['term', tag],
    ]
    lines.add(2, startTag('category', category, true))
  }
  lines.add(2, textElement('published', item.published.toISOString()))
  lines.add(1, '</entry>')
  return lines.toBlock()
}

function writeAuthor(lines: XmlLines, depth: number, author: Author): void {
  lines.add(depth, '<author>')
  lines.add(depth + 1, textElement('name', author.name))
  if (author.email !== undefined) lines.add(depth + 1, textElement('email', author.email))
  if (author.url !== undefined) lines.add(depth + 1, textElement('uri', author.url))
  lines.add(depth, '</author>')
}
