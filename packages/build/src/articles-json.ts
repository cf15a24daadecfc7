import { createHash } from 'node:crypto'
import { closeSync, openSync, writeSync } from 'node:fs'
import type { Article } from '@dawnpress/core'
import { type ArticleChunk, serializeArticle, shiftChunk } from '@dawnpress/core/internal'
import type { StoredArticle } from './build-state.ts'
import { bufferSource, type JsonSource } from './json-source.ts'

/** Where an article's JSON is, and in which bytes. */
export interface StoredChunk {
  source: JsonSource
  chunk: ArticleChunk
}

/**
 * An article of this build: parsed now, or revived from the last build's `articles.json`
 * when its file did not change. Its `html` and `headings` are read back from its JSON only
 * when something asks for them (a feed item, a page), and its JSON is copied byte for byte.
 */
export interface BuildArticle {
  article: Article
  /** Its JSON: in this build's parse spool, or in the last build's `articles.json`. */
  previous?: StoredChunk
}

/**
 * The parts of an article kept in the build state; the rest is in `articles.json`. Reads
 * only those parts, so a revived article's JSON is not parsed for it.
 */
export function storedMeta(article: Article): StoredArticle['meta'] {
  // Defined, not assigned: a field named `__proto__` stays a field.
  const fields = Object.keys(article)
    .filter((key) => key !== 'html' && key !== 'headings')
    .map((key) => [key, article[key as keyof Article]])
  return Object.fromEntries(fields) as StoredArticle['meta']
}

// Where each revived article reads its JSON now: a build moves it from the parse spool to the
// store it has just written, keeping the article object (other maps are keyed by it).
const locations = new WeakMap<object, { stored: StoredChunk }>()

/**
 * The HTML read last, and by which article: pages and feeds read an article's HTML a few
 * times in a row, and every article once. One entry in a variable, not a bounded `Map`: a
 * map that drops its oldest entry as it goes rebuilds its table every few entries, and the
 * tables it left behind in the old generation keep the strings they held alive through
 * every scavenge until the next full collection. That promoted nearly every page's HTML
 * (150 MB at 10,000 articles), and at 100,000 the heap grew to four times its live size
 * before the collector ran. Weak references did no better: a weakly held string lives at
 * least until the job that read it ends.
 */
let lastHtml: { location: object; html: string } | undefined

/**
 * Brings back an article from its stored fields and its JSON: `html` is parsed from its
 * own bytes when something asks for it (the last one kept, see `lastHtml`), `headings`
 * likewise; the rest of the JSON is never parsed.
 */
export function reviveArticle(meta: object, previous: StoredChunk): BuildArticle {
  const article = Object.defineProperties(copyFields(meta), REVIVED_FIELDS) as unknown as Article
  locations.set(article, { stored: previous })
  return { article, previous }
}

/**
 * A copy of an article's fields that the getters can be added to without a hidden class of
 * its own: V8 gives each copy made by spreading (`{ ...meta }`) its own class once accessors
 * are defined on it, while copies made by `Object.assign` share one (at 100,000 articles,
 * 100,000 classes with their descriptors, about 60 MB). A field named `__proto__` (which
 * `Object.assign` would take for the prototype) is copied by spreading.
 */
function copyFields(meta: object): object {
  return Object.hasOwn(meta, '__proto__') ? { ...meta } : Object.assign({}, meta)
}

// The same two getters on every revived article, which find its JSON by the article itself.
const REVIVED_FIELDS: PropertyDescriptorMap = {
  html: {
    get(this: object): string {
      const location = locationOf(this)
      if (lastHtml?.location === location) return lastHtml.html
      const { source, chunk } = location.stored
      const html = JSON.parse(source.read(chunk.htmlStart, chunk.htmlEnd).toString('utf8'))
      lastHtml = { location, html }
      return html as string
    },
    enumerable: true,
  },
  headings: {
    get(this: object): Article['headings'] {
      const { source, chunk } = locationOf(this).stored
      const bytes = source.read(chunk.headingsStart, chunk.headingsEnd)
      return JSON.parse(bytes.toString('utf8')) as Article['headings']
    },
    enumerable: true,
  },
}

