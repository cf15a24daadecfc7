export type { Article, ArticleComputed, ArticleMeta } from './article.ts'
export type { AssemblableArticle, ParsedEntry } from './assemble.ts'
export { assembleCollection, sortArticles } from './assemble.ts'
export type { ProblemDescription } from './catalogue.ts'
export { describeCode } from './catalogue.ts'
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
export type { FormatProblemsOptions } from './format-problems.ts'
export {
  escapeControl,
  formatProblems,
  problemToJson,
  summarizeProblems,
} from './format-problems.ts'
export { normalizeSource } from './frontmatter.ts'
export {
  articleLanguage,
  formatArticleDate,
  formatReadingTime,
  languageDirection,
  READING_TIME_PHRASES,
} from './locale.ts'
export { locateFrontmatterField } from './locate.ts'
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
export { DEFAULT_MAX_FILE_SIZE } from './parse-files.ts'
export { isProblemError, ProblemError, problemAt } from './problem-error.ts'
export type { Problem, ProblemCode, Severity } from './problems.ts'
export {
  compareStrings,
  formatFieldPath,
  hasErrors,
  PROBLEM_CODES,
  sortProblems,
} from './problems.ts'
export type { ReadingTime } from './reading-time.ts'
export {
  CJK_CHARACTERS_PER_MINUTE,
  computeReadingTime,
  readingMinutes,
  WORDS_PER_MINUTE,
} from './reading-time.ts'
export type { FeedRoutes } from './routes.ts'
export {
  articleFile,
  CARD_IMAGE,
  outputFile,
  SITE_FEEDS,
  SITE_PATHS,
  tagFeedRoutes,
} from './routes.ts'
export type { SanitizeHtmlOptions } from './sanitize.ts'
export { sanitizeHtml } from './sanitize.ts'
export type { ArticleFrontmatter, ArticleSchema, Author, Site } from './schema.ts'
export { articleSchema, authorSchema, dateSchema, siteSchema, slugSchema } from './schema.ts'
export type { SiteResult } from './site.ts'
export { loadSite, parseSite } from './site.ts'
export { isSlug, SLUG_PATTERN, slugFromPath, slugify } from './slug.ts'
export type { TagGroup } from './tags.ts'
export { groupByTag, MAX_TAG_LENGTH, MAX_TAGS_PER_ARTICLE } from './tags.ts'
export { absoluteUrl, articlePath, cardPath, slugifyTag, tagPath } from './urls.ts'
export type { SourcePosition } from './yaml.ts'
export { assertZodSchema } from './zod-schema.ts'
