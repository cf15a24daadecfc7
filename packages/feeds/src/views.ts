import type { Item } from 'feed'
import { type ItemView, viewItem } from './feed-view.ts'
import type { WriteCache } from './write-cache.ts'

/** An item's view, read once per cache. */
export function viewCached(item: Item, cache: WriteCache): ItemView {
  let view = cache.views.get(item)
  if (view === undefined) {
    view = viewItem(item)
    cache.views.set(item, view)
  }
  return view
}

/** The date of the most recently updated item; undefined for a feed without items. */
export function newestDate(items: readonly Item[], cache: WriteCache): Date | undefined {
  let newest: number | undefined
  for (const item of items) {
    const time = viewCached(item, cache).updated.getTime()
    if (newest === undefined || time > newest) newest = time
  }
  return newest === undefined ? undefined : new Date(newest)
}
