export type { Article, ArticleComputed, ArticleMeta } from './article.ts'
export { buildTime, isScheduled } from './build-time.ts'
export type { ProblemDescription } from './catalogue.ts'
export { describeCode } from './catalogue.ts'
export type { CodeThemes } from './code-highlight.ts'
export type {
  Collection,
  CollectionOptions,
  CollectionResult,
  LoadCollectionOptions,
  WorkerSetup,
} from './collection.ts'
export { defineCollection, loadCollection } from './collection.ts'
export { escapeHtml } from './escape.ts'
export type { FormatGithubOptions } from './format-github.ts'
export { formatGithubAnnotations } from './format-github.ts'
export type { FormatProblemsOptions } from './format-problems.ts'
export {
  escapeControl,
  formatProblems,
  problemToJson,
  summarizeProblems,
} from './format-problems.ts'
export type { FormatSarifOptions } from './format-sarif.ts'
export { formatSarif, SARIF_SCHEMA } from './format-sarif.ts'
export type { FrontmatterJsonSchema } from './frontmatter-json-schema.ts'
export { FRONTMATTER_SCHEMA_COMMENT, frontmatterJsonSchema } from './frontmatter-json-schema.ts'
export type { HtmlChange, HtmlChangeCode } from './html-changes.ts'
export type { HtmlElementRule } from './html-policy.ts'
export { isLanguageTag, suggestLanguageTag } from './language.ts'
export {
  articleLanguage,
  formatArticleDate,
  formatReadingTime,
  languageDirection,
  READING_TIME_PHRASES,
} from './locale.ts'
export type {
  Heading,
  HighlightOptions,
  HtmlOptions,
  MarkdownItPlugin,
  MarkdownOptions,
  MarkdownPluginEntry,
  MarkdownRenderer,
  MarkdownRendererOptions,
  RenderedMarkdown,
} from './markdown.ts'
export { createMarkdownRenderer } from './markdown.ts'
export type {
  CoreFrontmatter,
  FrontmatterSchema,
  ParseArticleOptions,
  ParseArticleResult,
} from './parse.ts'
export { parseArticle } from './parse.ts'
export { DEFAULT_MAX_FILE_SIZE } from './parse-files.ts'
export { isProblemError, ProblemError } from './problem-error.ts'
export type { Problem, ProblemCode, Severity } from './problems.ts'
export { hasErrors, PROBLEM_CODES, sortProblems } from './problems.ts'
export type { ReadingTime } from './reading-time.ts'
export {
  CJK_CHARACTERS_PER_MINUTE,
  computeReadingTime,
  readingMinutes,
  WORDS_PER_MINUTE,
} from './reading-time.ts'
export type { RenderNote, RenderNoteCode } from './render-notes.ts'
export type { ReportPathOptions } from './report-path.ts'
export type { FeedRoutes } from './routes.ts'
export {
  absoluteUrl,
  articleFile,
  articleIdPath,
  articlePath,
  CARD_IMAGE,
  cardPath,
  homePagePath,
  listPagePath,
  outputFile,
  pageCount,
  SITE_FEEDS,
  SITE_PATHS,
  sitemapPartPath,
  slugifyTag,
  tagFeedRoutes,
  tagPagePath,
  tagPath,
} from './routes.ts'
export type { SanitizedHtml, SanitizeHtmlOptions } from './sanitize.ts'
export { sanitizeHtml } from './sanitize.ts'
export type { ArticleFrontmatter, ArticleSchema, Author, Site } from './schema.ts'
export {
  articleSchema,
  authorSchema,
  dateSchema,
  siteSchema,
  slugSchema,
  twitterHandleSchema,
} from './schema.ts'
export type { SiteResult } from './site.ts'
export { loadSite, parseSite } from './site.ts'
export { isSlug, SLUG_PATTERN, slugFromPath, slugify } from './slug.ts'
export type { TagGroup } from './tags.ts'
export { groupByTag, MAX_TAG_LENGTH, MAX_TAGS_PER_ARTICLE } from './tags.ts'
export type { SourcePosition } from './yaml.ts'
export { assertZodSchema } from './zod-schema.ts'
