import { createHash, randomBytes } from 'node:crypto'
import { readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Problem, SourcePosition } from '@dawnpress/core'
import type { ArticleReference } from '@dawnpress/core/internal'
import { STATE_VERSION, type StoredInputs } from './fingerprint.ts'
import { writeJsonFile } from './json-writer.ts'

/** An article of the last build, kept so that an unchanged file need not be parsed again. */
export interface StoredArticle {
  /** The article without `html` and `headings`, which are read back from `articles.json`. */
  meta: Record<string, unknown> & { slug: string; path: string; date: string | undefined }
  /**
   * Where its JSON is in the last build's `articles.json`, in bytes: the article in
   * [start, end), its `html` and `headings` values likewise (see core's `ArticleChunk`).
   */
  chunk?: [
    start: number,
    end: number,
    htmlStart: number,
    htmlEnd: number,
    headingsStart: number,
    headingsEnd: number,
  ]
}

/** One article file as the last build parsed it. */
export interface StoredSource {
  file: string
  /** SHA-256 of the file's bytes. */
  hash: string
  /** The file's own problems (not those between files, which are found again). */
  problems: Problem[]
  slugPosition: SourcePosition
  /** Where each of the article's tags is, for problems between files (a tag's other spelling). */
  tagPositions?: SourcePosition[]
  /** The files beside the article that it names (images, other articles), with places. */
  references?: ArticleReference[]
  /**
   * What those references resolved to when its article's HTML was last rewritten: a reused
   * article is rewritten again (parsed anew) when it differs.
   */
  referencesDigest?: string
  /** Where each of the article's old slugs is, for problems between files (a slug taken). */
  redirectPositions?: SourcePosition[]
  article?: StoredArticle
}

/** What the last successful build into an output folder was made from, and what it wrote. */
export interface BuildState {
  version: typeof STATE_VERSION
  /** Everything the output depends on; equal means nothing to do. */
  fingerprint: string
  /** The same without the article files: equal means articles may be reused one by one. */
  base: string
  /** The part of `base` that shapes each article's parse (see `Fingerprint.parseBase`). */
  parseBase?: string
  outDir: string
  /** Articles it published. */
  articles: number
  /** The date of the next scheduled article: from then on, the build is out of date. */
  nextScheduled?: string | undefined
  /** The latest date of a published article: before it, the build is out of date too. */
  lastPublished?: string | undefined
  /**
   * Every file written, with its size, mtime and ctime, to notice an output folder changed by
   * hand (a ctime cannot be put back the way an mtime can).
   */
  files: OutputRecord[]
  /** The same for the content package's folder, when the build wrote one. */
  packageFiles?: { dir: string; files: OutputRecord[] }
  /** The problems of that build, shown again when it is reused. */
  problems: Problem[]
  /**
   * Size, mtime, ctime and inode of the articles' JSON it wrote, which unchanged articles
   * are copied from, and its SHA-256. The same identity trusts it unread; another ctime (a
   * link to it removed with the output folder, or an edit with its mtime put back) has it
   * hashed again, and a file whose bytes changed is never trusted.
   */
  articlesJson: { identity: StoredFileIdentity; sha256: string } | undefined
  /** The files under the articles folder as they were hashed. */
  inputs: StoredInputs
  /** Each feed's key, by the path of its RSS file (see `createFeedReuse`). */
  feeds: Record<string, string>
  /**
   * Set by a check, which keeps no articles' JSON: its articles are whole in the sources
   * file, `headings` included and `html` left out (rendered from the file when read). Only a
   * check reuses such a state.
   */
  articlesInSources?: true
}

/** What tells a file from the same file changed: [size, mtimeMs, ctimeMs, inode]. */
export type StoredFileIdentity = [size: number, mtimeMs: number, ctimeMs: number, ino: number]

/** A file of an output as the build left it. */
export type OutputRecord = [path: string, size: number, mtimeMs: number, ctimeMs: number]

/** Whether a file of an output is still as the build that wrote it recorded. */
export function isAsRecorded(dir: string, [path, size, mtimeMs, ctimeMs]: OutputRecord): boolean {
  const info = statSync(join(dir, path), { throwIfNoEntry: false })
  return info?.size === size && info.mtimeMs === mtimeMs && info.ctimeMs === ctimeMs
}

/** What `readBuildState` found. */
export interface ReadState {
  state: BuildState | undefined
  /** Set when a state file exists but cannot be read: the build goes on cold. */
  unreadable?: string
}

/**
 * The last build's state, if there is one this version can read. A missing file is a first
 * build; a file that cannot be parsed (a disk filled up, a hand edit) is reported, never
 * thrown: the build then starts cold and writes a good one.
 */
