import type { Article, ArticleFrontmatter } from '@dawnpress/core'

/** An article as the site renders it: any collection's article with the default fields. */
export type SiteArticle = Article<ArticleFrontmatter>

/** One file of the built site: a path relative to the output folder, and its contents. */
export interface OutputFile {
  /** Relative, with `/` separators, such as `articles/my-post/index.html`. */
  path: string
  contents: string | Uint8Array
}

export type { Author, Site } from '@dawnpress/core'
