import type { Dirent } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import type { z } from 'zod'
import type { Article } from './article.ts'
import { assembleCollection } from './assemble.ts'
import type { MarkdownOptions } from './markdown.ts'
import { parseFilesInParallel, spoolFilesInParallel } from './parallel-parse.ts'
import type { FrontmatterSchema } from './parse.ts'
import {
  DEFAULT_MAX_FILE_SIZE,
  type ParsedFile,
  type ParseFilesInput,
  parseFiles,
  type SpooledFile,
} from './parse-files.ts'
import { compareStrings, type Problem } from './problems.ts'
import { articleSchema } from './schema.ts'
import { DEFAULT_TIME_ZONE, isTimeZone } from './time-zone.ts'
import { assertZodSchema } from './zod-schema.ts'

/** Options of `defineCollection`. */
export interface CollectionOptions<S extends FrontmatterSchema> {
  /** The folder holding the articles, searched recursively. */
  directory: string
  /** Validates each article's frontmatter. @default articleSchema */
  schema?: S
  /** File name endings that hold articles. @default ['.md', '.markdown'] */
  extensions?: readonly string[]
  /** Include articles marked `draft: true` in `articles`. @default false */
  drafts?: boolean
  /**
   * Include scheduled articles (dated after the build time) in `articles`, as a preview
   * does. They are always listed in `scheduled`. @default false
   */
  scheduled?: boolean
  /** Longest excerpt in characters. @default 200 */
  excerptLength?: number
  /**
   * How bodies render: code highlighting, markdown-it plugins and the raw-HTML allow-list
   * (see `createMarkdownRenderer`). Plugins are functions, which cannot reach worker threads:
   * a collection with plugins parses on this thread unless `loadCollection`'s `workerSetup`
   * makes the same options in each worker.
   *
   * @example
   * { plugins: [markdownItContainer], highlight: { themes: { dark: 'dracula' } } }
   */
  markdown?: MarkdownOptions
  /** Fill in missing dates from git history (first commit of each file). @default true */
  gitDates?: boolean
  /**
   * The IANA time zone a date without a time (`date: 2025-01-15`) is read in: the article
   * is dated at the start of that day there (the site's `timeZone`, in a build).
   * @default "UTC"
   */
  timeZone?: string
  /**
   * The largest article file to read, in bytes; a larger one is refused unread with a
   * `FILE_TOO_LARGE` error, since parsing takes many times a file's size in memory.
   * @default DEFAULT_MAX_FILE_SIZE (4 MiB)
   */
  maxFileSize?: number
}

/** A folder of articles and the schema they follow. */
export interface Collection<S extends FrontmatterSchema = typeof articleSchema> {
  directory: string
  schema: S
  extensions: readonly string[]
  drafts: boolean
  scheduled: boolean
  excerptLength: number
  markdown: MarkdownOptions
  gitDates: boolean
  maxFileSize: number
  timeZone: string
}

/**
 * Everything a collection holds: valid articles, newest first, every problem found, and the
 * articles scheduled for later (dated after the build time, newest first).
 */
export interface CollectionResult<S extends FrontmatterSchema = typeof articleSchema> {
  articles: Article<z.output<S>>[]
  problems: Problem[]
  scheduled: Article<z.output<S>>[]
}

/**
 * Declares a collection of articles. Nothing is read until `loadCollection`. Throws a
 * `TypeError` for a `schema` that is not a zod 4 schema, such as one made with zod 3.
 *
 * @example
 * const blog = defineCollection({ directory: 'content/articles' })
 * const { articles, problems } = await loadCollection(blog)
 */
