import { readdirSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Article, ArticleSchema, Collection, Problem, WorkerSetup } from '@dawnpress/core'
import {
  type ArticleChunk,
  assembleCollection,
  listCollectionFiles,
  type ParsedEntry,
  parseCollectionFile,
  parseCollectionFiles,
  type SpooledFile,
  spoolCollectionFiles,
} from '@dawnpress/core/internal'
import { type BuildArticle, reviveArticle } from './articles-json.ts'
import type { StoredSource } from './build-state.ts'
import { type JsonSource, openFileSource, readFileIntoSource } from './json-source.ts'

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
  /**
   * Removes the parse spool. Until then, articles parsed in this build read their JSON from
   * it (unless it was read into memory); call it once they read it from elsewhere.
   */
  release(): void
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
  source: JsonSource,
): PreviousContent {
  const files = new Map<string, BuildFile>()
  for (const stored of sources) {
    if (stored.article === undefined) {
      files.set(stored.file, { stored, article: undefined })
      continue
    }
    const { meta, chunk } = stored.article
    if (chunk !== undefined) {
      const [start, end, htmlStart, htmlEnd, headingsStart, headingsEnd] = chunk
      const at = { source, chunk: { start, end, htmlStart, htmlEnd, headingsStart, headingsEnd } }
      files.set(stored.file, { stored, article: reviveArticle(meta, at) })
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
  /**
   * Where the parse threads write the JSON of the articles parsed now (`<spool>.<n>`): read
   * from there until `release`, or read into memory and removed before returning when
   * `spoolInMemory` (for results that outlive the build: dev, check).
   */
  spool: string
  spoolInMemory: boolean
  /** How worker threads make a custom schema (see core's `LoadCollectionOptions`). */
  workerSetup?: WorkerSetup | undefined
  /** The time the build publishes as of. */
  now: Date
  /**
   * Parse for the problems only (a check: no highlighting, no HTML, nothing spooled); each
   * article parsed so renders its HTML from its file only when something reads it.
   */
  problemsOnly?: boolean
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

  // Each parsed article is written as JSON to a spool by the thread that parsed it: this
  // thread gets only its light fields and where its JSON is, so memory stays flat at any size.
  // Parsed for its problems only, an article has no HTML to spool, and comes whole.
  const toParseFiles = toParse.map((index) => files[index] as string)
  const spooled = input.problemsOnly
    ? await parseForProblems(collection, toParseFiles, input)
    : await spoolParsedFiles(collection, toParseFiles, input)
  for (const [position, result] of spooled.results.entries()) {
    const index = toParse[position] as number
    const { article, problems, slugPosition, tagPositions, redirectPositions, references } = result
    entries[index] = {
      article,
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
    release: spooled.release,
  }
}

/**
 * Parses `files`, each parse thread writing its articles' JSON to a spool file of its own,
 * and opens the spool files for reading back by range (or reads them into memory and removes
 * them, with `spoolInMemory`).
 */
async function spoolParsedFiles(
  collection: Collection<ArticleSchema>,
  files: string[],
  input: { spool: string; spoolInMemory: boolean; workerSetup?: WorkerSetup | undefined },
) {
  const results: SpooledFile<ArticleSchema>[] = new Array(files.length)
  const sources = new Map<string, JsonSource>()
  const release = spoolReleaser(sources, input.spool)
  const at = (chunk: ArticleChunk & { file: string }) => {
    const { file, ...place } = chunk
    return { source: sources.get(file) as JsonSource, chunk: place }
  }
  const revived = () =>
    results.map(({ article, chunk, ...rest }) => ({
      ...rest,
      article: article && chunk && reviveArticle(article, at(chunk)),
    }))
  if (files.length === 0) return { results: revived(), release }
  try {
    const spooled = await spoolCollectionFiles(
      collection,
      files,
      input.spool,
      (result, index) => {
        results[index] = result
      },
      { workerSetup: input.workerSetup },
    )
    for (const file of spooled.files) {
      const source = input.spoolInMemory ? readFileIntoSource(file) : openFileSource(file)
      if (source === undefined) throw new Error(`The parse spool ${file} could not be opened.`)
      sources.set(file, source)
    }
  } catch (error) {
    release()
    throw error
  }
  if (input.spoolInMemory) removeSpool(input.spool)
  return { results: revived(), release }
}

/**
 * Closes the spool's files and removes them. Made apart from `spoolParsedFiles`, whose
 * closures share one scope: a release made there kept every parse result (each article's
 * fields, positions and chunk, 100,000 of them) alive for as long as the build held it.
 */
function spoolReleaser(sources: Map<string, JsonSource>, spool: string): () => void {
  return () => {
    for (const source of sources.values()) source.close()
    sources.clear()
    removeSpool(spool)
  }
}

/**
 * Parses `files` for their problems (a check): no highlighting and no HTML, so nothing to
 * spool. Each article renders its HTML from its file, highlighted as a build renders it, when
 * something first reads it (a check's caller rarely does); its JSON is never copied.
 */
async function parseForProblems(
  collection: Collection<ArticleSchema>,
  files: string[],
  input: { workerSetup?: WorkerSetup | undefined },
) {
  const parsed = await parseCollectionFiles(collection, files, {
    workerSetup: input.workerSetup,
    problemsOnly: true,
  })
  const results = parsed.map(({ article, ...rest }, position) => ({
    ...rest,
    article: article && renderHtmlWhenRead(article, collection, files[position] as string),
  }))
  return { results, release: () => {} }
}

/**
 * An article whose HTML is not kept (parsed for its problems only) with an `html` that
 * renders its file, as a build renders it, when first read; its JSON is never copied.
 */
export function renderHtmlWhenRead(
  article: object,
  collection: Collection<ArticleSchema>,
  file: string,
): BuildArticle {
  let html: string | undefined
  // Rendered as the file is when read: one that no longer parses has an empty `html`.
  const render = () => (html ??= parseCollectionFile(collection, file).article?.html ?? '')
  Object.defineProperty(article, 'html', { get: render, enumerable: true, configurable: true })
  return { article: article as Article }
}

/** Removes the spool files of `spool` (`<spool>.<n>`), whichever threads wrote them. */
function removeSpool(spool: string): void {
  const folder = dirname(spool)
  const prefix = `${basename(spool)}.`
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return
  }
  for (const name of names) {
    if (name.startsWith(prefix)) rmSync(join(folder, name), { force: true })
  }
}
