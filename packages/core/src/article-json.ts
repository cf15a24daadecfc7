import { closeSync, openSync, writeSync } from 'node:fs'

/**
 * Where one article's JSON is in a file, in bytes: the whole object, and the JSON string
 * that is its `html` (quotes included), so that a reader can take the body without parsing
 * the rest, or copy it as it is.
 */
export interface ArticleChunk {
  /** Start of the article's JSON. */
  start: number
  /** End of the article's JSON (exclusive). */
  end: number
  /** Start of the `html` value. */
  htmlStart: number
  /** End of the `html` value (exclusive); `,"headings":` and the headings follow it. */
  htmlEnd: number
}

/** An article's chunk in a spool, and which spool file it is in. */
export interface SpooledChunk extends ArticleChunk {
  /** The spool file. */
  file: string
}

/** What goes between an article's `html` value and its `headings`. */
export const HEADINGS_KEY = ',"headings":'

/** An article's JSON, with its `html` value's place in bytes (see `ArticleChunk`). */
export interface ArticleJson {
  json: string
  htmlStart: number
  htmlEnd: number
}

/**
 * An article as JSON: `JSON.stringify` of its fields in their order with `html` and
 * `headings` moved last, so that `html` is found without parsing. The text is the same as
 * `JSON.stringify({ ...rest, html, headings })`, made in pieces so that the place of `html`
 * is known.
 *
 * @example
 * const { json, htmlStart, htmlEnd } = serializeArticle(article)
 * JSON.parse(Buffer.from(json).subarray(htmlStart, htmlEnd).toString()) === article.html
 */
export function serializeArticle(article: { html: string; headings: unknown }): ArticleJson {
  const { html, headings, ...rest } = article
  const fields = JSON.stringify(rest)
  const before = fields === '{}' ? '{"html":' : `${fields.slice(0, -1)},"html":`
  const htmlJson = JSON.stringify(html)
  const htmlStart = Buffer.byteLength(before)
  const htmlEnd = htmlStart + Buffer.byteLength(htmlJson)
  return {
    json: `${before}${htmlJson}${HEADINGS_KEY}${JSON.stringify(headings)}}`,
    htmlStart,
    htmlEnd,
  }
}

/** Text gathered before each write: one write a megabyte rather than one an article. */
const WRITE_BATCH = 1 << 20

/** Appends articles' JSON to a file of its own; see `createSpoolWriter`. */
export interface SpoolWriter {
  /** The file written. */
  readonly file: string
  /** Appends an article's JSON; its place is final, readable once `close` has returned. */
  write(article: ArticleJson): SpooledChunk
  /** Writes what is pending and closes the file. */
  close(): void
}

/**
 * Writes articles' JSON one after another into `file` (created, or emptied), in batches, so
 * that a thread that parses a collection hands on where each article is instead of its
 * text. The file holds the articles back to back, with nothing between them.
 */
export function createSpoolWriter(file: string): SpoolWriter {
  const fd = openSync(file, 'w')
  let offset = 0
  let pending: string[] = []
  let pendingLength = 0
  let closed = false
  const flush = () => {
    if (pending.length === 0) return
    const text = pending.join('')
    let written = 0
    const bytes = Buffer.from(text)
    while (written < bytes.length) written += writeSync(fd, bytes, written)
    pending = []
    pendingLength = 0
  }
  return {
    file,
    write({ json, htmlStart, htmlEnd }) {
      const start = offset
      offset += Buffer.byteLength(json)
      pending.push(json)
      pendingLength += json.length
      if (pendingLength >= WRITE_BATCH) flush()
      return {
        file,
        start,
        end: offset,
        htmlStart: start + htmlStart,
        htmlEnd: start + htmlEnd,
      }
    },
    close() {
      if (closed) return
      closed = true
      try {
        flush()
      } finally {
        closeSync(fd)
      }
    },
  }
}
