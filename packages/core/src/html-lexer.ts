import { decodeHTMLAttribute } from 'entities'
import { RAW_TEXT_ELEMENTS } from './html-elements.ts'

/** An attribute of a tag, with its value decoded as a browser decodes it. */
export interface HtmlAttribute {
  /** Lower-case name. */
  name: string
  value: string
  /** Offset of the name in the source. */
  start: number
}

interface Span {
  /** Offset of the first character in the source. */
  start: number
  /** Offset after the last character. */
  end: number
}

/**
 * One piece of a raw HTML fragment, as the HTML standard's tokenizer reads it:
 * - `text`: characters that open nothing, safe to copy as written;
 * - `start` and `end`: tags (the attributes of an end tag are read and ignored, as browsers do);
 * - `comment`: a comment that is closed, copied as written;
 * - `ignored`: `<!…>`, `<?…>` or `</…>` that browsers read as a comment up to the first `>`
 *   (declarations, processing instructions, CDATA outside SVG), copied as written;
 * - `raw`: the content of a raw-text element (`<script>`, `<textarea>`…) up to its end tag;
 * - `unclosed`: a `<` that opens a tag or comment that never ends; left as HTML it would run
 *   into whatever follows the fragment on the page. Covers the `<` only: the lexer reads on
 *   after it as text, as a browser would once the `<` is escaped.
 */
export type HtmlPiece =
  | (Span & { kind: 'text' | 'comment' | 'ignored' | 'raw' })
  | (Span & { kind: 'unclosed'; what: 'tag' | 'comment' })
  | (Span & { kind: 'start'; name: string; attributes: HtmlAttribute[]; selfClosing: boolean })
  | (Span & { kind: 'end'; name: string })

const isAsciiLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a
const isSpace = (code: number) =>
  code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d
const lowerAscii = (text: string) => text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase())

/**
 * Splits a fragment of raw HTML into pieces, as a browser's tokenizer would in body content.
 * Offsets are relative to `source` plus `base`. Every character of `source` belongs to
 * exactly one piece, in order.
 *
 * @example
 * lexHtml('a<b class=x>c').map((piece) => piece.kind) // ['text', 'start', 'text']
 */
export function lexHtml(source: string, base = 0): HtmlPiece[] {
  const pieces: HtmlPiece[] = []
  const length = source.length
  let textStart = 0
  let position = 0
  const push = (piece: HtmlPiece) => {
    if (textStart < piece.start - base) {
      pieces.push({ kind: 'text', start: base + textStart, end: piece.start })
    }
    pieces.push(piece)
    position = piece.end - base
    textStart = position
  }

  while (position < length) {
    const open = source.indexOf('<', position)
    if (open === -1) break
    const next = source.charCodeAt(open + 1)
    const at = base + open
    if (isAsciiLetter(next)) {
      const tag = readTag(source, open, false)
      if (tag === undefined) {
        push({ kind: 'unclosed', what: 'tag', start: at, end: at + 1 })
        continue
      }
      for (const attribute of tag.attributes) attribute.start += base
      push({ kind: 'start', ...tag, start: at, end: base + tag.end })
      // Browsers ignore `/>` on a raw-text element too: `<script/>` still opens a script.
      if (RAW_TEXT_ELEMENTS.has(tag.name)) {
        const close = findRawTextEnd(source, tag.end, tag.name)
        const endTag = close === -1 ? undefined : readTag(source, close, true)
        if (endTag !== undefined) {
          if (close > tag.end) push({ kind: 'raw', start: base + tag.end, end: base + close })
          push({ kind: 'end', name: tag.name, start: base + close, end: base + endTag.end })
        }
      }
    } else if (next === 0x2f /* / */) {
      const after = source.charCodeAt(open + 2)
      if (isAsciiLetter(after)) {
        const tag = readTag(source, open, true)
        if (tag === undefined) push({ kind: 'unclosed', what: 'tag', start: at, end: at + 1 })
        else push({ kind: 'end', name: tag.name, start: at, end: base + tag.end })
      } else if (after === 0x3e /* > */) {
        push({ kind: 'ignored', start: at, end: at + 3 })
      } else {
        pushUntilGreaterThan(open)
      }
    } else if (next === 0x21 /* ! */ && source.startsWith('<!--', open)) {
      const end = commentEnd(source, open)
      if (end === -1) push({ kind: 'unclosed', what: 'comment', start: at, end: at + 1 })
      else push({ kind: 'comment', start: at, end: base + end })
    } else if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      pushUntilGreaterThan(open)
    } else if (Number.isNaN(next)) {
      // A `<` at the very end would open a tag with whatever follows the fragment.
      push({ kind: 'unclosed', what: 'tag', start: at, end: at + 1 })
    } else {
      position = open + 1
    }
  }
  if (textStart < length) pieces.push({ kind: 'text', start: base + textStart, end: base + length })
  return pieces

  function pushUntilGreaterThan(open: number) {
    const close = source.indexOf('>', open + 2)
    if (close === -1)
      push({ kind: 'unclosed', what: 'tag', start: base + open, end: base + open + 1 })
    else push({ kind: 'ignored', start: base + open, end: base + close + 1 })
  }
}

