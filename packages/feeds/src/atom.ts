import type { Feed } from 'feed'
import { type ChannelView, type ItemView, type PersonView, viewChannel } from './feed-view.ts'
import { encodeReplacementCharacters, escapeHtmlText } from './html.ts'
import { newestDate, viewCached } from './views.ts'
import { cachedBy, createWriteCache, type WriteCache } from './write-cache.ts'
import {
  NAMESPACES,
  startTag,
  stylesheetInstruction,
  textElement,
  XML_DECLARATION,
  XmlLines,
} from './xml.ts'

/**
 * Writes any `feed` Feed as Atom 1.0 (RFC 4287), in the layout `feed` 6.0.0 writes, with
 * what `feed` got wrong put right:
 * - text is escaped with character references, never in CDATA, and cleaned of what XML
 *   cannot carry;
 * - titles, summaries, subtitles and rights are plain text, written as `type="html"` (the
 *   text escaped as HTML) only when they hold an end tag or U+FFFD: `feed` declared them
 *   all HTML without escaping, so `Array<T>` lost its `<T>`, and plain text that holds
 *   `</b>` is what the W3C validator warns about;
 * - enclosure types are real media types (`feed` made up `image/jpg` from the extension);
 * - the language is `xml:lang`, and the self and alternate links have their types.
 *
 * `cache` keeps each entry's XML for the feeds of one site, which share items.
 */
export function renderAtom(feed: Feed, cache: WriteCache = createWriteCache()): string {
  const channel = viewChannel(feed)
  if (channel.id === '') {
    throw new TypeError(
      'An Atom feed needs an id: set `id`, `feedLinks.atom` or `link` on the feed.',
    )
  }
  const updated = channel.updated ?? newestDate(feed.items, cache)
  if (updated === undefined) {
    throw new TypeError('An Atom feed needs a date: set `updated` on a feed without items.')
  }
  const lines = new XmlLines()
  lines.add(0, XML_DECLARATION)
  if (channel.stylesheet !== undefined) lines.add(0, stylesheetInstruction(channel.stylesheet))
  lines.add(
    0,
    startTag('feed', [
      ['xmlns', NAMESPACES.atom],
      ['xml:lang', channel.language],
    ]),
  )
  lines.add(1, textElement('id', channel.id))
  lines.add(1, textConstruct('title', channel.title))
  lines.add(1, textElement('updated', updated.toISOString()))
  if (channel.generator) lines.add(1, textElement('generator', channel.generator))
  writePerson(lines, 1, 'author', channel.author)
  writeLinks(lines, channel)
  if (channel.description !== '') lines.add(1, textConstruct('subtitle', channel.description))
  if (channel.logo !== undefined) lines.add(1, textElement('logo', channel.logo))
  if (channel.icon !== undefined) lines.add(1, textElement('icon', channel.icon))
  if (channel.copyright !== undefined) lines.add(1, textConstruct('rights', channel.copyright))
  for (const category of channel.categories) {
    lines.add(1, startTag('category', [['term', category]], true))
  }
  for (const person of channel.contributors) writePerson(lines, 1, 'contributor', person)
  for (const item of feed.items) {
    lines.add(
      0,
      cachedBy(cache.atom, item, channel.language ?? '', () =>
        renderEntry(viewCached(item, cache), channel.language),
      ),
    )
  }
  lines.add(0, '</feed>')
  return lines.toString()
}

function writeLinks(lines: XmlLines, channel: ChannelView): void {
  if (channel.link !== undefined) {
    const alternate = [
      ['rel', 'alternate'],
      ['href', channel.link],
      ['type', 'text/html'],
    ] as const
    lines.add(1, startTag('link', alternate, true))
  }
  if (channel.self.atom !== undefined) {
    const self = [
      ['rel', 'self'],
      ['href', channel.self.atom],
      ['type', 'application/atom+xml'],
    ] as const
    lines.add(1, startTag('link', self, true))
  }
  if (channel.hub !== undefined) {
    lines.add(
      1,
      startTag(
        'link',
        [
          ['rel', 'hub'],
          ['href', channel.hub],
        ],
        true,
      ),
    )
  }
}

function renderEntry(item: ItemView, language: string | undefined): string {
  const lines = new XmlLines()
  const lang = item.language && item.language !== language ? item.language : undefined
  lines.add(1, startTag('entry', [['xml:lang', lang]]))
  lines.add(2, textConstruct('title', item.title))
  lines.add(2, textElement('id', item.id))
  const alternate = [
    ['href', item.link],
    ['rel', 'alternate'],
    ['type', 'text/html'],
  ] as const
  lines.add(2, startTag('link', alternate, true))
  for (const enclosure of item.enclosures) {
    if (enclosure.type === undefined) continue
    const attributes = [
      ['rel', 'enclosure'],
      ['href', enclosure.url],
      ['type', enclosure.type],
      ['length', enclosure.length > 0 ? enclosure.length : undefined],
      ['title', enclosure.title],
    ] as const
    lines.add(2, startTag('link', attributes, true))
  }
  lines.add(2, textElement('updated', item.updated.toISOString()))
  if (item.summary !== '') lines.add(2, textConstruct('summary', item.summary))
  if (item.content !== undefined) {
    const html = encodeReplacementCharacters(item.content)
    lines.add(2, textElement('content', html, [['type', 'html']]))
  }
  for (const person of item.authors) writePerson(lines, 2, 'author', person)
  for (const person of item.contributors) writePerson(lines, 2, 'contributor', person)
  for (const category of item.categories) {
    const attributes = [
      ['label', category.label],
      ['scheme', category.scheme],
      ['term', category.term],
    ] as const
    lines.add(2, startTag('category', attributes, true))
  }
  lines.add(2, textElement('published', item.published.toISOString()))
  if (item.copyright !== undefined) lines.add(2, textConstruct('rights', item.copyright))
  lines.add(1, '</entry>')
  return lines.toBlock()
}

// What the W3C validator flags in plain text: an end tag (ContainsUndeclaredHTML) or U+FFFD
// in the XML (BadCharacters). Anything else reads best as plain text, by every parser.
const HTML_WORTHY = /<\/[A-Za-z]|\uFFFD/

/**
 * An Atom text construct holding plain text: as it is, or as escaped HTML (`type="html"`)
 * when it holds an end tag or U+FFFD, which says the same thing to a reader and the
 * validator no longer takes for undeclared markup or a broken encoding.
 */
function textConstruct(name: string, text: string): string {
  return HTML_WORTHY.test(text)
    ? textElement(name, escapeHtmlText(text), [['type', 'html']])
    : textElement(name, text)
}

function writePerson(lines: XmlLines, depth: number, element: string, person: PersonView): void {
  lines.add(depth, `<${element}>`)
  lines.add(depth + 1, textElement('name', person.name))
  if (person.email !== undefined) lines.add(depth + 1, textElement('email', person.email))
  if (person.url !== undefined) lines.add(depth + 1, textElement('uri', person.url))
  lines.add(depth, `</${element}>`)
}
