import { escapeHtml } from './escape.ts'
import {
  attributeRemoved,
  elementRemoved,
  elementUnclosed,
  type HtmlChange,
  type HtmlChangeText,
  reasonNotAllowed,
  strayEndTag,
  styleRemoved,
  tagShownAsText,
  unendedMarkup,
  urlRemoved,
} from './html-changes.ts'
import {
  IMPLIED_ENDS,
  NON_TEXT_CONTENT,
  NOT_CONTAINED,
  OPTIONAL_END,
  RAW_TEXT_ELEMENTS,
  VOID_ELEMENTS,
} from './html-elements.ts'
import type { HtmlPiece } from './html-lexer.ts'
import {
  disallowedScheme,
  filterStyle,
  type HtmlPolicy,
  isAllowedAttribute,
  SRCSET_ATTRIBUTES,
  srcsetUrls,
  URL_ATTRIBUTES,
  unmetRequirement,
} from './html-policy.ts'

// The sanitiser for raw HTML in Markdown, applied to markdown-it's tokens before anything is
// rendered. It never hands HTML to a parser and hopes: every tag it keeps is written anew from
// what it read (lower-case name, allowed attributes, quoted and escaped values), text is
// copied only where it opens nothing, and everything else is shown as text or removed. Since
// no element it lets through changes how a browser reads what follows (no raw text, foreign
// content or templates), a browser reads its output exactly as it was checked.

/** A 1-based position in the Markdown being rendered. */
export interface SourcePoint {
  line: number
  column: number
}

/** A raw element that is open, and where its start tag is. */
export interface OpenElement {
  name: string
  at: SourcePoint
}

/**
 * The raw elements open in one Markdown container (the article, a list item, a paragraph…).
 * An end tag closes only an element opened in the same container, and whatever is still open
 * when the container ends is closed there, so raw HTML can never reach outside it.
 */
export interface HtmlFrame {
  open: OpenElement[]
  /** The container in words, for messages: `paragraph`, `list item`, `article`… */
  within: string
  /**
   * The container is a Markdown block whose own end tag (`</li>`, `</blockquote>`) closes the
   * ordinary elements still open in it, as browsers do; only the others need end tags.
   */
  endTagContains?: boolean
}

/** A Markdown token among the pieces of an inline, kept in place. */
export interface MarkdownItem<T> {
  kind: 'markdown'
  token: T
  /** 1 opens an element, -1 closes one, 0 neither (markdown-it's `nesting`). */
  nesting: number
}

/** Where the sanitiser writes: markup to copy, text to show as written, Markdown tokens. */
export interface HtmlOutput<T> {
  html(markup: string): void
  text(text: string): void
  markdown(token: T): void
}

/** What sanitising one run of pieces needs. */
export interface SanitizeContext<T> {
  policy: HtmlPolicy
  /** The text the pieces' offsets point into. */
  source: string
  output: HtmlOutput<T>
  /** The position of an offset of `source`. */
  locate(offset: number): SourcePoint
  report(change: HtmlChange): void
}

type Item<T> = HtmlPiece | MarkdownItem<T>

/**
 * Sanitises a run of raw HTML pieces (with Markdown tokens between them, for an inline) into
 * `context.output`, against the elements open in `frame`. Reports every change it makes.
 */
export function sanitizePieces<T>(
  items: readonly Item<T>[],
  frame: HtmlFrame,
  context: SanitizeContext<T>,
): void {
  const { output, source } = context
  const closes = matchEndTags(items)
  for (let index = 0; index < items.length; index++) {
    const item = items[index] as Item<T>
    switch (item.kind) {
      case 'markdown':
        output.markdown(item.token)
        break
      case 'text':
      case 'comment':
      case 'ignored':
        output.html(source.slice(item.start, item.end))
        break
      case 'raw':
        // Reached only if a raw-text element was neither removed nor kept; never copy it.
        output.text(source.slice(item.start, item.end))
        break
      case 'unclosed':
        report(context, item.start, unendedMarkup(restOfLine(source, item.start), item.what))
        output.text('<')
        break
      case 'start':
        index = writeStartTag(items, index, closes, frame, context)
        break
      case 'end':
        writeEndTag(item, frame, context)
        break
    }
  }
}

/**
 * What sanitising does with the piece at `index`: `keep` it (maybe changed), `remove` it with
 * its element, or `escape` it (show it as text). An HTML block whose first tag is shown as
 * text is no HTML block, and the renderer reads it as Markdown instead.
 */
