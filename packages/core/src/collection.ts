import type { Dirent } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import type { z } from 'zod'
import type { Article } from './article.ts'
import { readGitDates } from './dates.ts'
import { parseFilesInParallel } from './parallel-parse.ts'
import type { FrontmatterSchema } from './parse.ts'
import { reportedPath } from './parse-files.ts'
import { compareStrings, type Problem, sortProblems } from './problems.ts'
import { articleSchema } from './schema.ts'
import type { SourcePosition } from './yaml.ts'

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
  /** Longest excerpt in characters. @default 200 */
  excerptLength?: number
  /** Fill in missing dates from git history (first commit of each file). @default true */
  gitDates?: boolean
}

/** A folder of articles and the schema they follow. */
export interface Collection<S extends FrontmatterSchema = typeof articleSchema> {
  directory: string
  schema: S
  extensions: readonly string[]
  drafts: boolean
  excerptLength: number
  gitDates: boolean
}

/** Everything a collection holds: valid articles, newest first, and every problem found. */
export interface CollectionResult<S extends FrontmatterSchema = typeof articleSchema> {
  articles: Article<z.output<S>>[]
  problems: Problem[]
}

/**
 * Declares a collection of articles. Nothing is read until `loadCollection`.
 *
 * @example
 * const blog = defineCollection({ directory: 'content/articles' })
 * const { articles, problems } = await loadCollection(blog)
 */
export function defineCollection<S extends FrontmatterSchema = typeof articleSchema>(
  options: CollectionOptions<S>,
): Collection<S> {
  if (!options.directory) throw new TypeError('defineCollection needs a `directory`.')
  return {
    directory: options.directory,
    schema: options.schema ?? (articleSchema as unknown as S),
    extensions: options.extensions ?? ['.md', '.markdown'],
    drafts: options.drafts ?? false,
    excerptLength: options.excerptLength ?? 200,
    gitDates: options.gitDates ?? true,
  }
}

/** Options of `loadCollection`. */
export interface LoadCollectionOptions {
  /** Resolves a relative `directory`, and problem file paths are reported relative to it. @default process.cwd() */
  cwd?: string
  /**
   * Threads that parse and render (this one included). Worker threads are used only with the
   * default schema, since a zod schema cannot be sent to another thread.
   * @default one per core, at most one per 400 files
   */
  threads?: number
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
  const cwd = options.cwd ?? process.cwd()
  const directory = resolve(cwd, collection.directory)
  const files = await listArticleFiles(directory, collection.extensions)
  const report = (file: string) => reportedPath({ directory, cwd }, file)
  const problems: Problem[] = []
  const parsed: { article: Article<z.output<S>>; slugPosition: SourcePosition }[] = []
  const results = await parseFilesInParallel(
    {
      directory,
      cwd,
      files,
      schema: collection.schema,
      excerptLength: collection.excerptLength,
    },
    options.threads,
  )
  for (const result of results) {
    problems.push(...result.problems)
    if (result.article) parsed.push({ article: result.article, slugPosition: result.slugPosition })
  }

  const articles = rejectDuplicateSlugs(parsed, report, problems)
  const published = collection.drafts ? articles : articles.filter((article) => !article.draft)
  if (collection.gitDates && published.some((article) => article.date === undefined)) {
    const gitDates = await readGitDates(directory)
    for (const article of published) article.date ??= gitDates.get(article.path)
  }
  for (const article of published) {
    if (article.date !== undefined) continue
    problems.push({
      file: report(article.path),
      line: 1,
      column: 1,
      path: ['date'],
      code: 'DATE_MISSING',
      severity: 'warning',
      message: collection.gitDates
        ? 'The article has no "date", and git has no commit that added the file, so it is listed last and feeds show no date.'
        : 'The article has no "date" (git dates are turned off), so it is listed last and feeds show no date.',
      hint: collection.gitDates
        ? 'Add "date: YYYY-MM-DD" to the frontmatter, or commit the file.'
        : 'Add "date: YYYY-MM-DD" to the frontmatter.',
    })
  }
  return { articles: sortArticles(published), problems: sortProblems(problems) }
}

/** Newest first; undated articles last; ties broken by slug so the order never varies. */
export function sortArticles<T extends { date: string | undefined; slug: string }>(
  articles: readonly T[],
): T[] {
  return [...articles].sort(
    (a, b) => compareStrings(b.date ?? '', a.date ?? '') || compareStrings(a.slug, b.slug),
  )
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
        return toPosix(relative(directory, join(folder, entry.name)))
      })
      // Hidden files and folders (".drafts/", ".obsidian/") are not articles.
      .filter((file) => !file.split('/').some((segment) => segment.startsWith('.')))
      .sort(compareStrings)
  )
}

function rejectDuplicateSlugs<T extends Article<object>>(
  parsed: { article: T; slugPosition: SourcePosition }[],
  report: (file: string) => string,
  problems: Problem[],
): T[] {
  const bySlug = new Map<string, { article: T; slugPosition: SourcePosition }[]>()
  for (const entry of parsed) {
    const group = bySlug.get(entry.article.slug)
    if (group) group.push(entry)
    else bySlug.set(entry.article.slug, [entry])
  }
  const kept: T[] = []
  for (const [slug, group] of bySlug) {
    // Every article of a clash has an error, so none of them is published.
    if (group.length === 1) {
      kept.push((group[0] as { article: T }).article)
      continue
    }
    const files = group.map((entry) => report(entry.article.path))
    for (const [index, entry] of group.entries()) {
      const others = files.filter((_, other) => other !== index)
      problems.push({
        file: files[index] as string,
        ...entry.slugPosition,
        path: ['slug'],
        code: 'SLUG_DUPLICATE',
        severity: 'error',
        message: `The slug "${slug}" of ${files[index]} is also the slug of ${others.join(' and ')}; each article needs its own folder and URL.`,
        hint: 'Rename one of the files, or give one of them a different "slug:" in its frontmatter.',
      })
    }
  }
  return kept
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}
