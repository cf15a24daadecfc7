import { compareStrings, slugifyTag, tagPath } from '@dawnpress/core'
import type { SiteArticle } from './types.ts'

/** A tag and the articles that carry it, newest first. */
export interface TagGroup {
  /** The spelling most articles use; ties go to the first in code-point order. */
  name: string
  /** The tag as it appears in URLs. */
  slug: string
  /** The tag page's site path, such as `/tags/machine-learning/`. */
  path: string
  articles: SiteArticle[]
}

/**
 * Groups articles by tag. Tags that differ only in case or punctuation (`AI`, `ai`) share a
 * slug, and so a page and a feed; the page is named as @dawnpress/feeds names the feed.
 * Sorted by slug so the output never varies.
 */
export function groupByTag(articles: readonly SiteArticle[]): TagGroup[] {
  const groups = new Map<string, { spellings: Map<string, number>; articles: SiteArticle[] }>()
  for (const article of articles) {
    const seen = new Set<string>()
    for (const tag of article.tags) {
      const slug = slugifyTag(tag)
      let group = groups.get(slug)
      if (!group) {
        group = { spellings: new Map(), articles: [] }
        groups.set(slug, group)
      }
      group.spellings.set(tag, (group.spellings.get(tag) ?? 0) + 1)
      if (!seen.has(slug)) group.articles.push(article)
      seen.add(slug)
    }
  }
  return [...groups]
    .map(([slug, group]) => {
      const name = mostUsed(group.spellings)
      return { name, slug, path: tagPath(name), articles: group.articles }
    })
    .sort((a, b) => compareStrings(a.slug, b.slug))
}

function mostUsed(spellings: Map<string, number>): string {
  return [...spellings].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0]?.[0] ?? ''
}
