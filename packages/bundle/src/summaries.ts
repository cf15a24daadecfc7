import { groupByTag, isSlug, pageCount } from '@dawnpress/core'

/**
 * The fields of an article that a list of articles shows, and all that `summaries`, pages
 * and tag lists carry: about a third of the metadata (no excerpt, headings, authors, path).
 * A field the collection's schema does not have is left out, of the type as of the data.
 */
export const SUMMARY_FIELDS = [
  'slug',
  'title',
  'description',
  'date',
  'updated',
  'tags',
  'readingTime',
] as const

/**
 * How many articles one page of `loadPage` and `loadTag` holds, as on the site's own list
 * pages.
 * @default 10
 */
export const DEFAULT_PAGE_SIZE = 10

/** An article's metadata cut to `SUMMARY_FIELDS`, in that order. */
export type Summary = Record<string, unknown>

/** One page of a list, as its chunk stores it. */
export interface ListPage {
  page: number
  articles: Summary[]
}

/** A tag of the package: its slug, its most used spelling and its pages of summaries. */
export interface TagList {
  slug: string
  name: string
  count: number
  pages: ListPage[]
}

/** The article's metadata cut to the summary fields it has. */
export function toSummary(meta: Record<string, unknown>): Summary {
  const summary: Summary = {}
  for (const field of SUMMARY_FIELDS) {
    if (field in meta) summary[field] = meta[field]
  }
  return summary
}

/** Cuts a list into pages of `pageSize` (at least one page, empty for an empty list). */
export function toPages(summaries: readonly Summary[], pageSize: number): ListPage[] {
  return Array.from({ length: pageCount(summaries.length, pageSize) }, (_, index) => ({
    page: index + 1,
    articles: summaries.slice(index * pageSize, (index + 1) * pageSize),
  }))
}

/**
 * Every tag with its summaries in the order given (newest first), by the tag rule of core
 * (`groupByTag`): `Machine Learning` and `machine learning` are one tag, `machine-learning`.
 * Sorted by slug. Throws a `TypeError` for a tag slug that is not a safe file name (core
 * never gives one).
 */
export function toTagLists(summaries: readonly Summary[], pageSize: number): TagList[] {
  const withTags = summaries.map((summary) => ({
    summary,
    tags: Array.isArray(summary.tags) ? (summary.tags as string[]) : [],
  }))
  return groupByTag(withTags).map((group) => {
    if (!isSlug(group.slug)) {
      throw new TypeError(
        `The tag slug ${JSON.stringify(group.slug)} is not a safe file name. Load the articles with loadCollection, which reports such tags.`,
      )
    }
    const articles = group.articles.map((entry) => entry.summary)
    return {
      slug: group.slug,
      name: group.name,
      count: articles.length,
      pages: toPages(articles, pageSize),
    }
  })
}
