import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, type Stats, statSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { compareStrings } from '@dawnpress/core/internal'
import { hashEngine } from './dependency-digest.ts'
import { listFiles } from './list-files.ts'

const run = promisify(execFile)

/**
 * Each file under the articles folder as it was hashed, and when hashing began. A file
 * whose size, mtime, ctime and inode are unchanged, and that was last changed before then,
 * has the same bytes (the rule git's index uses).
 */
export interface StoredInputs {
  hashedAt: number
  files: StoredFile[]
  /** The same for the public folder's files, by path relative to it. */
  publicFiles?: StoredFile[]
}

/** A hashed file: [path, size, mtimeMs, ctimeMs, inode, sha256]. */
export type StoredFile = [
  path: string,
  size: number,
  mtimeMs: number,
  ctimeMs: number,
  ino: number,
  hash: string,
]

/** Everything but the articles that a build's output depends on. */
export interface BaseInputs {
  /** Options that shape the output, as plain data. */
  options: unknown
  /** The subset of `options` that shapes the parse of each article, as plain data. */
  parseOptions: unknown
  /** Files read as they are: the config and its imports, the site config, the logo. */
  files: readonly string[]
  /** The site settings' source (the inline settings as JSON when there is no file). */
  site: string
  /** The folder of articles, whose git history may date them. */
  articlesDir: string
  /** The folder copied into the output as it is, when there is one. */
  publicDir?: string | undefined
  /** Whether dates come from git. */
  gitDates: boolean
}

/** The digests of a build's inputs. */
export interface Fingerprint {
  /** Digest of everything but the article files. */
  base: string
  /**
   * The same with only the options that shape each article's parse: equal means a build or a
   * check may reuse the articles of another one (a check those of a build, say).
   */
  parseBase: string
  /**
   * SHA-256 of every file under the articles folder (articles, and the images and files
   * beside them), by path relative to it.
   */
  files: Map<string, string>
  /** SHA-256 of every file of the public folder, by path relative to it. */
  publicFiles: Map<string, string>
  /** Digest of both: equal fingerprints give byte-identical output. */
  fingerprint: string
  /** What the next build needs to skip reading files that did not change. */
  stored: StoredInputs
  /** Whether the articles' git history is a shallow clone (dates from it would be wrong). */
  shallow: boolean
}

/** Bump to make every earlier cache unreadable: what it stores changed shape. */
export const STATE_VERSION = 5

/**
 * Hashes everything a build's output depends on. The base: the options, dawnpress's own
 * code and the versions of its runtime dependencies, the config file and every local file it
 * imports, the site config and its logo, Node's version and, when dates come from git, the
 * last commit that touched the articles and whether the clone is shallow. Then every file
 * under the articles folder, path and bytes.
 */
export async function fingerprintInputs(
  base: BaseInputs,
  previous: StoredInputs | undefined,
): Promise<Fingerprint> {
  const git = base.gitDates ? readGitState(base.articlesDir) : Promise.resolve(undefined)
  const digest = createHash('sha256')
  hashEngine(digest)
  digest.update(`\0site\0${base.site}`)
  for (const file of [...base.files].sort(compareStrings)) {
    digest.update(`\0file:${file}\0`)
    try {
      digest.update(readFileSync(file))
    } catch {
      digest.update('missing')
    }
  }
  const { files, stored } = hashFolder(base.articlesDir, previous?.files, previous?.hashedAt)
  const hashedPublic =
    base.publicDir === undefined
      ? undefined
      : hashFolder(base.publicDir, previous?.publicFiles, previous?.hashedAt, isPublicJunk)
  if (hashedPublic) stored.publicFiles = hashedPublic.stored.files
  const state = await git
  digest.update(`\0git:${state?.commit ?? 'none'}:${state?.shallow ?? false}`)
  const inputs = digest.digest('hex')
  const withOptions = (options: unknown) =>
    createHash('sha256')
      .update(JSON.stringify({ version: STATE_VERSION, options, node: process.version }))
      .update(`\0inputs:${inputs}`)
      .digest('hex')
  const baseDigest = withOptions(base.options)
  const fingerprint = createHash('sha256').update(baseDigest)
  for (const [file, hash] of files) fingerprint.update(`\0file:${file}\0${hash}`)
  const publicFiles = hashedPublic?.files ?? new Map<string, string>()
  for (const [file, hash] of publicFiles) fingerprint.update(`\0public:${file}\0${hash}`)
  return {
    base: baseDigest,
    parseBase: withOptions({ parse: base.parseOptions }),
    files,
    publicFiles,
    fingerprint: fingerprint.digest('hex'),
    stored,
    shallow: state?.shallow ?? false,
  }
}