function locationOf(article: object): { stored: StoredChunk } {
  const location = locations.get(article)
  if (location === undefined) throw new TypeError('This object is not a revived article.')
  return location
}

/**
 * Points an article at the same JSON in another file (the store a build has just written),
 * so that the file it was read from can go. An article that was not revived keeps its own
 * fields, and only records where its JSON now is.
 */
export function moveArticle(entry: BuildArticle, stored: StoredChunk): void {
  entry.previous = stored
  const location = locations.get(entry.article)
  if (location !== undefined) location.stored = stored
}

/**
 * Reads an article's JSON into memory and points the article at that copy, for an article
 * the store does not hold (a scheduled one) whose JSON is in a file about to go.
 */
export function holdArticleInMemory(entry: BuildArticle): void {
  const { previous } = entry
  if (previous === undefined) return
  const { chunk } = previous
  const source = bufferSource(previous.source.read(chunk.start, chunk.end))
  moveArticle(entry, { source, chunk: shiftChunk(chunk, -chunk.start) })
}

/** Bytes copied at once from one article store to the next. */
const COPY_BATCH = 4 << 20

/** The byte of `,`, which separates articles in `articles.json`. */
const COMMA = 0x2c

/** What `writeArticlesJson` wrote. */
export interface WrittenArticlesJson {
  /** Where each article's JSON (and its `html` and `headings`) is, in the order given. */
  chunks: ArticleChunk[]
  /** SHA-256 of the whole file, to know it again when its identity changed (see the state). */
  sha256: string
}

/**
 * Writes `articles.json`: exactly `JSON.stringify(articles)` and a newline, one article at
 * a time so the whole document is never held in memory. Articles with JSON already (parsed
 * in this build, or revived) are copied from where it is, in pieces; neighbours that were
 * neighbours there too are copied as one run.
 */
export function writeArticlesJson(
  path: string,
  articles: readonly BuildArticle[],
): WrittenArticlesJson {
  const chunks: ArticleChunk[] = []
  const digest = createHash('sha256')
  const fd = openSync(path, 'w')
  try {
    // Text is gathered and written in batches; runs of stored JSON are copied in pieces.
    let pending: string[] = []
    let pendingLength = 0
    let run: { source: JsonSource; start: number; end: number } | undefined
    let offset = 0
    const flush = () => {
      if (run) {
        for (let start = run.start; start < run.end; start += COPY_BATCH) {
          const bytes = run.source.read(start, Math.min(run.end, start + COPY_BATCH))
          digest.update(bytes)
          writeAll(fd, bytes)
        }
      }
      run = undefined
      if (pending.length > 0) {
        const bytes = Buffer.from(pending.join(''))
        digest.update(bytes)
        writeAll(fd, bytes)
      }
      pending = []
      pendingLength = 0
    }
    const pushText = (text: string) => {
      if (run) flush()
      pending.push(text)
      pendingLength += text.length
      offset += Buffer.byteLength(text)
      if (pendingLength >= COPY_BATCH) flush()
    }
    pushText('[')
    for (const [index, entry] of articles.entries()) {
      const { previous } = entry
      // A run goes on when this chunk follows the last one in the same file, after a comma.
      const continuesRun =
        index > 0 &&
        previous !== undefined &&
        run?.source === previous.source &&
        previous.chunk.start === run.end + 1 &&
        previous.source.read(run.end, run.end + 1)[0] === COMMA
      if (run && continuesRun) {
        run.end = (previous as StoredChunk).chunk.end
        offset += 1
      } else {
        if (index > 0) pushText(',')
        if (previous) {
          if (pending.length > 0) flush()
          run = { source: previous.source, start: previous.chunk.start, end: previous.chunk.end }
        }
      }
      const start = offset
      if (previous) {
        offset += previous.chunk.end - previous.chunk.start
        chunks.push(shiftChunk(previous.chunk, start - previous.chunk.start))
      } else {
        const { json, bytes: _bytes, ...places } = serializeArticle(entry.article)
        pushText(json)
        chunks.push({ ...shiftChunk(places, start), end: offset })
      }
    }
    pushText(']\n')
    flush()
  } finally {
    closeSync(fd)
  }
  return { chunks, sha256: digest.digest('hex') }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0
  while (written < bytes.length) written += writeSync(fd, bytes, written)
}
