import { readFileSync } from 'node:fs'
import type { FeedContentCache } from '@dawnpress/feeds'
import { writeJsonAtomic } from './build-state.ts'

/** Feed item content kept between builds, and how to save what this build used. */
export interface FeedContentStore {
  cache: FeedContentCache
  /**
   * Saves what this build used, and the earlier entries too (feeds linked from the last build
   * used theirs without asking) while the file holds at most twice `items`, the articles
   * listed in this build's feeds; past that, only what this build used.
   */
  save(items: number): void
}

/**
 * Feed item content prepared by earlier builds with the same base (sanitised, URLs
 * absolute), kept in the cache folder so that an unchanged article is never sanitised again.
 * `keyOf` names an article by its source digest, so a hit never reads its HTML. An
 * unreadable file is treated as empty.
 */
export function openFeedContentCache(
  file: string,
  sameBase: boolean,
  keyOf: (article: object) => string | undefined,
): FeedContentStore {
  const previous = new Map<string, string>()
  if (sameBase) {
    try {
      for (const [key, html] of JSON.parse(readFileSync(file, 'utf8')) as [string, string][]) {
        previous.set(key, html)
      }
    } catch {
      // No cache yet, or an unreadable one: every item is prepared again.
    }
  }
  const used = new Map<string, string>()
  return {
    cache: {
      get(key: string) {
        const html = previous.get(key)
        if (html !== undefined) used.set(key, html)
        return html
      },
      set: (key: string, html: string) => used.set(key, html),
      keyOf,
    },
    save(items) {
      const kept = previous.size + used.size <= 2 * items ? new Map([...previous, ...used]) : used
      writeJsonAtomic(file, [...kept])
    },
  }
}
