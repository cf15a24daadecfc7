/**
 * `@dawnpress/core/internal`: the steps `loadCollection` is made of, and the helpers that
 * dawnpress's own packages share, for the build engine (which parses only what changed) and
 * the other packages. Not part of the documented API: no compatibility promise between
 * minor versions. Use `@dawnpress/core` in your own code.
 */
export type { ArticleChunk, ArticleJson, SpooledChunk } from './article-json.ts'
export { serializeArticle, shiftChunk } from './article-json.ts'
export type { AssemblableArticle, ParsedEntry } from './assemble.ts'
export { assembleCollection, sortArticles } from './assemble.ts'
export { regexCompiler } from './code-highlight.ts'
export {
  listCollectionFiles,
  parseCollectionFile,
  parseCollectionFiles,
  spoolCollectionFiles,
} from './collection.ts'
export { readGitDates } from './dates.ts'
export { normalizeSource } from './frontmatter.ts'
export type { PrecompiledGrammar, PrecompiledRegex } from './grammar-regexes.ts'
export { precompiledFileName, precompileGrammar } from './grammar-regexes.ts'
export type { BodyHeadings } from './heading-levels.ts'
export { planBodyHeadings, shiftedDepth } from './heading-levels.ts'
export type { HtmlAttribute, HtmlPiece } from './html-lexer.ts'
export { lexHtml } from './html-lexer.ts'
export type { SrcsetCandidate } from './html-policy.ts'
export { parseSrcset } from './html-policy.ts'
export { locateFrontmatterField } from './locate.ts'
export { truncateAtWord } from './markdown.ts'
export { toIsoTimestamp } from './parse.ts'
export type { ArticleSummary, ParsedFile, SpooledFile } from './parse-files.ts'
export { problemAt } from './problem-error.ts'
export { compareStrings, formatFieldPath } from './problems.ts'
export type { ArticleReference } from './references.ts'
export { isRelativeReference } from './references.ts'
export { isArticleSchema } from './schema.ts'
export { DEFAULT_TIME_ZONE, isTimeZone, readDateIn } from './time-zone.ts'
export { workerExecArgv } from './worker-exec-argv.ts'
export { readYamlDocument } from './yaml.ts'