export function fateOf<T>(
  items: readonly Item<T>[],
  index: number,
  frame: HtmlFrame,
  policy: HtmlPolicy,
): 'keep' | 'remove' | 'escape' {
  const item = items[index] as Item<T>
  if (item.kind === 'unclosed' || item.kind === 'raw') return 'escape'
  if (item.kind === 'end') return findOpen(frame, item.name) === -1 ? 'escape' : 'keep'
  if (item.kind !== 'start') return 'keep'
  const verdict = judge(item, policy)
  if (typeof verdict !== 'string' && !RAW_TEXT_ELEMENTS.has(item.name)) return 'keep'
  if (typeof verdict === 'string' && !NON_TEXT_CONTENT.has(item.name)) return 'escape'
  const closed = !VOID_ELEMENTS.has(item.name) && matchEndTags(items).has(index)
  if (typeof verdict === 'string') return closed ? 'remove' : 'escape'
  return closed ? 'keep' : 'escape'
}

/**
 * Closes the elements still open at the end of `frame`, reporting those that needed an end
 * tag. In a container whose end tag contains them, ordinary elements are left to it: the
 * browser closes them there, as the author's HTML says.
 */
export function closeFrame<T>(frame: HtmlFrame, context: SanitizeContext<T>): void {
  let from = 0
  if (frame.endTagContains) {
    from = frame.open.findIndex((element) => NOT_CONTAINED.has(element.name))
    if (from === -1) from = frame.open.length
  }
  closeElements(frame, from, context, `at the end of the ${frame.within}`, false)
  frame.open.length = 0
}

/**
 * Closes an open `<p>` of `frame` before a Markdown block starts in it, as the browser would
 * (so that the `</p>` written at the end of the frame does not make an empty paragraph).
 */
export function closeParagraph<T>(frame: HtmlFrame, context: SanitizeContext<T>): void {
  closeImplied(frame, 'p', context, 'where the next Markdown block starts')
}

function writeStartTag<T>(
  items: readonly Item<T>[],
  index: number,
  closes: ReadonlyMap<number, number>,
  frame: HtmlFrame,
  context: SanitizeContext<T>,
): number {
  const { output, source } = context
  const piece = items[index] as Extract<HtmlPiece, { kind: 'start' }>
  const { name } = piece
  const tag = source.slice(piece.start, piece.end)
  const verdict = judge(piece, context.policy)
  const removable =
    typeof verdict === 'string' ? NON_TEXT_CONTENT.has(name) : RAW_TEXT_ELEMENTS.has(name)
  const close = (removable && !VOID_ELEMENTS.has(name) && closes.get(index)) || -1
  if (typeof verdict === 'string') {
    if (close === -1) {
      const hides = RAW_TEXT_ELEMENTS.has(name)
      report(context, piece.start, tagShownAsText(tag, name, verdict, hides))
      output.text(tag)
      return index
    }
    report(context, piece.start, elementRemoved(name, verdict))
    // Markdown's own elements inside stay whole: an `*emphasis*` that spans the removed
    // element keeps both its tags, so no Markdown element is left open.
    for (let inside = index + 1; inside < close; inside++) {
      const item = items[inside] as Item<T>
      if (item.kind === 'markdown' && item.nesting !== 0) output.markdown(item.token)
    }
    return close
  }
  if (RAW_TEXT_ELEMENTS.has(name)) {
    // Allowed by an extended policy (an `<iframe>`): kept without its content, and only
    // when it is closed, or it would hide everything after it.
    if (close === -1) {
      report(context, piece.start, tagShownAsText(tag, name, `<${name}> must be closed`, true))
      output.text(tag)
      return index
    }
    output.html(`${startTagHtml(piece, context)}</${name}>`)
    return close
  }
  closeImplied(frame, name, context, `where <${name}> starts`)
  output.html(startTagHtml(piece, context))
  if (!VOID_ELEMENTS.has(name)) frame.open.push({ name, at: context.locate(piece.start) })
  return index
}

function writeEndTag<T>(
  piece: Extract<HtmlPiece, { kind: 'end' }>,
  frame: HtmlFrame,
  context: SanitizeContext<T>,
): void {
  const { name } = piece
  const open = findOpen(frame, name)
  if (open === -1) {
    const tag = context.source.slice(piece.start, piece.end)
    const change = context.policy.elements.has(name)
      ? strayEndTag(tag, name, frame.within)
      : tagShownAsText(tag, name, reasonNotAllowed(name), false)
    report(context, piece.start, change)
    context.output.text(tag)
    return
  }
  closeElements(frame, open, context, `by </${name}>`, true)
}

