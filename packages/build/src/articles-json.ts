import { createHash } from 'node:crypto'
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

/**
 * The parts of an article kept in the build state; the rest is in `articles.json`. Reads
 * only those parts, so a revived article's JSON is not parsed for it.
 */
export function storedMeta(article: Article): StoredArticle['meta'] {
  const meta: Record<string, unknown> = {}
  for (const key of Object.keys(article)) {
    if (key !== 'html' && key !== 'headings') meta[key] = article[key as keyof Article]
  }
  return meta as StoredArticle['meta']
}

/**
 * Brings back an article of the last build from its stored fields and its JSON in the last
 * `articles.json`, which is parsed on first use of `html` or `headings`.
 */
export function reviveArticle(
  meta: object,
  previous: NonNullable<BuildArticle['previous']>,
): BuildArticle {
  // Held weakly: pages read every article once, and need not keep them all parsed.
  let full: WeakRef<Article> | undefined
  const load = (): Article => {
    const held = full?.deref()
    if (held) return held
    const parsed = JSON.parse(previous.bytes.toString('utf8', previous.start, previous.end))
    full = new WeakRef(parsed as Article)
    return parsed as Article
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

/** Characters of JSON gathered before each write. */
const WRITE_BATCH = 1 << 20

/** The byte of `,`, which separates articles in `articles.json`. */
const COMMA = 0x2c

/** What `writeArticlesJson` wrote. */
export interface WrittenArticlesJson {
  /** Where each article's JSON starts and ends, in bytes, in the order given. */
  ranges: [start: number, end: number][]
  /** SHA-256 of the whole file, to know it again before trusting its bytes. */
  sha256: string
}

/**
 * Writes `articles.json`: exactly `JSON.stringify(articles)` and a newline, written one
 * article at a time so the whole document is never held in memory. Revived articles are
 * copied from where their JSON already is; neighbours that were neighbours there too are
 * copied in one piece.
 */
export function writeArticlesJson(
  path: string,
  articles: readonly BuildArticle[],
): WrittenArticlesJson {
  const ranges: [number, number][] = []
  const digest = createHash('sha256')
  const fd = openSync(path, 'w')
  try {
    // Strings are gathered and written in batches, never turned into Buffers here: that
    // would leave a trail of off-heap copies for the collector to find.
    let pending: string[] = []
    let pendingLength = 0
    let run: { bytes: Buffer; start: number; end: number } | undefined
    let offset = 0
    const flush = () => {
      if (run) {
        const bytes = run.bytes.subarray(run.start, run.end)
        digest.update(bytes)
        writeAll(fd, bytes)
      }
      run = undefined
      if (pending.length > 0) {
        const text = pending.join('')
        digest.update(text)
        writeSync(fd, text)
      }
      pending = []
      pendingLength = 0
    }
    const pushText = (text: string) => {
      if (run) flush()
      pending.push(text)
      pendingLength += text.length
      offset += Buffer.byteLength(text)
      if (pendingLength >= WRITE_BATCH) flush()
    }
    pushText('[')
    for (const [index, entry] of articles.entries()) {
      const { previous } = entry
      const continuesRun =
        index > 0 &&
        previous !== undefined &&
        run?.bytes === previous.bytes &&
        previous.start === run.end + 1 &&
        previous.bytes[run.end] === COMMA
      if (run && continuesRun) {
        run.end = previous.end
        offset += 1
      } else {
        if (index > 0) pushText(',')
        if (previous) {
          if (pending.length > 0) flush()
          run = { bytes: previous.bytes, start: previous.start, end: previous.end }
        }
      }
      const start = offset
      if (previous) offset += previous.end - previous.start
      else pushText(JSON.stringify(entry.article))
      ranges.push([start, offset])
    }
    pushText(']\n')
    flush()
  } finally {
    closeSync(fd)
  }
  return { ranges, sha256: digest.digest('hex') }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0
  while (written < bytes.length) written += writeSync(fd, bytes, written)
}
