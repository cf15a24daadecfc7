import type MarkdownIt from 'markdown-it'
import type { StateCore, StateInline, Token } from 'markdown-it'
import { escapeHtml } from './escape.ts'
import { type HtmlPiece, lexHtml } from './html-lexer.ts'
import type { HtmlPolicy } from './html-policy.ts'
import {
  closeFrame,
  closeParagraph,
  fateOf,
  type HtmlFrame,
  type MarkdownItem,
  type SanitizeContext,
  type SourcePoint,
  sanitizePieces,
} from './raw-html.ts'
import type { RenderNote } from './render-notes.ts'

/** What the raw-HTML rules read from and leave in markdown-it's `env`. */
export interface RawHtmlEnv {
  /** Leave raw HTML as it is (for the spec tests' raw renderer). */
  keepRawHtml?: boolean
  /** Every change made to raw HTML, and the renderer's other notes, in the order made. */
  htmlChanges?: RenderNote[]
}

/** Containers in words, for messages about what was closed where. */
const CONTAINERS: Record<string, string> = {
  blockquote_open: 'quote',
  bullet_list_open: 'list',
  ordered_list_open: 'list',
  list_item_open: 'list item',
  footnote_reference_open: 'footnote',
  heading_open: 'heading',
  paragraph_open: 'paragraph',
  alert_open: 'alert',
  table_open: 'table',
  th_open: 'table cell',
  td_open: 'table cell',
}

/**
 * Sanitises raw HTML at the token level, before anything is rendered: HTML blocks right after
 * block parsing (an HTML block whose first tag is shown as text is parsed as Markdown again),
 * inline HTML after every other rule (footnotes and task lists included). Articles without
 * raw HTML pay for one pass over the block tokens and a `<` search per inline.
 */
export function rawHtmlPlugin(md: MarkdownIt, policy: HtmlPolicy): void {
  recordInlineOffsets(md)
  md.core.ruler.after('block', 'dawnpress_html_block', (state) => {
    if (!(state.env as RawHtmlEnv).keepRawHtml) sanitizeBlocks(state, policy)
  })
  md.core.ruler.push('dawnpress_html_inline', (state) => {
    if (!(state.env as RawHtmlEnv).keepRawHtml) sanitizeInlines(state, policy)
  })
}

/**
 * Marks every `html_inline` token that markdown-it's own rule makes with its offset in the
 * inline's source, for positions. markdown-it offers no getter for one rule's function, so
 * the rule is read from `__rules__`; without it, positions are found by searching.
 */
function recordInlineOffsets(md: MarkdownIt): void {
  type Rule = (state: StateInline, silent: boolean) => boolean
  const rules = (md.inline.ruler as unknown as { __rules__?: { name: string; fn: Rule }[] })
    .__rules__
  const original = rules?.find((rule) => rule.name === 'html_inline')?.fn
  if (original === undefined) return
  md.inline.ruler.at('html_inline', (state, silent) => {
    const start = state.pos
    if (!original(state, silent)) return false
    const token = state.tokens[state.tokens.length - 1]
    if (!silent && token?.type === 'html_inline') token.meta = { rawHtmlOffset: start }
    return true
  })
}

