import { closeSync, openSync, writeSync } from 'node:fs'

/**
 * Where one article's JSON is in a file, in bytes: the whole object, and the JSON values of
 * its `html` (a string, quotes included) and its `headings`, so that a reader can take the
 * body without parsing the rest, or copy it as it is.
 */
export interface ArticleChunk {
  /** Start of the article's JSON. */
  start: number
  /** End of the article's JSON (exclusive). */
  end: number
  /** Start of the `html` value. */
  htmlStart: number
  /** End of the `html` value (exclusive). */
  htmlEnd: number
  /** Start of the `headings` value. */
  headingsStart: number
  /** End of the `headings` value (exclusive). */
  headingsEnd: number
}

/** An article's chunk in a spool, and which spool file it is in. */
export interface SpooledChunk extends ArticleChunk {
  /** The spool file. */
  file: string
}

/** An article's JSON, with the places of its values in bytes, from its start. */
export interface ArticleJson {
  json: string
  /** The length of `json` in UTF-8 bytes. */
  bytes: number
  htmlStart: number
  htmlEnd: number
  headingsStart: number
  headingsEnd: number
}

/** `chunk` moved by `by` bytes: where the same JSON is once copied elsewhere. */
export function shiftChunk<C extends Omit<ArticleChunk, 'start' | 'end'>>(
  chunk: C,
  by: number,
): C & ArticleChunk {
  const place = chunk as C & Partial<ArticleChunk>
  return {
    ...chunk,
    start: (place.start ?? 0) + by,
    end: (place.end ?? 0) + by,
    htmlStart: chunk.htmlStart + by,
    htmlEnd: chunk.htmlEnd + by,
    headingsStart: chunk.headingsStart + by,
    headingsEnd: chunk.headingsEnd + by,
  }
}

/**
 * An article as JSON: exactly `JSON.stringify(article)`, made one field at a time so that
 * the places of `html` and `headings` are known.
 *
 * @example
 * const { json, htmlStart, htmlEnd } = serializeArticle(article)
 * JSON.parse(Buffer.from(json).subarray(htmlStart, htmlEnd).toString()) === article.html
 */
export function serializeArticle(article: { html: string; headings: unknown }): ArticleJson {
  const parts: string[] = []
  let bytes = 1
  let htmlStart = -1
  let htmlEnd = -1
  let headingsStart = -1
  let headingsEnd = -1
  const fields = article as unknown as Record<string, unknown>
  for (const key of Object.keys(fields)) {
    // What JSON.stringify leaves out (undefined, functions) is left out here too.
    const value = JSON.stringify(fields[key])
    if (value === undefined) continue
    const name = `${parts.length > 0 ? ',' : ''}${JSON.stringify(key)}:`
    bytes += Buffer.byteLength(name)
    const size = Buffer.byteLength(value)
    if (key === 'html') [htmlStart, htmlEnd] = [bytes, bytes + size]
    else if (key === 'headings') [headingsStart, headingsEnd] = [bytes, bytes + size]
    bytes += size
    parts.push(name, value)
  }
  if (htmlStart === -1 || headingsStart === -1) {
    throw new Error('An article to serialize has no html or no headings.')
  }
  return {
    json: `{${parts.join('')}}`,
    bytes: bytes + 1,
    htmlStart,
    htmlEnd,
    headingsStart,
    headingsEnd,
  }
}

/** Appends articles' JSON to a file of its own; see `createSpoolWriter`. */
export interface SpoolWriter {
  /** The file written. */
  readonly file: string
  /** Appends an article's JSON; its place is final, readable once `close` has returned. */
  write(article: ArticleJson): SpooledChunk
  /** Closes the file. */
  close(): void
}

/**
 * Writes articles' JSON one after another into `file` (created, or emptied), so
 * that a thread that parses a collection hands on where each article is instead of its
 * text. The file holds the articles back to back, with nothing between them.
 */
export function createSpoolWriter(file: string): SpoolWriter {
  const fd = openSync(file, 'w')
  let offset = 0
  let closed = false
  return {
    file,
    write(article) {
      const start = offset
      const { json, bytes, ...places } = article
      // One write per article, of the string itself: cheaper than gathering a batch, joining
      // it and encoding the join (measured), and the byte length is known already.
      const written = writeSync(fd, json)
      if (written < bytes) writeAll(fd, Buffer.from(json).subarray(written))
      offset += bytes
      return { file, ...shiftChunk(places, start), end: offset }
    },
    close() {
      if (closed) return
      closed = true
      closeSync(fd)
    },
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0
  while (written < bytes.length) written += writeSync(fd, bytes, written)
}
