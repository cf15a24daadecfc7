import { execFile } from 'node:child_process'
import { createHash, type Hash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import { promisify } from 'node:util'
import type { Problem } from '@dawnpress/core'

const run = promisify(execFile)
const require = createRequire(import.meta.url)

/** An article of the last build, kept so that an unchanged file need not be parsed again. */
export interface StoredArticle {
  /** The article without `html` and `headings`, which are read back from `articles.json`. */
  meta: Record<string, unknown> & { slug: string; path: string; date: string | undefined }
  /** Where its JSON is in the last build's `articles.json`: [start, end) in bytes. */
  chunk?: [start: number, end: number]
}

/** One article file as the last build parsed it. */
export interface StoredSource {
  file: string
  /** SHA-256 of the file's bytes. */
  hash: string
  /** The file's own problems (not those between files, which are found again). */
  problems: Problem[]
  slugPosition: { line: number; column: number }
  article?: StoredArticle
}

/** What the last successful build of an output folder was made from, and what it wrote. */
export interface BuildState {
  version: typeof STATE_VERSION
  /** Everything the output depends on; equal means nothing to do. */
  fingerprint: string
  /** The same, without the article files: equal means articles may be reused one by one. */
  base: string
  outDir: string
  /** Every file written, with its size and mtime, to notice an output folder changed by hand. */
  files: [path: string, size: number, mtimeMs: number][]
  /** The problems of that build, shown again when it is reused. */
  problems: Problem[]
  /** Size and mtime of its `articles.json`, whose bytes unchanged articles are copied from. */
  articlesJson: { size: number; mtimeMs: number }
  /** The files under the articles folder as they were hashed. */
  inputs: StoredInputs
  /** Each feed's key, by the path of its RSS file (see `createFeedReuse`). */
  feeds: Record<string, string>
}

/**
 * Each file under the articles folder with its size, mtime and SHA-256, and when hashing
 * began: a file with the same size and mtime, last changed before then, has the same hash.
 */
export interface StoredInputs {
  hashedAt: number
  files: [path: string, size: number, mtimeMs: number, hash: string][]
}

const STATE_VERSION = 2

/** Packages whose code shapes the output: a change to any is a new build. */
const OUTPUT_PACKAGES = [
  '@dawnpress/core',
  '@dawnpress/feeds',
  '@dawnpress/og',
  '@dawnpress/site',
  'dawnpress',
]

/** The inputs of a build, each hashed once. */
export interface BuildInputs {
  /** Digest of everything but the article files. */
  base: string
  /** SHA-256 of every file under the articles folder, by path relative to it. */
  files: Map<string, string>
  /** Digest of both: equal fingerprints give byte-identical output. */
  fingerprint: string
  /** What the next build needs to skip reading files that did not change. */
  stored: StoredInputs
}

/**
 * Hashes everything a build's output depends on: every file under the articles folder
 * (path and bytes), the site config, the options, the built code of the packages that
 * render, and the last commit touching the articles (dates may come from git).
 */
export async function hashBuildInputs(
  input: { articlesDir: string; siteFile: string | undefined; options: unknown },
  previous: StoredInputs | undefined,
): Promise<BuildInputs> {
  const commit = lastCommit(input.articlesDir)
  const base = createHash('sha256')
  base.update(
    JSON.stringify({ version: STATE_VERSION, options: input.options, node: process.version }),
  )
  for (const name of OUTPUT_PACKAGES) await hashPackage(base, name)
  if (input.siteFile) base.update(await readFile(input.siteFile)).update('\0site')

  const known = new Map(previous?.files.map((entry) => [entry[0], entry]))
  const stored: StoredInputs = { hashedAt: Date.now(), files: [] }
  const files = new Map<string, string>()
  const paths = (await readdir(input.articlesDir, { recursive: true, withFileTypes: true }))
    // Without file types Node 20 stats every entry, which takes several times as long.
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(input.articlesDir.length + 1)
        .split(sep)
        .join('/'),
    )
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  // Synchronous calls: for thousands of small files they beat the promise API severalfold.
  for (const file of paths) {
    const path = join(input.articlesDir, file)
    const info = statSync(path, { throwIfNoEntry: false })
    if (info === undefined) continue
    const last = known.get(file)
    let digest: string
    // Like git's index: same size and mtime, and changed before the last hashing began.
    if (
      previous !== undefined &&
      last?.[1] === info.size &&
      last[2] === info.mtimeMs &&
      info.mtimeMs < previous.hashedAt
    ) {
      digest = last[3]
    } else {
      try {
        digest = createHash('sha256').update(readFileSync(path)).digest('hex')
      } catch {
        continue
      }
    }
    files.set(file, digest)
    stored.files.push([file, info.size, info.mtimeMs, digest])
  }
  base.update(`\0git:${await commit}`)
  const baseDigest = base.digest('hex')
  const fingerprint = createHash('sha256').update(baseDigest)
  for (const [file, digest] of files) fingerprint.update(`\0file:${file}\0${digest}`)
  return { base: baseDigest, files, fingerprint: fingerprint.digest('hex'), stored }
}