/** Hashes every file of a folder but hidden ones, reusing `previous` hashes where it may. */
function hashFolder(
  articlesDir: string,
  previousFiles: readonly StoredFile[] | undefined,
  hashedAt: number | undefined,
  skip: (segment: string) => boolean = isHidden,
): { files: Map<string, string>; stored: StoredInputs } {
  const known = new Map(previousFiles?.map((entry) => [entry[0], entry]))
  const stored: StoredInputs = { hashedAt: Date.now(), files: [] }
  const files = new Map<string, string>()
  let names: string[]
  try {
    names = listFiles(articlesDir)
  } catch {
    names = []
  }
  const paths = names.filter((name) => !name.split('/').some(skip))
  // Synchronous calls: for thousands of small files they beat the promise API severalfold.
  for (const file of paths.sort(compareStrings)) {
    const path = join(articlesDir, file)
    const info = statSync(path, { throwIfNoEntry: false })
    if (info === undefined || !info.isFile()) continue
    const last = known.get(file)
    let hash: string
    if (hashedAt !== undefined && last !== undefined && isUnchanged(last, info, hashedAt)) {
      hash = last[5]
    } else {
      try {
        hash = createHash('sha256').update(readFileSync(path)).digest('hex')
      } catch {
        continue
      }
    }
    files.set(file, hash)
    stored.files.push([file, info.size, info.mtimeMs, info.ctimeMs, info.ino, hash])
  }
  return { files, stored }
}

/** Hidden files and folders (".obsidian/") are not part of the content, as core lists it. */
const isHidden = (segment: string) => segment.startsWith('.')

/**
 * What a public folder keeps out of the site: version control and the files desktops leave
 * behind. Other hidden files are published (`.well-known/`).
 */
export const isPublicJunk = (segment: string) =>
  segment === '.git' || segment === '.DS_Store' || segment === 'Thumbs.db'

/**
 * As git's index decides: the same size, mtime, ctime and inode, and changed before the
 * last hashing began (a file written in the same instant could change again unseen). The
 * ctime and inode catch a same-size edit whose mtime was put back, and two files swapped.
 */
function isUnchanged(last: StoredFile, info: Stats, hashedAt: number): boolean {
  return (
    last[1] === info.size &&
    last[2] === info.mtimeMs &&
    last[3] === info.ctimeMs &&
    last[4] === info.ino &&
    info.mtimeMs < hashedAt &&
    info.ctimeMs < hashedAt
  )
}

/** The git state that dates can depend on. */
export interface GitState {
  /** The last commit that touched the folder, or 'none'. */
  commit: string
  /** A shallow clone's history is cut off: the first commit it has seems to add every file. */
  shallow: boolean
}

/** The last commit that touched `directory`, and whether the clone is shallow. */
export async function readGitState(directory: string): Promise<GitState | undefined> {
  try {
    const [log, shallow] = await Promise.all([
      run('git', ['log', '-1', '--format=%H', '--', '.'], { cwd: directory }),
      run('git', ['rev-parse', '--is-shallow-repository'], { cwd: directory }),
    ])
    return { commit: log.stdout.trim() || 'none', shallow: shallow.stdout.trim() === 'true' }
  } catch {
    return undefined
  }
}
