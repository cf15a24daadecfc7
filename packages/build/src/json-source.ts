import { closeSync, fstatSync, openSync, readFileSync, readSync, type Stats } from 'node:fs'
import type { StoredFileIdentity } from './build-state.ts'

/**
 * Bytes of articles' JSON that a build reads back by range: the last build's store, a parse
 * spool, or (dev, check) a copy in memory. Reading a range never reads the rest, so a build
 * holds no more of the articles' text than it is using.
 */
export interface JsonSource {
  /** The bytes in [start, end). */
  read(start: number, end: number): Buffer
  /** Lets go of the file, if any; a later read opens it again. */
  close(): void
}

/** A file opened as a source, with its identity when it was opened. */
export interface FileSource extends JsonSource {
  /** Its size, mtime, ctime and inode, from the open file (see `fileIdentity`). */
  identity: StoredFileIdentity
}

// A source that nobody holds any longer closes its file.
const finalizer = new FinalizationRegistry<{ fd: number | undefined }>((held) => {
  if (held.fd !== undefined) closeSync(held.fd)
})

/**
 * A file read by range. It is opened on first read and stays open, so that a file renamed
 * or replaced (the store of the next build in the same process) is still read as it was.
 * Undefined when it cannot be opened.
 */
export function openFileSource(path: string): FileSource | undefined {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return undefined
  }
  const held: { fd: number | undefined } = { fd }
  const info = fstatSync(fd)
  const source = {
    identity: fileIdentity(info),
    read(start: number, end: number) {
      held.fd ??= openSync(path, 'r')
      return readRange(held.fd, start, end)
    },
    close() {
      if (held.fd !== undefined) closeSync(held.fd)
      held.fd = undefined
    },
  }
  finalizer.register(source, held)
  return source
}

/** A file read whole into memory now (it may be removed after), for results that outlive it. */
export function readFileIntoSource(path: string): JsonSource {
  return bufferSource(readFileSync(path))
}

/** Bytes in memory as a source. */
export function bufferSource(bytes: Buffer): JsonSource {
  return {
    read: (start, end) => bytes.subarray(start, end),
    close() {},
  }
}

function readRange(fd: number, start: number, end: number): Buffer {
  const bytes = Buffer.allocUnsafe(end - start)
  let read = 0
  while (read < bytes.length) {
    const count = readSync(fd, bytes, read, bytes.length - read, start + read)
    if (count === 0) throw new Error(`The articles' JSON ended ${bytes.length - read} bytes early.`)
    read += count
  }
  return bytes
}

/** A file's size, mtime, ctime and inode, as a build state records them. */
export function fileIdentity(info: Stats): StoredFileIdentity {
  return [info.size, info.mtimeMs, info.ctimeMs, info.ino]
}