function sanitizeBlocks(state: StateCore, policy: HtmlPolicy): void {
  const { tokens } = state
  if (!tokens.some((token) => token.type === 'html_block')) return
  const changes = changesOf(state)
  const frames: HtmlFrame[] = [{ open: [], within: 'article' }]
  const lines = sourceLines(state)
  // Markup the frames need written between tokens (end tags), as an HTML block at `index`.
  const insertBefore = (index: number, write: (context: SanitizeContext<Token>) => void) => {
    let html = ''
    write(
      blockContext(
        policy,
        '',
        () => ({ line: 1, column: 1 }),
        changes,
        (text) => (html += text),
      ),
    )
    if (html === '') return 0
    const token = new state.Token('html_block', '', 0)
    token.content = `${html}\n`
    token.level = (tokens[index - 1] ?? tokens[index])?.level ?? 0
    tokens.splice(index, 0, token)
    return 1
  }

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token
    const frame = frames[frames.length - 1] as HtmlFrame
    if (token.type === 'html_block') {
      const pieces = lexHtml(token.content)
      const locate = locator(token.content, lines, token.map)
      const first = pieces.findIndex((piece) => !isBlank(token.content, piece))
      if (first !== -1 && fateOf(pieces, first, frame, policy) === 'escape') {
        // Not an HTML block after all: report the tag, then read the block as Markdown with
        // the tag written as text.
        const ignored = blockContext(policy, token.content, locate, changes, () => {})
        sanitizePieces([pieces[first] as HtmlPiece], { open: [], within: frame.within }, ignored)
        const parsed = reparseAsMarkdown(state, token, pieces[first] as HtmlPiece)
        tokens.splice(index, 1, ...parsed)
        index--
        continue
      }
      let html = ''
      sanitizePieces(
        pieces,
        frame,
        blockContext(policy, token.content, locate, changes, (text) => (html += text)),
      )
      token.content = html
    } else if (token.nesting === 1) {
      // Every token here is a block (inlines are not parsed yet); the footnote plugin's do
      // not say so.
      if (frame.open.length > 0)
        index += insertBefore(index, (context) => closeParagraph(frame, context))
      frames.push({ open: [], within: CONTAINERS[token.type] ?? 'block', endTagContains: true })
    } else if (token.nesting === -1) {
      const closing = frames.pop() as HtmlFrame
      if (closing.open.length > 0)
        index += insertBefore(index, (context) => closeFrame(closing, context))
    } else if (frame.open.length > 0) {
      index += insertBefore(index, (context) => closeParagraph(frame, context))
    }
  }
  const root = frames[0] as HtmlFrame
  if (root.open.length > 0) insertBefore(tokens.length, (context) => closeFrame(root, context))
}

function blockContext(
  policy: HtmlPolicy,
  source: string,
  locate: (offset: number) => SourcePoint,
  changes: RenderNote[],
  write: (html: string) => void,
): SanitizeContext<Token> {
  return {
    policy,
    source,
    locate,
    report: (change) => changes.push(change),
    output: { html: write, text: (text) => write(escapeHtml(text)), markdown: () => {} },
  }
}

/**
 * The tokens of an HTML block read as Markdown, with `piece` (its first tag) escaped so that
 * it shows as the text it is.
 */
