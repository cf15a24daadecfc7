import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import {
  type Article,
  type ArticleSchema,
  assembleCollection,
  type Collection,
  defineCollection,
  listCollectionFiles,
  type ParsedEntry,
  type Problem,
  type SerializedFile,
  serializeCollectionFiles,
} from '@dawnpress/core'
import { type BuildArticle, readPreviousArticlesJson, reviveArticle } from './articles-json.ts'
import { ARTICLES_JSON, type BuildState, type StoredSource } from './build-state.ts'
import type { ContentLayout } from './layout.ts'

/** The articles of a build, and how many files had to be parsed for them. */
export interface BuildContent {
  /** Published articles, newest first. */
  articles: BuildArticle[]
  problems: Problem[]
  /** Every article file, for the next build to reuse. */
  files: BuildFile[]
  /** Files parsed in this build; the others were reused from the last one. */
  parsed: number
}

/** One article file of a build. */
export interface BuildFile {
  /** What the next build needs of it; `article` is filled in once `articles.json` is written. */
  stored: StoredSource
  /** Its article, drafts and clashing slugs included; undefined when it has errors. */
  article: Article | undefined
}

/**
 * Loads the articles of a build. When the last build had the same base (config, code,
 * options, git history) and its `articles.json` is still as it wrote it, each file whose
 * bytes did not change is reused as it was: its problems and fields from the build state,
 * its HTML and JSON from `articles.json`. Only the other files are parsed. The result is
 * the same as parsing everything: problems between files are found again over all of them.
 */
export async function loadBuildContent(input: {
  layout: ContentLayout
  /** SHA-256 of each file, by path relative to the articles folder. */
  hashes: Map<string, string>
  /** The last build's state and articles, when its base equals this build's. */
  previous: { state: BuildState; sources: StoredSource[] } | undefined
  /** A scratch file for the JSON of the articles parsed now; removed before returning. */
  spoolFile: string
}): Promise<BuildContent> {
  const collection = defineCollection({ directory: input.layout.articlesDir })
  const files = await listCollectionFiles(collection)
  const reusable = reusableSources(input.previous)
  const entries: ParsedEntry<BuildArticle>[] = new Array(files.length)
  const sources: StoredSource[] = new Array(files.length)
  const toParse: number[] = []
  for (const [index, file] of files.entries()) {
    const hash = input.hashes.get(file) ?? ''
    const stored = reusable?.sources.get(file)
    const revived = stored?.hash === hash ? revive(stored, reusable?.bytes) : undefined
    if (revived === undefined || stored === undefined) {
      toParse.push(index)
      sources[index] = { file, hash, problems: [], slugPosition: { line: 1, column: 1 } }
      continue
    }
    entries[index] = revived
    sources[index] = stored
  }

  // Each parsed article arrives as JSON made on a worker thread, and goes straight to the
  // spool: this thread keeps only its light fields, so memory stays flat at any size.
  const spooled = await spoolParsedFiles(
    collection,
    toParse.map((index) => files[index] as string),
    input.spoolFile,
  )
  for (const [position, { result, range }] of spooled.results.entries()) {
    const index = toParse[position] as number
    const { article, problems, slugPosition } = result
    const [start, end] = range ?? [0, 0]
    entries[index] = {
      article: article && reviveArticle(article, { bytes: spooled.bytes, start, end }),
      problems,
      slugPosition,
    }
    Object.assign(sources[index] as StoredSource, { problems, slugPosition })
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
  const assembled = await assembleCollection(collection, flat)
  for (const article of assembled.articles) {
    const entry = byArticle.get(article) as BuildArticle
    if (undated.has(entry) && article.date !== undefined) delete entry.previous
  }
  return {
    articles: assembled.articles.map((article) => byArticle.get(article) as BuildArticle),
    problems: assembled.problems,
    files: sources.map((stored, index): BuildFile => ({ stored, article: flat[index]?.article })),
    parsed: toParse.length,
  }
}

/**
 * Parses `files`, writing each article's JSON to `spoolFile` as it arrives, then reads the
 * spool back as one buffer (the articles' JSON is read from it only when asked for) and
 * removes the file.
 */
async function spoolParsedFiles(collection: Collection, files: string[], spoolFile: string) {
  const results: {
    result: Omit<SerializedFile<ArticleSchema>, 'json'>
    range?: [number, number]
  }[] = new Array(files.length)
  if (files.length === 0) return { results, bytes: Buffer.alloc(0) }
  const fd = openSync(spoolFile, 'w')
  let offset = 0
  try {
    await serializeCollectionFiles(collection, files, ({ json, ...result }, index) => {
      // The JSON is not kept: holding every article's JSON is what the spool avoids.
      if (json === undefined) {
        results[index] = { result }
        return
      }
      const written = writeSync(fd, json)
      results[index] = { result, range: [offset, offset + written] }
      offset += written
    })
  } finally {
    closeSync(fd)
  }
  try {
    return { results, bytes: readFileSync(spoolFile) }
  } finally {
    rmSync(spoolFile, { force: true })
  }
}

/** The last build's sources by file, with its `articles.json`, when both can be used. */
function reusableSources(previous: { state: BuildState; sources: StoredSource[] } | undefined) {
  if (previous === undefined) return undefined
  const { state, sources } = previous
  const file = join(state.outDir, ARTICLES_JSON)
  // As the last build left it, or it cannot stand in for the articles' JSON.
  const info = statSync(file, { throwIfNoEntry: false })
  if (info?.size !== state.articlesJson.size || info.mtimeMs !== state.articlesJson.mtimeMs) {
    return undefined
  }
  const bytes = readPreviousArticlesJson(file)
  if (bytes?.length !== state.articlesJson.size) return undefined
  return { bytes, sources: new Map(sources.map((source) => [source.file, source])) }
}

/**
 * A stored source as a parse result, or undefined when it cannot stand in for one: an
 * article that is not a draft but has no JSON in the last `articles.json` is parsed again.
 */
function revive(
  stored: StoredSource,
  bytes: Buffer | undefined,
): ParsedEntry<BuildArticle> | undefined {
  const { problems, slugPosition } = stored
  if (stored.article === undefined) return { article: undefined, problems, slugPosition }
  const { meta, chunk } = stored.article
  if (chunk !== undefined && bytes !== undefined) {
    const [start, end] = chunk
    return { article: reviveArticle(meta, { bytes, start, end }), problems, slugPosition }
  }
  // A draft is never written, but it still claims its slug.
  if (meta.draft === true)
    return { article: { article: meta as unknown as Article }, problems, slugPosition }
  return undefined
}