export function defineCollection<S extends FrontmatterSchema = typeof articleSchema>(
  options: CollectionOptions<S>,
): Collection<S> {
  if (!options.directory) throw new TypeError('defineCollection needs a `directory`.')
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE
  if (!Number.isSafeInteger(maxFileSize) || maxFileSize < 1) {
    throw new TypeError(
      `defineCollection's \`maxFileSize\` must be a whole number of bytes above 0, not ${String(options.maxFileSize)}.`,
    )
  }
  if (options.schema !== undefined) {
    assertZodSchema(options.schema, 'The `schema` given to defineCollection')
  }
  if (options.timeZone !== undefined && !isTimeZone(options.timeZone)) {
    throw new TypeError(
      `defineCollection's \`timeZone\` must be an IANA time zone such as "UTC" or "Europe/Paris", not ${JSON.stringify(options.timeZone)}.`,
    )
  }
  return {
    directory: options.directory,
    schema: options.schema ?? (articleSchema as unknown as S),
    extensions: options.extensions ?? ['.md', '.markdown'],
    drafts: options.drafts ?? false,
    scheduled: options.scheduled ?? false,
    excerptLength: options.excerptLength ?? 200,
    markdown: options.markdown ?? {},
    gitDates: options.gitDates ?? true,
    maxFileSize,
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
  }
}

/** Options of `loadCollection`. */
export interface LoadCollectionOptions {
  /**
   * Resolves a relative `directory`; problem file paths are reported relative to it, or
   * absolute for files outside it. @default process.cwd()
   */
  cwd?: string
  /**
   * The time the collection is published as of: articles dated after it are scheduled.
   * @default buildTime(): SOURCE_DATE_EPOCH when set, else now
   */
  now?: Date
  /**
   * Threads that parse and render (this one included). A zod schema and markdown-it plugins
   * cannot be sent to another thread, so a custom schema or plugins are parsed on this thread
   * unless `workerSetup` says how a worker makes them.
   * @default one per core, at most one per 400 files
   */
  threads?: number
  /**
   * How a worker thread gets a custom schema and Markdown plugins: a module (path or `file:`
   * URL) whose default export, called with `data`, returns `{ schema, markdown? }`, the same
   * schema and Markdown options as the collection's, such as by loading the project's config
   * file. @dawnpress/build passes one.
   *
   * @example
   * { module: new URL('./schema-setup.js', import.meta.url).href, data: { configFile } }
   */
  workerSetup?: WorkerSetup | undefined
}

/** See `LoadCollectionOptions.workerSetup`. */
export interface WorkerSetup {
  /**
   * A module whose default export returns `{ schema, markdown? }` (or a promise of it);
   * `markdown`, when given, replaces the collection's Markdown options in the worker.
   */
  module: string
  /** Handed to the module's default export; plain data that can cross threads. */
  data?: unknown
}

/**
 * Reads, validates and renders every article of a collection. Content problems never throw:
 * every problem of every file is collected and returned, sorted by file and position.
 * Articles with errors are left out of `articles`; warnings keep them in. Throws only when
 * the collection's directory cannot be read at all.
 */
export async function loadCollection<S extends FrontmatterSchema>(
  collection: Collection<S>,
  options: LoadCollectionOptions = {},
): Promise<CollectionResult<S>> {
  assertZodSchema(collection.schema, "The collection's `schema`")
  const files = await listCollectionFiles(collection, options)
  const parsed = await parseCollectionFiles(collection, files, options)
  return assembleCollection(collection, parsed, options)
}

/**
 * The article files of a collection, relative to its directory with `/` separators, in
 * code-point order; hidden files and folders are left out. The first step of
 * `loadCollection`, for tools that parse only some files, such as an incremental build.
 */
export function listCollectionFiles(
  collection: Collection<FrontmatterSchema>,
  options: { cwd?: string } = {},
): Promise<string[]> {
  const directory = resolve(options.cwd ?? process.cwd(), collection.directory)
  return listArticleFiles(directory, collection.extensions)
}

/**
 * Reads, validates and renders the given files of a collection, each on its own: the second
 * step of `loadCollection`. Results come in the order of `files`, each with that file's
 * problems; problems between files (a slug used twice, a missing date) are found by
 * `assembleCollection`.
 */
export function parseCollectionFiles<S extends FrontmatterSchema>(
  collection: Collection<S>,
  files: readonly string[],
  options: LoadCollectionOptions & Pick<ParseFilesInput<S>, 'problemsOnly'> = {},
): Promise<ParsedFile<S>[]> {
  return parseFilesInParallel(
    parseInput(collection, files, options),
    options.threads,
    options.workerSetup,
  )
}

