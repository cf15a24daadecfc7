import { compareStrings } from './problems.ts'
import { slugifyTag } from './routes.ts'

/**
 * The most tags one article may have (`TAGS_TOO_MANY` beyond it). Each tag is a page and
 * three feeds, so an unbounded list is unbounded output: 2,000 tags on one 13 KB article
 * wrote 611 MB.
 */
export const MAX_TAGS_PER_ARTICLE = 20

/** The longest tag, in characters (`FIELD_INVALID` beyond it). */
export const MAX_TAG_LENGTH = 60

/** A tag and the articles that carry it, in the order the articles were given. */
export interface TagGroup<T> {
  /** The tag as it appears in URLs, such as `machine-learning`. */
  slug: string
  /** The spelling most articles use; ties go to the first in code-point order. */
  name: string
  articles: T[]
}

/**
 * Groups articles by tag slug (`slugifyTag`), so that `Machine Learning` and `machine
 * learning` share one page and one feed, as they share one URL, while `C`, `C++` and `C#`
 * keep three. Each article counts once per group, with its first spelling; tags with no
 * slug are left out. Sorted by slug so the output never varies. The site's tag pages, the
 * per-tag feeds and `loadCollection`'s `TAG_VARIANT` warnings all use it, so their names
 * always agree.
 */
export function groupByTag<T extends { tags: readonly string[] }>(
  articles: readonly T[],
): TagGroup<T>[] {
  const groups = new Map<string, { spellings: Map<string, number>; articles: T[] }>()
  const slugOf = createTagSlugger()
  for (const article of articles) {
    const seen = new Set<string>()
    for (const raw of article.tags) {
      const tag = raw.trim()
      const slug = slugOf(tag)
      if (slug === '' || seen.has(slug)) continue
      seen.add(slug)
      let group = groups.get(slug)
      if (!group) {
        group = { spellings: new Map(), articles: [] }
        groups.set(slug, group)
      }
      group.spellings.set(tag, (group.spellings.get(tag) ?? 0) + 1)
      group.articles.push(article)
    }
  }
  return [...groups]
    .map(([slug, group]) => ({ slug, name: mostUsed(group.spellings), articles: group.articles }))
    .sort((a, b) => compareStrings(a.slug, b.slug))
}

function mostUsed(spellings: Map<string, number>): string {
  return [...spellings].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0]?.[0] ?? ''
}

/** `slugifyTag`, remembering each spelling: most articles share a few tags. */
export function createTagSlugger(): (tag: string) => string {
  const slugs = new Map<string, string>()
  return (tag) => {
    let slug = slugs.get(tag)
    if (slug === undefined) {
      slug = slugifyTag(tag)
      slugs.set(tag, slug)
    }
    return slug
  }
}
