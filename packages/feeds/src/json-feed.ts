import type { Author } from '@dawnpress/core'
import type { FeedModel } from './model.ts'
import type { TextSlots } from './slots.ts'

/** The JSON Feed version this package writes. */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1'

/** The item fields `feed` writes correctly; the rest come from the model. */
interface FeedJsonItem {
  id: string
  url?: string
  title?: string
  summary?: string
  content_html?: string
  date_published?: string
  date_modified?: string
  tags?: string[]
}

interface FeedJson {
  title: string
  home_page_url?: string
  feed_url?: string
  description?: string
  items: FeedJsonItem[]
}

/**
 * Finishes the JSON Feed that `feed` wrote, which is version 1 in 1.1's clothing: the
 * version becomes 1.1, the single `author` (deprecated in 1.1, and only the first of an
 * item's authors) becomes `authors` with all of them, and `language` is added for the feed
 * and for items in another language. Keys come in a fixed, readable order.
 */
export function renderJsonFeed(json: string, model: FeedModel, slots: TextSlots): string {
  const written = slots.fillJson(JSON.parse(json)) as FeedJson
  if (written.items.length !== model.items.length)
    throw new Error('feed wrote a different item count.')
  const document = {
    version: JSON_FEED_VERSION,
    title: written.title,
    home_page_url: written.home_page_url,
    feed_url: written.feed_url,
    description: written.description,
    language: model.language,
    authors: [toJsonAuthor(model.author)],
    items: written.items.map((item, index) => {
      const source = model.items[index]
      return {
        id: item.id,
        url: item.url,
        title: item.title,
        summary: item.summary,
        content_html: item.content_html,
        image: source?.image?.url,
        date_published: item.date_published,
        date_modified: item.date_modified,
        authors: source?.authors.length ? source.authors.map(toJsonAuthor) : undefined,
        tags: item.tags?.length ? item.tags : undefined,
        language: source?.lang && source.lang !== model.language ? source.lang : undefined,
      }
    }),
  }
  return `${JSON.stringify(document, null, 2)}\n`
}

// JSON Feed authors have a name, url and avatar; an e-mail address has no place there.
function toJsonAuthor(author: Author): { name: string; url?: string } {
  return author.url === undefined ? { name: author.name } : { name: author.name, url: author.url }
}
