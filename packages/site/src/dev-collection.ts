import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import {
  assembleCollection,
  compareStrings,
  defineCollection,
  listCollectionFiles,
  type Problem,
  parseCollectionFiles,
} from '@dawnpress/core'
import type { SiteArticle } from './types.ts'

interface Entry {
  /** mtime and size when last read, to skip reading files that did not change. */
  signature: string
  /** Hash of the bytes last parsed. */
  hash: string
  /** The current article, or the last valid one while the file has errors. */
  article: SiteArticle | undefined
  problems: Problem[]
  slugPosition: { line: number; column: number }
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

/**
 * A collection kept in memory for the dev server. `refresh()` lists the folder, and reads and
 * parses only the files whose size, mtime or bytes changed (on worker threads when there are
 * many, as at start); everything else is reused, and core's `assembleCollection` finds
 * clashing slugs and missing dates over all of them, as a build does. While a file has
 * errors its last valid article stays on the site, so the page stays up and the error
 * overlay shows what to fix.
 */
export function createWatchedCollection(options: WatchedCollectionOptions) {
  const cwd = options.cwd ?? process.cwd()
  const collection = defineCollection({
    directory: options.directory,
    drafts: options.drafts ?? false,
  })
  const directory = resolve(cwd, options.directory)
  const entries = new Map<string, Entry>()
  let articles: SiteArticle[] = []
  let problems: Problem[] = []

  async function refresh(): Promise<CollectionChange> {
    const change: CollectionChange = { parsed: [], removed: [], changedSlugs: new Set() }
    let files: string[]
    try {
      files = await listCollectionFiles(collection, { cwd })
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

    const changed: { path: string; signature: string; hash: string }[] = []
    await Promise.all(
      files.map(async (path) => {
        const file = join(directory, path)
        const previous = entries.get(path)
        try {
          const info = await stat(file)
          const signature = `${info.mtimeMs}:${info.size}`
          if (previous?.signature === signature) return
          const hash = createHash('sha256')
            .update(await readFile(file))
            .digest('hex')
          if (previous?.hash === hash) previous.signature = signature
          else changed.push({ path, signature, hash })
        } catch {
          // Gone between listing and reading: the next refresh notices.
        }
      }),
    )
    changed.sort((a, b) => compareStrings(a.path, b.path))
    const results = await parseCollectionFiles(
      collection,
      changed.map((file) => file.path),
      { cwd },
    )
    for (const [index, { path, signature, hash }] of changed.entries()) {
      const result = results[index]
      if (result === undefined) continue
      const previous = entries.get(path)
      const article = (result.article as SiteArticle | undefined) ?? previous?.article
      entries.set(path, {
        signature,
        hash,
        article,
        problems: result.problems,
        slugPosition: result.slugPosition,
      })
      change.parsed.push(path)
      if (previous?.article) change.changedSlugs.add(previous.article.slug)
      if (article) change.changedSlugs.add(article.slug)
    }
    const assembled = await assembleCollection(
      collection,
      [...entries].sort(([a], [b]) => compareStrings(a, b)).map(([, entry]) => ({ ...entry })),
      { cwd },
    )
    articles = assembled.articles
    problems = assembled.problems
    return change
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
