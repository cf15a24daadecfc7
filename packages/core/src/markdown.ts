import GithubSlugger, { slug as slugText } from 'github-slugger'
import MarkdownIt, { type PluginSimple, type PluginWithOptions } from 'markdown-it'
import footnotePlugin from 'markdown-it-footnote'
import taskListsPlugin from 'markdown-it-task-lists'
import { appendFootnotesInPlace } from './footnote-tail.ts'
import type { HtmlChange } from './html-changes.ts'
import { DEFAULT_HTML_POLICY } from './html-policy.ts'
import { type RawHtmlEnv, rawHtmlPlugin } from './markdown-raw-html.ts'
import { countCjk } from './reading-time.ts'
import { asSanitizedHtml, type SanitizedHtml } from './sanitize.ts'

type Token = ReturnType<MarkdownIt['parse']>[number]

// Both plugins type their argument against another copy of markdown-it's typings.
const footnote = footnotePlugin as unknown as PluginSimple
const taskLists = taskListsPlugin as unknown as PluginWithOptions<{
  enabled: boolean
  label: boolean
}>

/** A heading of an article, in document order. */
export interface Heading {
  /** 1 for `#`, up to 6 for `######`. */
  depth: 1 | 2 | 3 | 4 | 5 | 6
  /** The heading as plain text. */
  text: string
  /** The `id` the heading carries in `html`, unique within the article. */
  id: string
}

/** What one Markdown body renders to. */
export interface RenderedMarkdown {
  /**
   * Sanitised HTML: no scripts, event handlers or dangerous URLs survive, and raw HTML can
   * neither hide the text after it nor reach outside the article.
   */
  html: SanitizedHtml
  headings: Heading[]
  /** Words of prose, code blocks excluded; runs of CJK text are counted in `cjkCharacters`. */
  words: number
  /** Chinese, Japanese and Korean characters of prose, code blocks excluded. */
  cjkCharacters: number
  /** Plain text of the opening paragraphs, cut at a word boundary. */
  excerpt: string
  /**
   * Everything the sanitiser removed from or changed in the raw HTML, with its position in
   * the Markdown, in source order; empty for most articles. `parseArticle` reports each as a
   * warning.
   */
  changes: HtmlChange[]
}

/** Options of `createMarkdownRenderer`. */
export interface MarkdownRendererOptions {
  /** Give every heading a unique `id` (GitHub's algorithm). @default true */
  headingIds?: boolean
  /** Longest excerpt in characters, ellipsis included. @default 200 */
  excerptLength?: number
}

/** Renders Markdown bodies. Create one and reuse it: setting up the parser is the slow part. */
export interface MarkdownRenderer {
  /**
   * Renders a body to sanitised HTML with its headings, word count, excerpt and the changes
   * the sanitiser made to its raw HTML.
   */
  render(markdown: string): RenderedMarkdown
  /** Renders to HTML exactly as the parser produces it, before sanitising (for spec tests). */
  renderRaw(markdown: string): string
}

/**
 * A CommonMark renderer with the GitHub extensions: tables, strikethrough, autolinks, task
 * lists and footnotes. Built on markdown-it, which passes the CommonMark spec and renders a
 * typical article in a fraction of a millisecond.
 */
export function createMarkdownRenderer(options: MarkdownRendererOptions = {}): MarkdownRenderer {
  const headingIds = options.headingIds ?? true
  const excerptLength = options.excerptLength ?? 200
  const md = new MarkdownIt('default', { html: true, linkify: true, typographer: false })
    .use(footnote)
    .use(appendFootnotesInPlace)
    .use(taskLists, { enabled: false, label: true })
  // After the plugins, so that it sees the footnotes' and task lists' tokens too.
  rawHtmlPlugin(md, DEFAULT_HTML_POLICY)
  // GitHub marks strikethrough with <del>, as the GFM spec does; markdown-it uses <s>.
  md.renderer.rules.s_open = () => '<del>'
  md.renderer.rules.s_close = () => '</del>'

  return {
    render(markdown) {
      const env: RawHtmlEnv = {}
      const tokens = md.parse(markdown, env)
      const summary = summarise(tokens, headingIds, excerptLength)
      // Raw HTML was sanitised token by token during parsing; Markdown's own output is safe.
      const html = asSanitizedHtml(md.renderer.render(tokens, md.options, env))
      const changes = (env.htmlChanges ?? []).sort((a, b) => a.line - b.line || a.column - b.column)
      return { html, ...summary, changes }
    },
    renderRaw(markdown) {
      const env: RawHtmlEnv = { keepRawHtml: true }
      const tokens = md.parse(markdown, env)
      if (headingIds) summarise(tokens, true, excerptLength)
      return md.renderer.render(tokens, md.options, env)
    },
  }
}

