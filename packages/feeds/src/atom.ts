import type { FeedModel } from './model.ts'
import type { TextSlots } from './slots.ts'
import { childElements, NAMESPACES, parseXml, requireChild, serializeXml } from './xml.ts'

/**
 * Finishes the Atom 1.0 that `feed` wrote: real text in place of the placeholders, and what
 * `feed` gets wrong put right:
 * - entry titles and summaries are plain text, but `feed` declares them `type="html"`, so a
 *   reader would take `Array<T>` in a title for a tag: the type goes back to text;
 * - the enclosure type is the image's real media type (`feed` makes up `image/jpg` or
 *   `image/svg` from the file extension);
 * - the language goes on as `xml:lang`, and the self and alternate links get their types.
 */
export function renderAtom(xml: string, model: FeedModel, slots: TextSlots): string {
  const document = parseXml(xml)
  const feed = document.documentElement
  if (!feed) throw new Error('feed wrote an Atom document without a root element.')
  if (model.language) feed.setAttributeNS(NAMESPACES.xml, 'xml:lang', model.language)
  for (const link of childElements(feed, 'link')) {
    const rel = link.getAttribute('rel')
    if (rel === 'self') link.setAttribute('type', 'application/atom+xml')
    if (rel === 'alternate') link.setAttribute('type', 'text/html')
  }
  const entries = childElements(feed, 'entry')
  if (entries.length !== model.items.length) throw new Error('feed wrote a different entry count.')
  entries.forEach((entry, index) => {
    const item = model.items[index]
    if (!item) return
    requireChild(entry, 'title').removeAttribute('type')
    requireChild(entry, 'summary').removeAttribute('type')
    for (const link of childElements(entry, 'link')) {
      const rel = link.getAttribute('rel')
      if (rel === null) {
        link.setAttribute('rel', 'alternate')
        link.setAttribute('type', 'text/html')
      }
      if (rel === 'enclosure' && item.image?.type) link.setAttribute('type', item.image.type)
    }
    if (item.lang && item.lang !== model.language) {
      entry.setAttributeNS(NAMESPACES.xml, 'xml:lang', item.lang)
    }
  })
  return slots.serializeXml(document, serializeXml)
}
