import type { Heading } from './markdown.ts'
import type { ReadingTime } from './reading-time.ts'
import type { SanitizedHtml } from './sanitize.ts'
import type { ArticleFrontmatter, Author } from './schema.ts'

/** What dawnpress computes for every article, beside its frontmatter. */
export interface ArticleComputed {
  /** URL- and file-safe identifier (see `slugify` and `isSlug`), from the file name unless set. */
  slug: string
  /** The source file, relative to the collection directory, with `/` separators. */
  path: string
  /** The body rendered to sanitised HTML, safe to put in a page as it is. */
  html: SanitizedHtml
  /** Headings in document order, with the ids they carry in `html`. */
  headings: Heading[]
  /** Plain text of the opening paragraphs, cut at a word boundary. */
  excerpt: string
  readingTime: ReadingTime
  /** Publication date as an ISO 8601 UTC timestamp; undefined when none could be found. */
  date: string | undefined
  /** Date of the last update as an ISO 8601 UTC timestamp, when given. */
  updated: string | undefined
  /** The credited authors, normalised from `author` and `authors`; empty when none. */
  authors: Author[]
}

/**
 * A parsed, validated and rendered article: the frontmatter `TData` as the schema outputs it,
 * with the computed fields in place of the raw `slug`, `date`, `updated` and `authors`.
 */
export type Article<TData extends object = ArticleFrontmatter> = Omit<
  TData,
  keyof ArticleComputed
> &
  ArticleComputed

/** An article without its rendered body: what lists and indexes need. */
export type ArticleMeta<TData extends object = ArticleFrontmatter> = Omit<Article<TData>, 'html'>
