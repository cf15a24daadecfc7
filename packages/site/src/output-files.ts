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
export function assertOutputPaths(files: readonly OutputFile[]): void {
  const seen = new Set<string>()
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

/** Writes files under `root`, creating folders as needed, a bounded number at a time. */
export async function writeOutputFiles(root: string, files: readonly OutputFile[]): Promise<void> {
  assertOutputPaths(files)
  const folders = new Set(files.map((file) => dirname(join(root, file.path))))
  for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true })
  const BATCH = 64
  for (let start = 0; start < files.length; start += BATCH) {
    await Promise.all(
      files
        .slice(start, start + BATCH)
        .map((file) => writeFile(join(root, file.path), file.contents)),
    )
  }
}
