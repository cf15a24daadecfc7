import { constants } from 'node:fs'
import { copyFile, link, mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/** One file of an output: a path relative to the output folder, and its contents. */
export interface OutputFile {
  /** Relative, with `/` separators, such as `articles/my-post/index.html`. */
  path: string
  contents: string | Uint8Array
}

/**
 * Whether a path may be written inside an output folder: relative, `/`-separated, with no
 * empty, `.` or `..` segment, no backslash and no NUL, so no file can land outside it.
 */
export function isSafeOutputPath(path: string): boolean {
  if (path === '' || path.startsWith('/') || /[\\\0]/.test(path) || /^[a-zA-Z]:/.test(path)) {
    return false
  }
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
}

/** Throws when an output path is unsafe or when two outputs would write the same file. */
export function assertOutputPaths<T extends { path: string }>(
  files: readonly T[],
  seen = new Set<string>(),
): void {
  for (const file of files) {
    if (!isSafeOutputPath(file.path)) {
      throw new Error(
        `The output path "${file.path}" would leave the output folder; use a relative path without ".." segments.`,
      )
    }
    if (seen.has(file.path)) {
      throw new Error(
        `Two outputs would both write "${file.path}"; every output needs its own path.`,
      )
    }
    seen.add(file.path)
  }
}

/**
 * Where a build puts its files: a staged folder on disk, or memory for the dev server. Every
 * path is checked before anything is written, and no path may be written twice.
 */
export interface OutputSink {
  /** Writes files, a bounded number at a time. */
  write(files: readonly OutputFile[]): Promise<void>
  /** Puts a file from disk (a cached card, say) at `path`, without reading it into memory. */
  copy(path: string, from: string): Promise<void>
  /**
   * Puts the same bytes as `from` at `path` by linking when it can, for a file of the last
   * output that did not change. Resolves false when it cannot, and nothing was written.
   */
  reuse(path: string, from: string): Promise<boolean>
  /** The folder on disk, for writers that stream a large file themselves; undefined in memory. */
  readonly dir: string | undefined
  /** Records paths a writer of `dir` filled itself, so that none is written twice. */
  claim(paths: readonly string[]): void
  /** Files written, copied, reused or claimed so far. */
  readonly count: number
}

const WRITES_AT_ONCE = 64

/** A sink that writes under `root` on disk (the staged output folder). */
export function createDirectorySink(root: string): OutputSink {
  const seen = new Set<string>()
  const folders = new Set<string>()
  const ensureFolders = async (paths: readonly string[]) => {
    const needed = [...new Set(paths.map((path) => dirname(join(root, path))))]
    for (const folder of needed.filter((folder) => !folders.has(folder)).sort()) {
      await mkdir(folder, { recursive: true })
      folders.add(folder)
    }
  }
  return {
    dir: root,
    async write(files) {
      assertOutputPaths(files, seen)
      await ensureFolders(files.map((file) => file.path))
      for (let start = 0; start < files.length; start += WRITES_AT_ONCE) {
        await Promise.all(
          files
            .slice(start, start + WRITES_AT_ONCE)
            .map((file) => writeFile(join(root, file.path), file.contents)),
        )
      }
    },
    async copy(path, from) {
      assertOutputPaths([{ path }], seen)
      await ensureFolders([path])
      // A copy-on-write clone where the file system has them, else a plain copy.
      await copyFile(from, join(root, path), constants.COPYFILE_FICLONE)
    },
    async reuse(path, from) {
      assertOutputPaths([{ path }], new Set(seen))
      await ensureFolders([path])
      try {
        await link(from, join(root, path))
      } catch {
        return false
      }
      seen.add(path)
      return true
    },
    claim(paths) {
      assertOutputPaths(
        paths.map((path) => ({ path })),
        seen,
      )
    },
    get count() {
      return seen.size
    },
  }
}

/** A sink that keeps files in memory, by site path (`/articles/a/index.html`). */
export interface MemorySink extends OutputSink {
  /** The files written, by site path with a leading `/`. */
  readonly files: ReadonlyMap<string, Uint8Array | (() => Promise<Uint8Array>)>
  /** Adds a file made only when it is first asked for (a card in dev, say). */
  lazy(path: string, make: () => Promise<Uint8Array>): void
}

/** A sink for the dev server: nothing touches the disk. */
export function createMemorySink(): MemorySink {
  const seen = new Set<string>()
  const files = new Map<string, Uint8Array | (() => Promise<Uint8Array>)>()
  const put = (path: string, bytes: Uint8Array | (() => Promise<Uint8Array>)) =>
    files.set(`/${path}`, bytes)
  return {
    dir: undefined,
    files,
    async write(written) {
      assertOutputPaths(written, seen)
      for (const file of written) {
        put(
          file.path,
          typeof file.contents === 'string' ? Buffer.from(file.contents) : file.contents,
        )
      }
    },
    async copy(path, from) {
      assertOutputPaths([{ path }], seen)
      put(path, await readFile(from))
    },
    async reuse() {
      return false
    },
    lazy(path, make) {
      assertOutputPaths([{ path }], seen)
      let made: Promise<Uint8Array> | undefined
      put(path, () => {
        made ??= make()
        return made
      })
    },
    claim(paths) {
      assertOutputPaths(
        paths.map((path) => ({ path })),
        seen,
      )
    },
    get count() {
      return seen.size
    },
  }
}