/**
 * Reads a start or end tag at `open` following the tokenizer's tag and attribute states.
 * Undefined when the input ends inside the tag. The first of two attributes with the same
 * name wins, as in browsers.
 */
function readTag(
  source: string,
  open: number,
  isEnd: boolean,
): { name: string; attributes: HtmlAttribute[]; selfClosing: boolean; end: number } | undefined {
  const length = source.length
  let position = open + (isEnd ? 2 : 1)
  const nameStart = position
  while (position < length && !isTagNameEnd(source.charCodeAt(position))) position++
  const name = lowerAscii(source.slice(nameStart, position))
  const attributes: HtmlAttribute[] = []
  const seen = new Set<string>()
  for (;;) {
    while (position < length && isSpace(source.charCodeAt(position))) position++
    if (position >= length) return undefined
    const character = source.charAt(position)
    if (character === '>') return { name, attributes, selfClosing: false, end: position + 1 }
    if (character === '/') {
      position++
      if (source.charAt(position) === '>') {
        return { name, attributes, selfClosing: true, end: position + 1 }
      }
      continue
    }
    // The first character of a name may be `=`; after it, `=` starts the value.
    const start = position
    position++
    while (position < length && !isAttributeNameEnd(source.charCodeAt(position))) position++
    const attributeName = lowerAscii(source.slice(start, position))
    while (position < length && isSpace(source.charCodeAt(position))) position++
    let raw = ''
    if (source.charAt(position) === '=') {
      position++
      while (position < length && isSpace(source.charCodeAt(position))) position++
      if (position >= length) return undefined
      const quote = source.charAt(position)
      if (quote === '"' || quote === "'") {
        const close = source.indexOf(quote, position + 1)
        if (close === -1) return undefined
        raw = source.slice(position + 1, close)
        position = close + 1
      } else if (quote !== '>') {
        const valueStart = position
        while (position < length && !isUnquotedValueEnd(source.charCodeAt(position))) position++
        raw = source.slice(valueStart, position)
      }
    }
    if (!seen.has(attributeName)) {
      seen.add(attributeName)
      attributes.push({ name: attributeName, value: raw && decodeHTMLAttribute(raw), start })
    }
  }
}

const isTagNameEnd = (code: number) => isSpace(code) || code === 0x2f || code === 0x3e
const isAttributeNameEnd = (code: number) => isTagNameEnd(code) || code === 0x3d
const isUnquotedValueEnd = (code: number) => isSpace(code) || code === 0x3e

/** Where a raw-text element's end tag starts, or -1 when it has none. */
function findRawTextEnd(source: string, from: number, name: string): number {
  const pattern = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi')
  pattern.lastIndex = from
  return pattern.exec(source)?.index ?? -1
}

/**
 * Where a comment opened at `open` ends (after its `-->` or `--!>`), or -1 when it never
 * does. `<!-->` and `<!--->` are whole (empty) comments, as the standard says.
 */
function commentEnd(source: string, open: number): number {
  if (source.startsWith('>', open + 4)) return open + 5
  if (source.startsWith('->', open + 4)) return open + 6
  const dashes = source.indexOf('-->', open + 4)
  const bang = source.indexOf('--!>', open + 4)
  if (dashes === -1 && bang === -1) return -1
  if (bang === -1 || (dashes !== -1 && dashes < bang)) return dashes + 3
  return bang + 4
}
