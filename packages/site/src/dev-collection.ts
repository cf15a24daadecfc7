import { createHash } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import {
  compareStrings,
  createMarkdownRenderer,
  hasErrors,
  type Problem,
  parseArticle,
  readGitDates,
  sortArticles,
  sortProblems,
} from '@dawnpress/core'
import type { SiteArticle } from './types.ts'

interface Entry {
  /** mtime and size when last read, to skip reading files that did not change. */
  signature: string
  /** Hash of the bytes last parsed. */
  hash: string
  /** The current article, or the last valid one while the file has errors. */
  article: SiteArticle | undefined
  /** True when `article` is the last valid version, kept while the file has errors. */
  stale: boolean
  problems: Problem[]
}

/** What one refresh of a watched collection found. */
export interface CollectionChange {
  /** Files read and parsed again because their bytes changed. */
  parsed: string[]
  /** Files that disappeared. */
  removed: string[]
  /** Slugs whose article changed, appeared or disappeared. */
  changedSlugs: Set<string>
}

/** Options of `createWatchedCollection`. */
export interface WatchedCollectionOptions {
  /** The folder of articles. */
  directory: string
  /** Problem file paths are reported relative to it. @default process.cwd() */
  cwd?: string
  /** Show drafts. @default false */
  drafts?: boolean
}

const EXTENSIONS = ['.md', '.markdown']

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}

async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true })
  return entries
    .filter(
      (entry) =>
        entry.isFile() &&
        !entry.name.startsWith('.') &&
        EXTENSIONS.some((extension) => entry.name.toLowerCase().endsWith(extension)),
    )
    .map((entry) => toPosix(relative(directory, join(entry.parentPath, entry.name))))
    .sort(compareStrings)
}

/**
 * A collection kept in memory for the dev server. `refresh()` lists the folder, and reads and
 * parses only the files whose size, mtime or bytes changed; everything else is reused. While a
 * file has errors its last valid article stays on the site, so the page stays up and the
 * error overlay shows what to fix.
 */
export function createWatchedCollection(options: WatchedCollectionOptions) {
  const cwd = options.cwd ?? process.cwd()
  const renderer = createMarkdownRenderer()
  const entries = new Map<string, Entry>()
  let gitDates: Promise<Map<string, string>> | undefined
  let articles: SiteArticle[] = []
  let problems: Problem[] = []

  // Relative to the working directory when the file is below it, else absolute.
  const reported = (path: string) => {
    const file = join(options.directory, path)
    const fromCwd = relative(cwd, file)
    return toPosix(fromCwd.startsWith('..') ? file : fromCwd)
  }

  async function refresh(): Promise<CollectionChange> {
    const change: CollectionChange = { parsed: [], removed: [], changedSlugs: new Set() }
    let files: string[]
    try {
      files = await listFiles(options.directory)
    } catch {
      files = []
    }
    const present = new Set(files)
    for (const [path, entry] of entries) {
      if (present.has(path)) continue
      entries.delete(path)
      change.removed.push(path)
      if (entry.article) change.changedSlugs.add(entry.article.slug)
    }

    await Promise.all(
      files.map(async (path) => {
        const file = join(options.directory, path)
        const previous = entries.get(path)
        let bytes: Buffer
        let signature: string
        try {
          const info = await stat(file)
          signature = `${info.mtimeMs}:${info.size}`
          if (previous?.signature === signature) return
          bytes = await readFile(file)
        } catch {
          return
        }
        const hash = createHash('sha256').update(bytes).digest('hex')
        if (previous?.hash === hash) {
          previous.signature = signature
          return
        }
        const result = parseArticle(bytes, { file: reported(path), path, renderer })
        const failed = hasErrors(result.problems)
        const article = (result.article as SiteArticle | undefined) ?? previous?.article
        entries.set(path, {
          signature,
          hash,
          article,
          stale: failed && article !== undefined,
          problems: result.problems,
        })
        change.parsed.push(path)
        if (previous?.article) change.changedSlugs.add(previous.article.slug)
        if (article) change.changedSlugs.add(article.slug)
      }),
    )
    change.parsed.sort(compareStrings)
    await assemble()
    return change
  }

  async function assemble(): Promise<void> {
    const found: Problem[] = []
    const bySlug = new Map<string, string[]>()
    for (const [path, entry] of [...entries].sort(([a], [b]) => compareStrings(a, b))) {
      found.push(...entry.problems)
      if (!entry.article) continue
      const paths = bySlug.get(entry.article.slug)
      if (paths) paths.push(path)
      else bySlug.set(entry.article.slug, [path])
    }

    const kept: SiteArticle[] = []
    for (const [slug, paths] of bySlug) {
      kept.push(entries.get(paths[0] as string)?.article as SiteArticle)
      if (paths.length === 1) continue
      for (const path of paths) {
        found.push({
          file: reported(path),
          line: 1,
          column: 1,
          path: ['slug'],
          code: 'SLUG_DUPLICATE',
          severity: 'error',
          message: `The slug "${slug}" is used by ${paths.map(reported).join(' and ')}; each article needs its own.`,
          hint: 'Rename one of the files, or give one of them a different "slug:" in its frontmatter.',
        })
      }
    }

    if (kept.some((article) => article.date === undefined)) {
      gitDates ??= readGitDates(options.directory)
      const dates = await gitDates
      for (const [index, article] of kept.entries()) {
        if (article.date !== undefined) continue
        const date = dates.get(article.path)
        if (date) kept[index] = { ...article, date }
        else {
          found.push({
            file: reported(article.path),
            line: 1,
            column: 1,
            path: ['date'],
            code: 'DATE_MISSING',
            severity: 'warning',
            message: 'The article has no "date", and git has no commit that added the file.',
            hint: 'Add "date: YYYY-MM-DD" to the frontmatter, or commit the file.',
          })
        }
      }
    }
    const published = options.drafts ? kept : kept.filter((article) => !article.draft)
    articles = sortArticles(published)
    problems = sortProblems(found)
  }

  return {
    refresh,
    /** The articles to show, newest first. */
    articles: () => articles,
    /** Every current problem, sorted by file and position. */
    problems: () => problems,
  }
}

/** A collection the dev server keeps up to date. */
export type WatchedCollection = ReturnType<typeof createWatchedCollection>