/** The last build's state, if there is one this version can read. */
export async function readBuildState(stateFile: string): Promise<BuildState | undefined> {
  try {
    const state = JSON.parse(await readFile(stateFile, 'utf8')) as BuildState
    return state.version === STATE_VERSION ? state : undefined
  } catch {
    return undefined
  }
}

/**
 * Whether the last build was made from the same fingerprint into `outDir` and its files are
 * all still there with their sizes and mtimes, so that there is nothing to do.
 */
export async function isBuildCurrent(
  state: BuildState | undefined,
  fingerprint: string,
  outDir: string,
): Promise<boolean> {
  if (state?.fingerprint !== fingerprint || state.outDir !== outDir) return false
  for (const [path, size, mtimeMs] of state.files) {
    const info = statSync(join(outDir, path), { throwIfNoEntry: false })
    if (info?.size !== size || info.mtimeMs !== mtimeMs) return false
  }
  return true
}

/** Records a successful build, after its output is in place. */
export async function writeBuildState(
  stateFile: string,
  state: Omit<BuildState, 'version' | 'files' | 'articlesJson'>,
): Promise<void> {
  const files: [string, number, number][] = []
  for (const entry of await readdir(state.outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name).slice(state.outDir.length + 1)
    // Synchronous: tens of thousands of awaited stats take seconds, these a fraction of one.
    const info = statSync(join(state.outDir, path))
    files.push([path.split(sep).join('/'), info.size, info.mtimeMs])
  }
  files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  const json = await stat(join(state.outDir, ARTICLES_JSON))
  const full: BuildState = {
    version: STATE_VERSION,
    ...state,
    files,
    articlesJson: { size: json.size, mtimeMs: json.mtimeMs },
  }
  await writeFile(stateFile, JSON.stringify(full))
}

/**
 * The articles of the build recorded in `stateFile`, kept beside it in a file of their own
 * so that a build with nothing to do never reads them; undefined when they are not that
 * build's.
 */
export async function readStoredSources(
  stateFile: string,
  state: BuildState,
): Promise<StoredSource[] | undefined> {
  try {
    const stored = JSON.parse(await readFile(sourcesFile(stateFile), 'utf8')) as {
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
  stateFile: string,
  fingerprint: string,
  sources: StoredSource[],
): Promise<void> {
  return writeFile(sourcesFile(stateFile), JSON.stringify({ fingerprint, sources }))
}

function sourcesFile(stateFile: string): string {
  return stateFile.replace(/\.json$/, '-articles.json')
}

/** The file every build writes with every article, HTML included. */
export const ARTICLES_JSON = 'articles.json'

/**
 * Hashes a package's manifest and built code, so that a change of code, even without a new
 * version number (as while developing dawnpress itself), is a new build.
 */
async function hashPackage(hash: Hash, name: string): Promise<void> {
  let root: string
  try {
    root = dirname(require.resolve(`${name}/package.json`))
  } catch {
    hash.update(`\0package:${name}:missing`)
    return
  }
  hash.update(`\0package:${name}\0`).update(await readFile(join(root, 'package.json')))
  const files = (await readdir(join(root, 'dist'), { recursive: true }).catch(() => []))
    .map(String)
    .sort()
  for (const file of files) {
    const bytes = await readFile(join(root, 'dist', file)).catch(() => undefined)
    if (bytes) hash.update(`\0${file}\0`).update(bytes)
  }
}

async function lastCommit(directory: string): Promise<string> {
  try {
    const { stdout } = await run('git', ['log', '-1', '--format=%H', '--', '.'], { cwd: directory })
    return stdout.trim()
  } catch {
    return 'none'
  }
}
