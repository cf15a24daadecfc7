import type { Feed } from 'feed'
import { jsonExtension } from './extensions.ts'
import { type ItemView, type PersonView, viewChannel } from './feed-view.ts'
import { viewCached } from './views.ts'
import { cachedBy, createWriteCache, type WriteCache } from './write-cache.ts'

/** The JSON Feed version this package writes. */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1'

/**
 * Writes any `feed` Feed as JSON Feed 1.1, where `feed` 6.0.0 writes version 1: every
 * author as `authors` (`feed` kept the first, as the deprecated `author`), `language` for
 * the feed and for items in another language, `favicon`, `hubs`, attachments for
 * enclosures, audio and video, and extensions named with the `_` JSON Feed asks for. An
 * item without authors has none (`feed` crashed on an empty list). Keys come in a fixed,
 * readable order; text is cleaned of lone surrogates, which strict decoders refuse.
 *
 * `cache` keeps each item's object for the feeds of one site, which share items.
 */
export function renderJsonFeed(feed: Feed, cache: WriteCache = createWriteCache()): string {
  const channel = viewChannel(feed)
  const document: Record<string, unknown> = {
    version: JSON_FEED_VERSION,
    title: channel.title,
    home_page_url: channel.link,
    feed_url: channel.self.json,
    description: channel.description === '' ? undefined : channel.description,
    icon: channel.logo,
    favicon: channel.icon,
    language: channel.language,
    authors: [toJsonAuthor(channel.author)],
    hubs: channel.hub === undefined ? undefined : [{ type: 'WebSub', url: channel.hub }],
  }
  for (const extension of channel.extensions) {
    const [name, value] = jsonExtension(extension)
    document[name] = value
  }
  document.items = feed.items.map((item) =>
    cachedBy(cache.json, item, channel.language ?? '', () =>
      toJsonItem(viewCached(item, cache), channel.language),
    ),
  )
  return `${JSON.stringify(document, null, 2)}\n`
}

function toJsonItem(item: ItemView, language: string | undefined): Record<string, unknown> {
  const image = item.enclosures.find((enclosure) => enclosure.kind === 'image')
  const attachments = item.enclosures
    .filter((enclosure) => enclosure.kind !== 'image' && enclosure.type !== undefined)
    .map((enclosure) => ({
      url: enclosure.url,
      mime_type: enclosure.type,
      title: enclosure.title,
      size_in_bytes: enclosure.length > 0 ? enclosure.length : undefined,
      duration_in_seconds: enclosure.duration,
    }))
  const json: Record<string, unknown> = {
    id: item.id,
    url: item.link,
    title: item.title,
    ...(item.content === undefined
      ? { content_text: item.summary }
      : { summary: item.summary === '' ? undefined : item.summary, content_html: item.content }),
    image: image?.url,
    date_published: item.published.toISOString(),
    date_modified: item.updated.toISOString(),
    authors: item.authors.length > 0 ? item.authors.map(toJsonAuthor) : undefined,
    tags:
      item.categories.length > 0 ? item.categories.map((category) => category.label) : undefined,
    language: item.language && item.language !== language ? item.language : undefined,
    attachments: attachments.length > 0 ? attachments : undefined,
  }
  for (const extension of item.extensions) {
    const [name, value] = jsonExtension(extension)
    json[name] = value
  }
  return json
}

// JSON Feed authors have a name, url and avatar; an e-mail address has no place there.
function toJsonAuthor(person: PersonView): { name: string; url?: string; avatar?: string } {
  return {
    name: person.name,
    ...(person.url !== undefined && { url: person.url }),
    ...(person.avatar !== undefined && { avatar: person.avatar }),
  }
}