/** The start tag as the sanitiser writes it: allowed attributes only, values escaped. */
function startTagHtml<T>(
  piece: Extract<HtmlPiece, { kind: 'start' }>,
  context: SanitizeContext<T>,
): string {
  const { policy } = context
  const { name } = piece
  let html = `<${name}`
  for (const { name: attribute, value, start } of piece.attributes) {
    if (!isAllowedAttribute(policy, name, attribute)) {
      report(context, start, attributeRemoved(name, attribute))
      continue
    }
    let kept = value
    if (URL_ATTRIBUTES.has(attribute) || SRCSET_ATTRIBUTES.has(attribute)) {
      const urls = SRCSET_ATTRIBUTES.has(attribute) ? srcsetUrls(value) : [value]
      const bad = urls.find((url) => disallowedScheme(policy, url) !== undefined)
      if (bad !== undefined) {
        const scheme = disallowedScheme(policy, bad) as string
        report(context, start, urlRemoved(name, attribute, bad, scheme, policy.schemes))
        continue
      }
    } else if (attribute === 'style') {
      const { kept: declarations, dropped } = filterStyle(policy, value)
      if (dropped.length > 0) report(context, start, styleRemoved(name, dropped.join('; ')))
      if (declarations === '') continue
      kept = declarations
    }
    html += ` ${attribute}="${escapeHtml(kept)}"`
  }
  return `${html}${VOID_ELEMENTS.has(name) ? ' />' : '>'}`
}

/** The rule that allows an element, or the reason it is not allowed. */
function judge(piece: Extract<HtmlPiece, { kind: 'start' }>, policy: HtmlPolicy) {
  const rule = policy.elements.get(piece.name)
  if (rule === undefined) return reasonNotAllowed(piece.name)
  const attributeValue = (name: string) =>
    piece.attributes.find((attribute) => attribute.name === name)?.value
  const unmet = unmetRequirement(rule, attributeValue)
  return unmet === undefined ? rule : `<${piece.name}> is allowed only with ${unmet}`
}

/**
 * For each start tag that an end tag of the same name closes, nesting counted, the index of
 * that end tag: `<form><form></form></form>` pairs the outer tags. One pass, so that a
 * thousand unclosed tags cost no more than a thousand closed ones.
 */
function matchEndTags<T>(items: readonly Item<T>[]): Map<number, number> {
  const matches = new Map<number, number>()
  const open = new Map<string, number[]>()
  for (const [index, item] of items.entries()) {
    if (item.kind === 'start' && !VOID_ELEMENTS.has(item.name)) {
      const starts = open.get(item.name)
      if (starts) starts.push(index)
      else open.set(item.name, [index])
    } else if (item.kind === 'end') {
      const start = open.get(item.name)?.pop()
      if (start !== undefined) matches.set(start, index)
    }
  }
  return matches
}

function findOpen(frame: HtmlFrame, name: string): number {
  for (let index = frame.open.length - 1; index >= 0; index--) {
    if ((frame.open[index] as OpenElement).name === name) return index
  }
  return -1
}

function closeImplied<T>(frame: HtmlFrame, name: string, context: SanitizeContext<T>, how: string) {
  const rule = IMPLIED_ENDS[name]
  if (rule === undefined) return
  for (let index = frame.open.length - 1; index >= 0; index--) {
    const open = (frame.open[index] as OpenElement).name
    if (rule.closes.includes(open)) return closeElements(frame, index, context, how, false)
    if (rule.stops.includes(open)) return
  }
}

/**
 * Writes end tags for the open elements from the innermost down to `from`, reporting each
 * that needed one; `properly` says the element at `from` is closed by its own end tag.
 */
function closeElements<T>(
  frame: HtmlFrame,
  from: number,
  context: SanitizeContext<T>,
  how: string,
  properly: boolean,
): void {
  for (let index = frame.open.length - 1; index >= from; index--) {
    const { name, at } = frame.open[index] as OpenElement
    context.output.html(`</${name}>`)
    if ((index > from || !properly) && !OPTIONAL_END.has(name)) {
      context.report({ ...elementUnclosed(name, how), ...at })
    }
  }
  frame.open.length = from
}

function report<T>(context: SanitizeContext<T>, offset: number, change: HtmlChangeText): void {
  context.report({ ...change, ...context.locate(offset) })
}

function restOfLine(source: string, offset: number): string {
  const end = source.indexOf('\n', offset)
  return source.slice(offset, end === -1 ? undefined : end)
}
