import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'
import type { z } from 'zod'
import type { Article } from './article.ts'
import { type SpooledChunk, type SpoolWriter, serializeArticle } from './article-json.ts'
import { internalErrorProblem } from './internal-error.ts'
import {
  createMarkdownRenderer,
  createProblemsRenderer,
  type MarkdownOptions,
  type MarkdownRenderer,
} from './markdown.ts'
import { type FrontmatterSchema, parseSource } from './parse.ts'
import type { Problem } from './problems.ts'
import type { ArticleReference } from './references.ts'
import { asSanitizedHtml } from './sanitize.ts'
import type { SourcePosition } from './yaml.ts'

/** Where the files of one collection are, and how to parse them. */
export interface ParseFilesInput<S extends FrontmatterSchema> {
  /** Absolute folder of the collection. */
  directory: string
  /** Problem paths are reported relative to this folder. */
  cwd: string
  /** File paths relative to `directory`, with `/` separators. */
  files: readonly string[]
  schema: S
  excerptLength: number
  /** Highlighting, plugins and the raw-HTML allow-list of the renderer. */
  markdown: MarkdownOptions
  /** Files larger than this many bytes are refused unread (`FILE_TOO_LARGE`). */
  maxFileSize: number
  /** The IANA time zone a date without a time is read in. @default "UTC" */
  timeZone?: string
  /**
   * For a check, which reads no HTML: code is not highlighted (languages are still looked
   * up) and each article's `html` is left empty; its problems and other fields are the same.
   * @default false
   */
  problemsOnly?: boolean
}

/**
 * The largest article file a collection reads by default, in bytes: 4 MiB, some 600,000
 * words. Parsing takes memory many times a file's size (from about 25 times for prose to
 * about 250 times for a page of nothing but headings), so a larger file is refused before
 * it is read rather than let one file take gigabytes.
 */
export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024

/** One file's outcome. */
export interface ParsedFile<S extends FrontmatterSchema> {
  article: Article<z.output<S>> | undefined
  problems: Problem[]
  slugPosition: SourcePosition
  /** Where each of `article.tags` is in the file, for `TAG_VARIANT`; empty without one. */
  tagPositions: SourcePosition[]
  /** The files beside the article that it names, with their places (see `ArticleReference`). */
  references: ArticleReference[]
  /** Where each of `article.redirect_from` is, for `REDIRECT_CONFLICT`; empty without one. */
  redirectPositions: SourcePosition[]
}

/** An article without its two large parts, which stay in the article's JSON. */
export type ArticleSummary<TData extends object> = Omit<Article<TData>, 'html' | 'headings'>

/**
 * One file's outcome with the article written to a spool file (see `createSpoolWriter`):
 * what `spoolCollectionFiles` gives. Its light fields come as an object, so nothing needs to
 * read the JSON to sort or list it.
 */
export interface SpooledFile<S extends FrontmatterSchema> {
  /** The article without `html` and `headings`, when the file has no errors. */
  article: ArticleSummary<z.output<S>> | undefined
  /**
   * Where the whole article is as JSON, when the file has no errors: the spool file, its
   * place there. The JSON is `serializeArticle`'s: the summary's fields in order, then
   * `html` and `headings`, so that a summary with those two added back as the last fields
   * serializes to the same text.
   */
  chunk: SpooledChunk | undefined
  problems: Problem[]
  slugPosition: SourcePosition
  /** Where each of `article.tags` is in the file, for `TAG_VARIANT`; empty without one. */
  tagPositions: SourcePosition[]
  /** The files beside the article that it names, with their places (see `ArticleReference`). */
  references: ArticleReference[]
  /** Where each of `article.redirect_from` is, for `REDIRECT_CONFLICT`; empty without one. */
  redirectPositions: SourcePosition[]
}

/** Writes a parse result's article to `spool`, on the thread that parsed it. */
export function spoolParsedFile<S extends FrontmatterSchema>(
  result: ParsedFile<S>,
  spool: SpoolWriter,
): SpooledFile<S> {
  const { article, ...rest } = result
  if (article === undefined) return { article, chunk: undefined, ...rest }
  const { html, headings, ...summary } = article
  // `html` and `headings` last, as a summary with them added back has them.
  const chunk = spool.write(serializeArticle({ ...summary, html, headings }))
  return { article: summary, chunk, ...rest }
}