function reparseAsMarkdown(state: StateCore, block: Token, piece: HtmlPiece): Token[] {
  const { content } = block
  const tag = content.slice(piece.start, piece.end).replace(/[!-/:-@[-`{-~]/g, '\\$&')
  const markdown = content.slice(0, piece.start) + tag + content.slice(piece.end)
  const parsed: Token[] = []
  state.md.block.parse(markdown, state.md, state.env, parsed)
  const [firstLine = 0] = block.map ?? []
  for (const token of parsed) {
    token.level += block.level
    if (token.map) token.map = [token.map[0] + firstLine, token.map[1] + firstLine]
  }
  return parsed
}

function sanitizeInlines(state: StateCore, policy: HtmlPolicy): void {
  let lines: string[] | undefined
  let rowMap: [number, number] | null = null
  const { tokens } = state
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token
    if (token.type === 'tr_open') rowMap = token.map
    if (token.type !== 'inline' || !token.content.includes('<')) continue
    const children = token.children ?? []
    if (!children.some(isAuthoredHtml)) continue
    lines ??= sourceLines(state)
    const opening = tokens[index - 1]?.type ?? ''
    const map = token.map ?? (opening === 'th_open' || opening === 'td_open' ? rowMap : null)
    token.children = sanitizeInline(state, token, children, {
      policy,
      lines,
      map,
      within: CONTAINERS[opening] ?? 'paragraph',
    })
  }
}

function sanitizeInline(
  state: StateCore,
  inline: Token,
  children: Token[],
  where: { policy: HtmlPolicy; lines: string[]; map: [number, number] | null; within: string },
): Token[] {
  // Pieces point into the inline's source; HTML found nowhere in it is appended after it
  // (positions there fall back to a search of the whole article).
  let source = inline.content
  const known = source.length
  const items: (HtmlPiece | MarkdownItem<Token>)[] = []
  let searchFrom = 0
  for (const child of children) {
    if (!isAuthoredHtml(child)) {
      items.push({ kind: 'markdown', token: child, nesting: child.nesting })
      continue
    }
    const recorded = (child.meta as { rawHtmlOffset?: number } | null)?.rawHtmlOffset
    let offset =
      recorded !== undefined && source.startsWith(child.content, recorded)
        ? recorded
        : source.indexOf(child.content, searchFrom)
    if (offset === -1 || offset >= known) {
      offset = source.length + 1
      source += `\n${child.content}`
    }
    searchFrom = offset + child.content.length
    items.push(...lexHtml(child.content, offset))
  }

  const output: Token[] = []
  const append = (type: 'html_inline' | 'text', content: string) => {
    const last = output[output.length - 1]
    if (last?.type === type && (last.meta as { sanitized?: boolean } | null)?.sanitized) {
      last.content += content
      return
    }
    const token = new state.Token(type, '', 0)
    token.content = content
    token.meta = { sanitized: true }
    output.push(token)
  }
  const changes = changesOf(state)
  const fallback = (offset: number) => search(state.src, source.slice(offset, offset + 40))
  const inSource = locator(inline.content, where.lines, where.map)
  const context: SanitizeContext<Token> = {
    policy: where.policy,
    source,
    locate: (offset) => (offset < known && where.map ? inSource(offset) : fallback(offset)),
    report: (change) => changes.push(change),
    output: {
      html: (html) => append('html_inline', html),
      text: (text) => append('text', text),
      markdown: (token) => output.push(token),
    },
  }
  const frame: HtmlFrame = { open: [], within: where.within }
  sanitizePieces(items, frame, context)
  closeFrame(frame, context)
  return output
}

function isAuthoredHtml(token: Token): boolean {
  if (token.type !== 'html_inline') return false
  return !(token.meta as { sanitized?: boolean } | null)?.sanitized
}

function isBlank(source: string, piece: HtmlPiece): boolean {
  return piece.kind === 'text' && source.slice(piece.start, piece.end).trim() === ''
}

function changesOf(state: StateCore): RenderNote[] {
  const env = state.env as RawHtmlEnv
  env.htmlChanges ??= []
  return env.htmlChanges
}

function sourceLines(state: StateCore): string[] {
  return state.src.split('\n')
}

/**
 * Positions for offsets of `content`, a block's or inline's text whose first line is
 * `map[0]` of the source. markdown-it strips indentation and container markers (`> `, list
 * indents) from the start of lines, never from the end, so a line of `content` is found at
 * the end of its source line.
 */
function locator(content: string, lines: string[], map: [number, number] | null) {
  let starts: number[] | undefined
  return (offset: number): SourcePoint => {
    if (starts === undefined) {
      starts = [0]
      for (let at = content.indexOf('\n'); at !== -1; at = content.indexOf('\n', at + 1)) {
        starts.push(at + 1)
      }
    }
    let lineIndex = 0
    for (let low = 0, high = starts.length - 1; low <= high; ) {
      const middle = (low + high) >> 1
      if ((starts[middle] as number) <= offset) {
        lineIndex = middle
        low = middle + 1
      } else high = middle - 1
    }
    const lineStart = starts[lineIndex] as number
    const line = (map?.[0] ?? 0) + lineIndex
    const source = lines[line] ?? ''
    const lineEnd = content.indexOf('\n', offset)
    const tail = content.slice(offset, lineEnd === -1 ? undefined : lineEnd).trimEnd()
    const found = tail === '' ? -1 : source.lastIndexOf(tail)
    return { line: line + 1, column: (found === -1 ? offset - lineStart : found) + 1 }
  }
}

/** The position of the first occurrence of `needle` in `source`, else the first character. */
function search(source: string, needle: string): SourcePoint {
  const offset = needle === '' ? -1 : source.indexOf(needle)
  if (offset === -1) return { line: 1, column: 1 }
  const before = source.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}