export function readBuildState(stateFile: string): ReadState {
  let text: string
  try {
    text = readFileSync(stateFile, 'utf8')
  } catch {
    return { state: undefined }
  }
  try {
    const state = JSON.parse(text) as BuildState
    return { state: state.version === STATE_VERSION ? state : undefined }
  } catch (cause) {
    return { state: undefined, unreadable: (cause as Error).message }
  }
}

/**
 * Writes `JSON.stringify(value)` to a file whole or not at all: to a temporary name beside
 * it (a piece at a time, see `writeJsonFile`), then renamed over it, so that a build killed
 * half-way or a second build never leaves half a file to read.
 */
export function writeJsonAtomic(file: string, value: unknown): void {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
  try {
    writeJsonFile(temporary, value)
    renameSync(temporary, file)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
}

/** Records a successful build, after its output is in place. */
export function writeBuildState(stateFile: string, state: BuildState): void {
  writeJsonAtomic(stateFile, state)
}

/**
 * The article files of the build recorded in a state, kept in a file of their own so that a
 * build with nothing to do never reads them; undefined when they are not that build's or
 * cannot be read.
 */
export function readStoredSources(
  sourcesFile: string,
  state: BuildState,
): StoredSource[] | undefined {
  try {
    const stored = JSON.parse(readFileSync(sourcesFile, 'utf8')) as {
      fingerprint: string
      sources: StoredSource[]
    }
    return stored.fingerprint === state.fingerprint ? stored.sources : undefined
  } catch {
    return undefined
  }
}

/** Writes the articles of a build, for `readStoredSources`. */
export function writeStoredSources(
  sourcesFile: string,
  fingerprint: string,
  sources: StoredSource[],
): void {
  writeJsonAtomic(sourcesFile, { fingerprint, sources })
}

/**
 * Where a build keeps what it reuses, in its cache folder; this is the one owner of the
 * cache's layout. Each output folder (and dev) has a folder of its own under `builds/`, so
 * that two of them never take each other's state; cards are shared, content-addressed.
 */
export interface CacheLayout {
  /** The folder of this output's state. */
  dir: string
  /** The last build's state. */
  state: string
  /** Each article file of the last build: digest, problems, fields. */
  sources: string
  /** The articles' JSON of the last build: what unchanged articles are revived from. */
  articlesJson: string
  /** Prepared feed item content, by source digest. */
  feedContent: string
  /** Rendered social cards, content-addressed, shared by every build of this cache. */
  cards: string
  /** The site's icons, by the digest of the logo and the options they were drawn with. */
  icons: string
  /** This output's last Pagefind index, by the digest of the pages it indexed. */
  search: string
  /** What the last build of this output resolved its request to (see `findUpToDate`). */
  upToDate: string
  /**
   * Which output's state holds the last parse of this cache, whatever its folder (see
   * `writeLastParse`): a check, which writes no output, reuses it.
   */
  lastParse: string
}

/** The output whose state holds the last parse written into a cache. */
export interface LastParse {
  outDir: string
  mode: string
  parseBase: string
}

/** The cache layout of a build into `outDir` (or dev, which writes no folder). */
export function cacheLayout(
  cacheDir: string,
  output: { outDir: string; mode: string },
): CacheLayout {
  const id = createHash('sha256')
    .update(`${output.mode}\0${output.outDir}`)
    .digest('hex')
    .slice(0, 16)
  const dir = join(cacheDir, 'builds', id)
  return {
    dir,
    state: join(dir, 'state.json'),
    sources: join(dir, 'sources.json'),
    articlesJson: join(dir, 'articles.json'),
    feedContent: join(dir, 'feed-content.json'),
    cards: join(cacheDir, 'cards'),
    icons: join(cacheDir, 'icons'),
    search: join(dir, 'search'),
    upToDate: join(dir, 'request.json'),
    lastParse: lastParseFile(cacheDir),
  }
}

/** Records that the state just written in `output`'s folder holds the cache's last parse. */
export function writeLastParse(layout: CacheLayout, output: LastParse): void {
  writeJsonAtomic(layout.lastParse, output)
}

/**
 * The state that holds the last parse written into a cache, with its layout; undefined when
 * there is none or it cannot be read (a cache is never a reason to fail).
 */
export function readLastParse(
  cacheDir: string,
): { layout: CacheLayout; state: BuildState } | undefined {
  let output: LastParse
  try {
    output = JSON.parse(readFileSync(lastParseFile(cacheDir), 'utf8')) as LastParse
  } catch {
    return undefined
  }
  if (typeof output?.outDir !== 'string' || typeof output.mode !== 'string') return undefined
  const layout = cacheLayout(cacheDir, output)
  const { state } = readBuildState(layout.state)
  return state?.parseBase === output.parseBase ? { layout, state } : undefined
}

function lastParseFile(cacheDir: string): string {
  return join(cacheDir, 'builds', 'last-parse.json')
}

/** The lock every build of one cache folder takes (see `acquireBuildLock`). */
export function lockFile(cacheDir: string): string {
  return join(cacheDir, 'build.lock')
}
