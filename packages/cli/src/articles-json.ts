import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'
import type { Article } from '@dawnpress/core'
import type { StoredArticle } from './build-state.ts'

/**
 * An article of this build: parsed now, or revived from the last build's `articles.json`
 * when its file did not change. A revived article reads its `html` and `headings` back only
 * when something asks for them (a feed item, a page), and its JSON is copied byte for byte.
 */
export interface BuildArticle {
  article: Article
  /** Its JSON in the last build's `articles.json`, for a revived article. */
  previous?: { bytes: Buffer; start: number; end: number }
}

/** The parts of an article kept in the build state; the rest is in `articles.json`. */
export function storedMeta(article: Article): StoredArticle['meta'] {
  const { html: _html, headings: _headings, ...meta } = article
  return meta
}

/**
 * Brings back an article of the last build from its stored fields and its JSON in the last
 * `articles.json`, which is parsed on first use of `html` or `headings`.
 */
export function reviveArticle(
  meta: StoredArticle['meta'],
  previous: NonNullable<BuildArticle['previous']>,
): BuildArticle {
  let full: Article | undefined
  const load = (): Article => {
    full ??= JSON.parse(previous.bytes.toString('utf8', previous.start, previous.end)) as Article
    return full
  }
  const article = Object.defineProperties(
    { ...meta },
    {
      html: { get: () => load().html, enumerable: true },
      headings: { get: () => load().headings, enumerable: true },
    },
  ) as unknown as Article
  return { article, previous }
}

/** Reads the last build's `articles.json` for reviving, or undefined when it is gone. */
export function readPreviousArticlesJson(path: string): Buffer | undefined {
  try {
    return readFileSync(path)
  } catch {
    return undefined
  }
}

/** Bytes written to the file at once. */
const WRITE_BATCH = 1 << 20

/**
 * Writes `articles.json`: exactly `JSON.stringify(articles)` and a newline, written one
 * article at a time so the whole document is never held in memory. Revived articles are
 * copied from the last build. Returns where each article's JSON starts and ends, in bytes.
 */
export function writeArticlesJson(
  path: string,
  articles: readonly BuildArticle[],
): [start: number, end: number][] {
  const ranges: [number, number][] = []
  const fd = openSync(path, 'w')
  try {
    let pending: Buffer[] = []
    let pendingSize = 0
    let offset = 0
    const push = (bytes: Buffer) => {
      pending.push(bytes)
      pendingSize += bytes.length
      offset += bytes.length
      if (pendingSize < WRITE_BATCH) return
      writeAll(fd, Buffer.concat(pending, pendingSize))
      pending = []
      pendingSize = 0
    }
    push(Buffer.from('['))
    for (const [index, entry] of articles.entries()) {
      if (index > 0) push(Buffer.from(','))
      const start = offset
      const { previous } = entry
      push(
        previous
          ? previous.bytes.subarray(previous.start, previous.end)
          : Buffer.from(JSON.stringify(entry.article)),
      )
      ranges.push([start, offset])
    }
    push(Buffer.from(']\n'))
    writeAll(fd, Buffer.concat(pending, pendingSize))
  } finally {
    closeSync(fd)
  }
  return ranges
}

function writeAll(fd: number, bytes: Buffer): void {
  let written = 0
  while (written < bytes.length) written += writeSync(fd, bytes, written)
}
