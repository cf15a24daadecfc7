import { createHash } from 'node:crypto'
import { readFileSync, type Stats, statSync } from 'node:fs'

/** A hashed file: [path, size, mtimeMs, ctimeMs, inode, sha256]. */
export type StoredFile = [
  path: string,
  size: number,
  mtimeMs: number,
  ctimeMs: number,
  ino: number,
  hash: string,
]

/** Hashes files one by one, and records each as `StoredFile` for the next build. */
export interface FileHasher {
  /**
   * SHA-256 of the file at `path`, recorded under `key`; undefined when it is not a file or
   * cannot be read. The last build's hash is reused when the file is unchanged since.
   */
  hash(path: string, key: string): string | undefined
  /** Every file hashed so far, in the order hashed. */
  readonly stored: StoredFile[]
}

/**
 * A hasher that trusts the hashes of `previous` (taken from `hashedAt` on) for files that,
 * by git's rule, did not change since: same size, mtime, ctime and inode, and last changed
 * before that hashing began (a file written in the same instant could change again unseen).
 * The ctime and inode catch a same-size edit whose mtime was put back, and two files swapped.
 */
export function createFileHasher(
  previous: readonly StoredFile[] | undefined,
  hashedAt: number | undefined,
): FileHasher {
  const known = new Map(previous?.map((entry) => [entry[0], entry]))
  const stored: StoredFile[] = []
  return {
    stored,
    hash(path, key) {
      const info = statSync(path, { throwIfNoEntry: false })
      if (info === undefined || !info.isFile()) return undefined
      const last = known.get(key)
      let hash: string
      if (hashedAt !== undefined && last !== undefined && isUnchanged(last, info, hashedAt)) {
        hash = last[5]
      } else {
        try {
          hash = createHash('sha256').update(readFileSync(path)).digest('hex')
        } catch {
          return undefined
        }
      }
      stored.push([key, info.size, info.mtimeMs, info.ctimeMs, info.ino, hash])
      return hash
    },
  }
}

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
