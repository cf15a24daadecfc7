import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import type { Article, ArticleSchema, Collection, Problem, WorkerSetup } from '@dawnpress/core'
import {
  assembleCollection,
  listCollectionFiles,
  type ParsedEntry,
  type SerializedFile,
  serializeCollectionFiles,
} from '@dawnpress/core/internal'
import { type BuildArticle, reviveArticle } from './articles-json.ts'
import type { StoredSource } from './build-state.ts'

/** The articles of a build, and how many files had to be parsed for them. */
export interface BuildContent {
  /** Published articles, newest first. */
  articles: BuildArticle[]
  problems: Problem[]
  /** Every article file, for the next build to reuse. */
  files: BuildFile[]
  /** Files parsed in this build; the others were reused from the last one. */
  parsed: number
  /** Articles dated after the build time, newest first: not published (dev shows them). */
  scheduled: Article[]
}

/** One article file of a build. */
export interface BuildFile {
  /** What the next build needs of it; `article` is filled in once the JSON is written. */
  stored: StoredSource
  /** Its article, drafts and clashing slugs included; undefined when it has errors. */
  article: BuildArticle | undefined
}

/**
 * What a build may reuse of the last one with the same base (config, code, options, git
 * history): each file's source digest, problems and article. From the same process (dev),
 * the articles themselves; from disk, their fields from the build state and their HTML from
 * the articles' JSON, whose digest was checked before it got here.
 */
export type PreviousContent = ReadonlyMap<string, BuildFile>

/**
 * The last build's files from its stored sources and the bytes of the articles' JSON it
 * wrote. An article that is not a draft but has no JSON there is left out, and parsed again.
 */
export function reviveStoredContent(
  sources: readonly StoredSource[],
  bytes: Buffer,
): PreviousContent {
  const files = new Map<string, BuildFile>()
  for (const stored of sources) {
    if (stored.article === undefined) {
      files.set(stored.file, { stored, article: undefined })
      continue
    }
    const { meta, chunk } = stored.article
    if (chunk !== undefined) {
      const [start, end] = chunk
      files.set(stored.file, { stored, article: reviveArticle(meta, { bytes, start, end }) })
    } else if (meta.draft === true) {
      // A draft is never written, but it still claims its slug.
      files.set(stored.file, { stored, article: { article: meta as unknown as Article } })
    }
  }
  return files
}

/**
 * Loads the articles of a build. Each file whose bytes did not change since `previous` is
 * reused as it was; only the others are parsed. The result is the same as parsing
 * everything: problems between files (a slug used twice, a missing date) are found again
 * over all of them.
 */
export async function loadBuildContent(input: {
  collection: Collection<ArticleSchema>
  /** SHA-256 of each file, by path relative to the articles folder. */
  hashes: ReadonlyMap<string, string>
  previous: PreviousContent | undefined
  /** A scratch file for the JSON of the articles parsed now; removed before returning. */
  spoolFile: string
  /** How worker threads make a custom schema (see core's `LoadCollectionOptions`). */
  workerSetup?: WorkerSetup | undefined
  /** The time the build publishes as of. */
  now: Date
}): Promise<BuildContent> {
  const { collection } = input
  const files = await listCollectionFiles(collection)
  const entries: ParsedEntry<BuildArticle>[] = new Array(files.length)
  const sources: StoredSource[] = new Array(files.length)
  const toParse: number[] = []
  for (const [index, file] of files.entries()) {
    const hash = input.hashes.get(file) ?? ''
    const last = input.previous?.get(file)
    if (last === undefined || last.stored.hash !== hash) {
      toParse.push(index)
      sources[index] = { file, hash, problems: [], slugPosition: { line: 1, column: 1 } }
      continue
    }
    entries[index] = { ...last.stored, article: last.article }
    sources[index] = last.stored
  }

  // Each parsed article arrives as JSON made on a worker thread, and goes straight to the
  // spool: this thread keeps only its light fields, so memory stays flat at any size.
  const spooled = await spoolParsedFiles(
    collection,
    toParse.map((index) => files[index] as string),
    input.spoolFile,
    input.workerSetup,
  )
  for (const [position, { result, range }] of spooled.results.entries()) {
    const index = toParse[position] as number
    const { article, problems, slugPosition, tagPositions, redirectPositions, references } = result
    const [start, end] = range ?? [0, 0]
    entries[index] = {
      article: article && reviveArticle(article, { bytes: spooled.bytes, start, end }),
      problems,
      slugPosition,
      tagPositions,
      redirectPositions,
    }
    Object.assign(sources[index] as StoredSource, {
      problems,
      slugPosition,
      tagPositions,
      ...(references.length > 0 && { references }),
      redirectPositions,
    })
  }

  // Dates that git filled in are not in the articles' JSON yet: those are written afresh.
  const undated = new Set(
    entries.flatMap((entry) => (entry.article?.article.date === undefined ? [entry.article] : [])),
  )
  // assembleCollection works on articles; each keeps a link back to its BuildArticle.
  const byArticle = new Map<Article, BuildArticle>()
  const flat = entries.map((entry): ParsedEntry<Article> => {
    if (entry.article) byArticle.set(entry.article.article, entry.article)
    return { ...entry, article: entry.article?.article }
  })
  const assembled = await assembleCollection(collection, flat, { now: input.now })
  for (const article of assembled.articles) {
    const entry = byArticle.get(article) as BuildArticle
    if (undated.has(entry) && article.date !== undefined) delete entry.previous
  }
  return {
    articles: assembled.articles.map((article) => byArticle.get(article) as BuildArticle),
    problems: assembled.problems,
    files: sources.map(
      (stored, index): BuildFile => ({ stored, article: entries[index]?.article }),
    ),
    parsed: toParse.length,
    scheduled: assembled.scheduled,
  }
}

/**
 * Parses `files`, writing each article's JSON to `spoolFile` as it arrives, then reads the
 * spool back as one buffer (the articles' JSON is read from it only when asked for) and
 * removes the file.
 */
async function spoolParsedFiles(
  collection: Collection<ArticleSchema>,
  files: string[],
  spoolFile: string,
  workerSetup: WorkerSetup | undefined,
) {
  const results: {
    result: Omit<SerializedFile<ArticleSchema>, 'json'>
    range?: [number, number]
  }[] = new Array(files.length)
  if (files.length === 0) return { results, bytes: Buffer.alloc(0) }
  const fd = openSync(spoolFile, 'w')
  let offset = 0
  try {
    await serializeCollectionFiles(
      collection,
      files,
      ({ json, ...result }, index) => {
        // The JSON is not kept: holding every article's JSON is what the spool avoids.
        if (json === undefined) {
          results[index] = { result }
          return
        }
        const written = writeSync(fd, json)
        results[index] = { result, range: [offset, offset + written] }
        offset += written
      },
      { workerSetup },
    )
  } finally {
    closeSync(fd)
  }
  try {
    return { results, bytes: readFileSync(spoolFile) }
  } finally {
    rmSync(spoolFile, { force: true })
  }
}
