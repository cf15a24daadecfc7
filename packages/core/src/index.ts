export type { Article, ArticleComputed, ArticleMeta } from './article.ts'
export type { AssemblableArticle, ParsedEntry } from './assemble.ts'
export { assembleCollection, sortArticles } from './assemble.ts'
export type {
  Collection,
  CollectionOptions,
  CollectionResult,
  LoadCollectionOptions,
} from './collection.ts'
export {
  defineCollection,
  listCollectionFiles,
  loadCollection,
  parseCollectionFiles,
  serializeCollectionFiles,
} from './collection.ts'
export { readGitDates } from './dates.ts'
export { escapeHtml } from './escape.ts'
export { normalizeSource } from './frontmatter.ts'
export type { HtmlChange, HtmlChangeCode } from './html-changes.ts'
export type {
  Heading,
  MarkdownRenderer,
  MarkdownRendererOptions,
  RenderedMarkdown,
} from './markdown.ts'
export { createMarkdownRenderer, truncateAtWord } from './markdown.ts'
export type {
  CoreFrontmatter,
  FrontmatterSchema,
  ParseArticleOptions,
  ParseArticleResult,
} from './parse.ts'
export { parseArticle, toIsoTimestamp } from './parse.ts'
export type { ArticleSummary, ParsedFile, SerializedFile } from './parse-files.ts'
export type { Problem, ProblemCode, Severity } from './problems.ts'
export {
  compareStrings,
  formatFieldPath,
  hasErrors,
  PROBLEM_CODES,
  sortProblems,
} from './problems.ts'
export type { ReadingTime } from './reading-time.ts'
export { computeReadingTime, WORDS_PER_MINUTE } from './reading-time.ts'
export type { SanitizedHtml, SanitizeHtmlOptions } from './sanitize.ts'
export { sanitizeHtml } from './sanitize.ts'
export type { ArticleFrontmatter, ArticleSchema, Author, Site } from './schema.ts'
export { articleSchema, authorSchema, dateSchema, siteSchema, slugSchema } from './schema.ts'
export type { SiteResult } from './site.ts'
export { loadSite, parseSite } from './site.ts'
export { isSlug, SLUG_PATTERN, slugFromPath, slugify } from './slug.ts'
export type { TagGroup } from './tags.ts'
export { groupByTag } from './tags.ts'
export { absoluteUrl, articlePath, cardPath, slugifyTag, tagPath } from './urls.ts'
