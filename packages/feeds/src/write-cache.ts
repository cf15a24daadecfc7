import type { Item } from 'feed'
import type { ItemView } from './feed-view.ts'

/** One item as a writer wrote it, and what else it depended on (the feed's language, say). */
export interface Written<T> {
  key: string
  value: T
}

/**
 * What the writers keep of each item while they render the feeds of one site: its clean
 * view and its RSS, Atom and JSON Feed forms, so that an item in several feeds is read and
 * written once. Keyed by the item object: an item must not change once it was rendered.
 */
export interface WriteCache {
  views: Map<Item, ItemView>
  rss: Map<Item, Written<RssEntry>>
  atom: Map<Item, Written<string>>
  json: Map<Item, Written<Record<string, unknown>>>
}

/** An RSS item's XML, and the namespace prefixes it needs declared on `<rss>`. */
export interface RssEntry {
  xml: string
  prefixes: readonly string[]
}

/** An empty cache. */
export function createWriteCache(): WriteCache {
  return { views: new Map(), rss: new Map(), atom: new Map(), json: new Map() }
}

/** The cached form of `item` when it was made with the same `key`, else a new one. */
export function cachedBy<T>(
  cache: Map<Item, Written<T>>,
  item: Item,
  key: string,
  make: () => T,
): T {
  const written = cache.get(item)
  if (written !== undefined && written.key === key) return written.value
  const value = make()
  cache.set(item, { key, value })
  return value
}
