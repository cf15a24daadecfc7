import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Feed item content prepared by earlier builds with the same base (sanitised, URLs
 * absolute), kept in `<cache>/feed-content.json` so that an unchanged article is never
 * sanitised again. `keyOf` names an article by its source digest, so a hit never reads its
 * HTML.
 */
export async function openFeedContentCache(
  cacheDir: string,
  sameBase: boolean,
  keyOf: (article: object) => string | undefined,
) {
  const file = join(cacheDir, 'feed-content.json')
  const previous = new Map<string, string>()
  if (sameBase) {
    try {
      for (const [key, html] of JSON.parse(await readFile(file, 'utf8')) as [string, string][]) {
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
    /**
     * Saves what this build used, and the earlier entries too (feeds linked from the last
     * build used theirs without asking) while the file holds at most twice `items`, the
     * articles listed in this build's feeds; past that, only what this build used.
     */
    save(items: number): Promise<void> {
      const kept = previous.size + used.size <= 2 * items ? new Map([...previous, ...used]) : used
      return writeFile(file, JSON.stringify([...kept]))
    },
  }
}