/** The `html` of an article parsed for its problems only: empty, so there is nothing to send. */
const NO_HTML = asSanitizedHtml('')

/**
 * Reads and parses files on this thread, in order, handing each result to `onResult` as soon
 * as it is ready. Reads are synchronous: a small file takes microseconds to read, while the
 * promise API queues every read on libuv's thread pool, which the worker threads share.
 * An exception while reading or parsing one file is a bug of dawnpress: it becomes that
 * file's `INTERNAL_ERROR` problem, and the other files are parsed as usual.
 */
export function parseFiles<S extends FrontmatterSchema>(
  input: ParseFilesInput<S>,
  onResult: (result: ParsedFile<S>, index: number) => void,
): void {
  const create = input.problemsOnly === true ? createProblemsRenderer : createMarkdownRenderer
  const renderer = create({ ...input.markdown, excerptLength: input.excerptLength })
  for (const [index, file] of input.files.entries()) {
    let result: ParsedFile<S>
    try {
      result = parseFile(input, file, renderer)
      if (input.problemsOnly === true && result.article) result.article.html = NO_HTML
    } catch (error) {
      result = failed(internalErrorProblem(safeReportedPath(input, file), error))
    }
    onResult(result, index)
  }
}

function parseFile<S extends FrontmatterSchema>(
  input: ParseFilesInput<S>,
  file: string,
  renderer: MarkdownRenderer,
): ParsedFile<S> {
  const reported = reportedPath(input, file)
  let source: Buffer
  try {
    const fd = openSync(join(input.directory, file), 'r')
    try {
      const { size } = fstatSync(fd)
      const limit = input.maxFileSize
      if (size > limit) return failed(tooLargeProblem(reported, size, limit))
      source = readFileSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch (cause) {
    return failed(readProblem(reported, cause))
  }
  return parseSource(source, {
    file: reported,
    path: file,
    schema: input.schema,
    renderer,
    timeZone: input.timeZone,
  })
}

function failed<S extends FrontmatterSchema>(problem: Problem): ParsedFile<S> {
  return {
    article: undefined,
    problems: [problem],
    slugPosition: { line: 1, column: 1 },
    tagPositions: [],
    references: [],
    redirectPositions: [],
  }
}

/**
 * The path a problem names, with `/` separators: relative to the working directory when the
 * file is below it, else absolute (`../../../other/a.md` helps nobody find the file).
 */
export function reportedPath(input: { directory: string; cwd: string }, file: string): string {
  const absolute = join(input.directory, file)
  const fromCwd = relative(input.cwd, absolute)
  const outside = fromCwd === '..' || fromCwd.startsWith(`..${sep}`) || isAbsolute(fromCwd)
  const path = outside ? absolute : fromCwd
  return sep === '/' ? path : path.split(sep).join('/')
}

function safeReportedPath(input: { directory: string; cwd: string }, file: string): string {
  try {
    return reportedPath(input, file)
  } catch {
    return file
  }
}

function readProblem(file: string, cause: unknown): Problem {
  return {
    file,
    line: 1,
    column: 1,
    path: [],
    code: 'FILE_READ',
    severity: 'error',
    message: `The file could not be read: ${(cause as Error)?.message ?? String(cause)}`,
    hint: 'Check that the file exists and that you may read it.',
    cause,
  }
}

function tooLargeProblem(file: string, size: number, limit: number): Problem {
  return {
    file,
    line: 1,
    column: 1,
    path: [],
    code: 'FILE_TOO_LARGE',
    severity: 'error',
    message: `The file is ${formatBytes(size)}, over the limit of ${formatBytes(limit)} for one article, so it was not read: parsing takes many times a file's size in memory.`,
    hint: 'Split it into several articles, or move large data out of the Markdown; if it must be this long, raise "maxFileSize" in defineCollection.',
  }
}

/** `52,428,800 bytes (50 MiB)`: exact, and readable, in any locale. */
function formatBytes(bytes: number): string {
  const exact = `${String(bytes).replace(/\B(?=(\d{3})+$)/g, ',')} bytes`
  if (bytes < 1024 * 1024) return exact
  const mebibytes = Math.round((bytes / (1024 * 1024)) * 10) / 10
  return `${exact} (${mebibytes} MiB)`
}
