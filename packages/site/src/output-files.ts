import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { OutputFile } from './types.ts'

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
export function assertOutputPaths(files: readonly OutputFile[], seen = new Set<string>()): void {
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

/** Writes files under one folder, refusing unsafe paths and any path written twice. */
export interface OutputWriter {
  /** Writes many files, a bounded number at a time; every path is checked first. */
  writeAll(files: readonly OutputFile[]): Promise<void>
  /** Checks and records paths that something else has put in place. */
  claim(paths: readonly string[]): void
  /** Files written or claimed so far. */
  readonly count: number
}

/** A writer for `root`, which need not exist yet. */
export function createOutputWriter(root: string): OutputWriter {
  const seen = new Set<string>()
  const folders = new Set<string>()
  return {
    async writeAll(files) {
      assertOutputPaths(files, seen)
      const needed = [...new Set(files.map((file) => dirname(join(root, file.path))))]
      for (const folder of needed.filter((folder) => !folders.has(folder)).sort()) {
        await mkdir(folder, { recursive: true })
        folders.add(folder)
      }
      const BATCH = 64
      for (let start = 0; start < files.length; start += BATCH) {
        await Promise.all(
          files
            .slice(start, start + BATCH)
            .map((file) => writeFile(join(root, file.path), file.contents)),
        )
      }
    },
    claim(paths) {
      assertOutputPaths(
        paths.map((path) => ({ path, contents: '' })),
        seen,
      )
    },
    get count() {
      return seen.size
    },
  }
}
