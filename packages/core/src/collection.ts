import { readdir, readFile } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import type { z } from 'zod'
import type { Article } from './article.ts'
import { readGitDates } from './dates.ts'
import { createMarkdownRenderer } from './markdown.ts'
import { type FrontmatterSchema, parseArticle } from './parse.ts'
import { compareStrings, type Problem, sortProblems } from './problems.ts'
import { articleSchema } from './schema.ts'

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
}

/**
 * Reads, validates and renders every article of a collection. Content problems never throw:
 * every problem of every file is collected and returned, sorted by file and position.
 * Articles with errors are left out of `articles`; warnings keep them in.
 */
export async function loadCollection<S extends FrontmatterSchema>(
  collection: Collection<S>,
  options: LoadCollectionOptions = {},
): Promise<CollectionResult<S>> {
  const cwd = options.cwd ?? process.cwd()
  const directory = resolve(cwd, collection.directory)
  const files = await listArticleFiles(directory, collection.extensions)
  const renderer = createMarkdownRenderer({ excerptLength: collection.excerptLength })
  const problems: Problem[] = []
  const parsed: Article<z.output<S>>[] = []

  const sources = await Promise.all(
    files.map((file) =>
      readFile(join(directory, file)).catch((cause: unknown) => ({ failed: cause })),
    ),
  )
  files.forEach((file, index) => {
    const source = sources[index] as Buffer | { failed: unknown }
    const reported = toPosix(relative(cwd, join(directory, file)))
    if ('failed' in source) {
      problems.push({
        file: reported,
        line: 1,
        column: 1,
        path: [],
        code: 'FILE_READ',
        severity: 'error',
        message: `The file could not be read: ${String((source.failed as Error)?.message ?? source.failed)}`,
        hint: 'Check that the file exists and that you may read it.',
        cause: source.failed,
      })
      return
    }
    const result = parseArticle(source, {
      file: reported,
      path: file,
      schema: collection.schema,
      renderer,
    })
    problems.push(...result.problems)
    if (result.article) parsed.push(result.article)
  })

  const articles = rejectDuplicateSlugs(parsed, directory, cwd, problems)
  if (collection.gitDates && articles.some((article) => article.date === undefined)) {
    const gitDates = await readGitDates(directory)
    for (const article of articles) article.date ??= gitDates.get(article.path)
  }
  for (const article of articles) {
    if (article.date !== undefined) continue
    problems.push({
      file: toPosix(relative(cwd, join(directory, article.path))),
      line: 1,
      column: 1,
      path: ['date'],
      code: 'DATE_MISSING',
      severity: 'warning',
      message: 'The article has no "date", and git has no commit that added the file.',
      hint: 'Add "date: YYYY-MM-DD" to the frontmatter, or commit the file.',
    })
  }

  const published = collection.drafts ? articles : articles.filter((article) => !article.draft)
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
  const entries = await readdir(directory, { recursive: true, withFileTypes: true })
  return entries
    .filter(
      (entry) =>
        entry.isFile() &&
        !entry.name.startsWith('.') &&
        extensions.some((extension) => entry.name.toLowerCase().endsWith(extension)),
    )
    .map((entry) => toPosix(relative(directory, join(entry.parentPath, entry.name))))
    .sort(compareStrings)
}

function rejectDuplicateSlugs<T extends Article<object>>(
  articles: T[],
  directory: string,
  cwd: string,
  problems: Problem[],
): T[] {
  const bySlug = new Map<string, T[]>()
  for (const article of articles) {
    const group = bySlug.get(article.slug)
    if (group) group.push(article)
    else bySlug.set(article.slug, [article])
  }
  const kept: T[] = []
  for (const [slug, group] of bySlug) {
    kept.push(group[0] as T)
    if (group.length === 1) continue
    const files = group.map((article) => toPosix(relative(cwd, join(directory, article.path))))
    for (const [index, file] of files.entries()) {
      const others = files.filter((_, other) => other !== index)
      problems.push({
        file,
        line: 1,
        column: 1,
        path: ['slug'],
        code: 'SLUG_DUPLICATE',
        severity: 'error',
        message: `The slug "${slug}" is used by ${[file, ...others].join(' and ')}; each article needs its own.`,
        hint: 'Rename one of the files, or give one of them a different "slug:" in its frontmatter.',
      })
    }
  }
  return kept
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}
