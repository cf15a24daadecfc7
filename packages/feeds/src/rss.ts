import type { Author } from '@dawnpress/core'
import type { FeedModel } from './model.ts'
import type { TextSlots } from './slots.ts'
import { escapeHtml } from './text.ts'
import {
  childElements,
  createTextElement,
  declareNamespace,
  insertAfter,
  NAMESPACES,
  parseXml,
  removeElement,
  requireChild,
  serializeXml,
} from './xml.ts'

/**
 * Finishes the RSS 2.0 that `feed` wrote: real text in place of the placeholders, and what
 * `feed` gets wrong put right:
 * - item descriptions are HTML in RSS, so the plain-text summary is escaped as HTML (`feed`
 *   passes it raw, and `Array<T>` would show as `Array`);
 * - `<author>` must hold an e-mail address, which articles rarely give: authors become
 *   `dc:creator` (every item gets one, since RSS has no feed-level author to fall back on);
 * - the guid is the article's URL, so it is a permalink (`feed` marks any id as not one).
 */
export function renderRss(xml: string, model: FeedModel, slots: TextSlots): string {
  const document = parseXml(xml)
  const rss = document.documentElement
  if (!rss) throw new Error('feed wrote an RSS document without a root element.')
  declareNamespace(document, 'dc', NAMESPACES.dc)
  const channel = requireChild(rss, 'channel')
  const elements = childElements(channel, 'item')
  if (elements.length !== model.items.length) throw new Error('feed wrote a different item count.')
  elements.forEach((element, index) => {
    const item = model.items[index]
    if (!item) return
    requireChild(element, 'guid').setAttribute('isPermaLink', 'true')
    const description = requireChild(element, 'description')
    const summary = slots.read(description.textContent) ?? item.summary
    description.textContent = ''
    description.appendChild(document.createTextNode(slots.add(escapeHtml(summary))))
    for (const author of childElements(element, 'author')) removeElement(author)
    let reference = requireChild(element, 'encoded')
    for (const author of creditedAuthors(item.authors, model.author)) {
      const name = slots.add(author.name)
      const creator = createTextElement(document, NAMESPACES.dc, 'dc:creator', name)
      insertAfter(reference, creator)
      reference = creator
    }
  })
  return slots.serializeXml(document, serializeXml)
}

function creditedAuthors(authors: Author[], fallback: Author): Author[] {
  return authors.length > 0 ? authors : [fallback]
}
