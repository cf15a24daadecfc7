import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { hashEngine } from './dependency-digest.ts'
import { createFileHasher, type FileHasher, type StoredFile } from './file-hashes.ts'
import { listFiles } from './list-files.ts'

export type { StoredFile } from './file-hashes.ts'

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
  /** The same for dawnpress's built code (see `hashEngine`), by absolute path. */
  engineFiles?: StoredFile[]
}

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
  // Taken before any file is read: a file changed after this is hashed again next time.
  const hashedAt = Date.now()
  const hasher = (stored: readonly StoredFile[] | undefined) =>
    createFileHasher(stored, previous?.hashedAt)
  const digest = createHash('sha256')
  const engine = hasher(previous?.engineFiles)
  hashEngine(digest, { hasher: engine })
  digest.update(`\0site\0${base.site}`)
  // The default sort: by UTF-16 code units, whatever the locale.
  for (const file of [...base.files].sort()) {
    digest.update(`\0file:${file}\0`)
    try {
      digest.update(readFileSync(file))
    } catch {
      digest.update('missing')
    }
  }
  const articles = hasher(previous?.files)
  const files = hashFolder(base.articlesDir, articles)
  const stored: StoredInputs = { hashedAt, files: articles.stored, engineFiles: engine.stored }
  let publicFiles = new Map<string, string>()
  if (base.publicDir !== undefined) {
    const hashed = hasher(previous?.publicFiles)
    publicFiles = hashFolder(base.publicDir, hashed, isPublicJunk)
    stored.publicFiles = hashed.stored
  }
  const state = await git
  digest.update(`\0git:${state?.commit ?? 'none'}:${state?.shallow ?? false}`)
  const inputs = digest.digest('hex')
  const withOptions = (options: unknown) =>
    createHash('sha256')
      .update(JSON.stringify({ version: STATE_VERSION, options, node: process.version }))
      .update(`\0inputs:${inputs}`)
      .digest('hex')
  const baseDigest = withOptions(base.options)
  // One update of the whole list: ten thousand small ones take several times as long.
  const listed: string[] = [baseDigest]
  for (const [file, hash] of files) listed.push(`\0file:${file}\0${hash}`)
  for (const [file, hash] of publicFiles) listed.push(`\0public:${file}\0${hash}`)
  const fingerprint = createHash('sha256').update(listed.join(''))
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

/** Hashes every file of a folder but hidden ones, by path relative to it. */
function hashFolder(
  dir: string,
  hasher: FileHasher,
  skip: (segment: string) => boolean = isHidden,
): Map<string, string> {
  const files = new Map<string, string>()
  let names: string[]
  try {
    names = listFiles(dir)
  } catch {
    names = []
  }
  const paths = names.filter((name) => !name.split('/').some(skip))
  // Synchronous calls: for thousands of small files they beat the promise API severalfold.
  // Paths are joined by hand: `path.join` normalises each one, a third of the time of a stat.
  const prefix = dir.endsWith('/') ? dir : `${dir}/`
  for (const file of paths.sort()) {
    const hash = hasher.hash(prefix + file, file)
    if (hash !== undefined) files.set(file, hash)
  }
  return files
}

/** Hidden files and folders (".obsidian/") are not part of the content, as core lists it. */
const isHidden = (segment: string) => segment.startsWith('.')

/**
 * What a public folder keeps out of the site: version control and the files desktops leave
 * behind. Other hidden files are published (`.well-known/`).
 */
export const isPublicJunk = (segment: string) =>
  segment === '.git' || segment === '.DS_Store' || segment === 'Thumbs.db'

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
