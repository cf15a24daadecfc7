import {
  type TagGroup as CoreTagGroup,
  groupByTag as groupArticlesByTag,
  tagPath,
} from '@dawnpress/core'
import type { SiteArticle } from './types.ts'

/** A tag and the articles that carry it, newest first, with its page's path. */
export interface TagGroup extends CoreTagGroup<SiteArticle> {
  /** The tag page's site path, such as `/tags/machine-learning/`. */
  path: string
}

/**
 * Groups articles by tag with core's `groupByTag`, the same grouping the per-tag feeds use,
 * so a tag page and its feeds always share a name and a URL.
 */
export function groupByTag(articles: readonly SiteArticle[]): TagGroup[] {
  return groupArticlesByTag(articles).map((group) => ({ ...group, path: tagPath(group.name) }))
}