/**
 * Counts runs of non-space characters, like `text.match(/\S+/g).length` without building
 * the array (10,000 articles make a lot of garbage otherwise).
 */
function countWords(text: string): number {
  let words = 0
  let inWord = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    const space =
      code === 32 ||
      (code >= 9 && code <= 13) ||
      code === 0xa0 ||
      (code >= 0x2000 && code <= 0x200a) ||
      code === 0x1680 ||
      code === 0x2028 ||
      code === 0x2029 ||
      code === 0x202f ||
      code === 0x205f ||
      code === 0x3000 ||
      code === 0xfeff
    if (!space && !inWord) words++
    inWord = !space
  }
  return words
}

/** Collects the opening paragraphs' text until there is enough for an excerpt. */
function createExcerptCollector(max: number) {
  const parts: string[] = []
  let size = 0
  return {
    add(text: string) {
      if (size >= max) return
      const trimmed = text.replace(/\s+/g, ' ').trim()
      if (!trimmed) return
      parts.push(trimmed)
      size += trimmed.length + 1
    },
    get empty() {
      return parts.length === 0
    },
    text: () => truncateAtWord(parts.join(' '), max),
  }
}

/** One pass over the tokens: heading ids, word count and excerpt. */
function summarise(tokens: Token[], headingIds: boolean, excerptLength: number) {
  const slugger = new GithubSlugger()
  const headings: Heading[] = []
  // Top-level paragraphs make the excerpt; text in lists or quotes only when there are none.
  const topLevel = createExcerptCollector(excerptLength)
  const nested = createExcerptCollector(excerptLength)
  let inFootnotes = false
  let words = 0
  let cjkCharacters = 0

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token
    if (token.type === 'footnote_block_open') inFootnotes = true
    if (token.type !== 'inline') continue
    const text = plainText(token)
    const cjk = countCjk(text)
    words += countWords(text) - cjk.runs
    cjkCharacters += cjk.characters

    const opening = tokens[index - 1]
    if (opening?.type === 'heading_open') {
      // An id must never repeat, even for headings without letters: let the slugger count.
      const id = slugger.slug(slugText(text.trim()) || 'section')
      if (headingIds) opening.attrSet('id', id)
      headings.push({
        depth: Number(opening.tag.slice(1)) as Heading['depth'],
        text: text.trim(),
        id,
      })
    } else if (opening?.type === 'paragraph_open' && !inFootnotes) {
      ;(opening.level === 0 ? topLevel : nested).add(text)
    }
  }
  return {
    headings,
    words,
    cjkCharacters,
    excerpt: topLevel.empty ? nested.text() : topLevel.text(),
  }
}

/** The text a reader sees in an inline token: markup, URLs and raw HTML left out. */
function plainText(token: Token): string {
  if (!token.children) return token.content
  let text = ''
  for (const child of token.children) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' '
  }
  return text
}

/**
 * Cuts `text` to at most `max` characters at a word boundary, ending with an ellipsis.
 * A single word longer than half of `max` is cut inside the word rather than dropped.
 *
 * @example
 * truncateAtWord('The quick brown fox', 12) // 'The quick…'
 */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = text.slice(0, max - 1)
  if (!/\s/.test(text.charAt(max - 1))) {
    const boundary = cut.search(/\s+\S*$/)
    if (boundary > max / 2) cut = cut.slice(0, boundary)
  }
  // Never leave half of a surrogate pair (an emoji, say) at the end.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1)
  return `${cut.replace(/[\s,;:.–—-]+$/u, '')}…`
}