/**
 * `parseCollectionFiles` for a tool that writes articles out as JSON: each article is
 * written by the thread that parsed it to a spool file of that thread (`<spool>.<n>`), and
 * its result handed to `onResult` as soon as it arrives (in no particular order; `index` is
 * its place in `files`), with its light fields as an object and where its JSON is. Nothing
 * holds every article at once, and the articles' text never crosses threads, so memory
 * stays flat however large the collection. The spool files, listed in the result, are
 * complete once it resolves; removing them is the caller's.
 *
 * @example
 * const { files } = await spoolCollectionFiles(blog, paths, '/tmp/spool', (result) => {
 *   if (result.chunk) chunks.push(result.chunk)
 * })
 */
export function spoolCollectionFiles<S extends FrontmatterSchema>(
  collection: Collection<S>,
  files: readonly string[],
  spool: string,
  onResult: (result: SpooledFile<S>, index: number) => void,
  options: LoadCollectionOptions & Pick<ParseFilesInput<S>, 'problemsOnly'> = {},
): Promise<{ files: string[] }> {
  return spoolFilesInParallel(
    parseInput(collection, files, options),
    spool,
    onResult,
    options.threads,
    options.workerSetup,
  )
}

function parseInput<S extends FrontmatterSchema>(
  collection: Collection<S>,
  files: readonly string[],
  options: LoadCollectionOptions & Pick<ParseFilesInput<S>, 'problemsOnly'>,
): ParseFilesInput<S> {
  // A collection need not come from defineCollection.
  assertZodSchema(collection.schema, "The collection's `schema`")
  const cwd = options.cwd ?? process.cwd()
  return {
    directory: resolve(cwd, collection.directory),
    cwd,
    files,
    schema: collection.schema,
    excerptLength: collection.excerptLength,
    // A collection that does not come from defineCollection may have none.
    markdown: collection.markdown ?? {},
    maxFileSize: collection.maxFileSize,
    timeZone: collection.timeZone ?? DEFAULT_TIME_ZONE,
    problemsOnly: options.problemsOnly ?? false,
  }
}

/** One file of a collection, parsed on this thread: `parseCollectionFiles` made synchronous. */
export function parseCollectionFile<S extends FrontmatterSchema>(
  collection: Collection<S>,
  file: string,
  options: Pick<LoadCollectionOptions, 'cwd'> = {},
): ParsedFile<S> {
  let parsed: ParsedFile<S> | undefined
  parseFiles(parseInput(collection, [file], options), (result) => {
    parsed = result
  })
  return parsed as ParsedFile<S>
}

async function listArticleFiles(directory: string, extensions: readonly string[]) {
  let entries: Dirent[]
  try {
    entries = await readdir(directory, { recursive: true, withFileTypes: true })
  } catch (cause) {
    throw new Error(
      `The collection folder ${directory} cannot be read (${(cause as NodeJS.ErrnoException).code ?? cause}). Check the "directory" given to defineCollection.`,
      { cause },
    )
  }
  return (
    entries
      .filter(
        (entry) =>
          entry.isFile() &&
          extensions.some((extension) => entry.name.toLowerCase().endsWith(extension)),
      )
      .map((entry) => {
        // Node 20.0 to 20.11 name the folder `path`; later versions `parentPath`.
        const folder = entry.parentPath ?? (entry as { path?: string }).path ?? directory
        // Cutting the prefix off is much faster than path.relative for thousands of files.
        if (folder === directory) return entry.name
        if (folder.startsWith(`${directory}${sep}`)) {
          return toPosix(`${folder.slice(directory.length + 1)}${sep}${entry.name}`)
        }
        return toPosix(relative(directory, join(folder, entry.name)))
      })
      // Hidden files and folders (".drafts/", ".obsidian/") are not articles.
      .filter((file) => !file.split('/').some((segment) => segment.startsWith('.')))
      .sort(compareStrings)
  )
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}
