import { createRequire } from 'node:module'
import { slug as slugText } from 'github-slugger'
import type MarkdownIt from 'markdown-it'
import cjkFriendlyPlugin from 'markdown-it-cjk-friendly'
import { alertsPlugin } from './alerts.ts'
import { autolinkPlugin } from './autolink.ts'
import { codeBlocksPlugin } from './code-blocks.ts'
import { type CodeThemes, DEFAULT_CODE_THEMES } from './code-highlight.ts'
import { type FootnoteEnv, footnoteIds, footnotesPlugin } from './footnotes.ts'
import { createHtmlPolicy, DEFAULT_HTML_POLICY, type HtmlElementRule } from './html-policy.ts'
import { imageAltPlugin } from './image-alt.ts'
import { type RawHtmlEnv, rawHtmlPlugin } from './markdown-raw-html.ts'
import { createProseCounter, type ProseCounter } from './reading-time.ts'
import { type ArticleReference, collectReferences } from './references.ts'
import type { RenderNote } from './render-notes.ts'
import { asSanitizedHtml, type SanitizedHtml } from './sanitize.ts'
import { strikethroughPlugin } from './strikethrough.ts'
import { tableAlignPlugin } from './table-align.ts'
import { taskListsPlugin } from './task-lists.ts'

type Token = ReturnType<MarkdownIt['parse']>[number]

// Required on first use, through its CommonJS build so that making a renderer stays
// synchronous: a build with nothing to parse never loads markdown-it (60-90 ms). The CJK
// plugin stays imported: it is an ES module only, which `require` cannot load on Node 20.13.
let markdownIt: typeof MarkdownIt | undefined
function loadMarkdownIt(): typeof MarkdownIt {
  markdownIt ??= createRequire(import.meta.url)('markdown-it') as typeof MarkdownIt
  return markdownIt
}

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
  /** The line of each of `headings` in the Markdown, from 1, in the same order. */
  headingLines: number[]
  /** Words of prose, code blocks excluded; runs of CJK text are counted in `cjkCharacters`. */
  words: number
  /** Chinese, Japanese and Korean characters of prose, code blocks excluded. */
  cjkCharacters: number
  /** Plain text of the opening paragraphs, cut at a word boundary. */
  excerpt: string
  /**
   * Everything the sanitiser removed from or changed in the raw HTML, and every code block in
   * a language that could not be highlighted, with its position in the Markdown, in source
   * order; empty for most articles. `parseArticle` reports each as a warning.
   */
  changes: RenderNote[]
  /**
   * Every relative URL of the body's images and links (files beside the article), with its
   * line in the body (1-based) and column, in source order; the build resolves them.
   */
  references: ArticleReference[]
}

/**
 * A markdown-it plugin: a function that takes the markdown-it instance (and any options).
 * Typed loosely, since plugins type markdown-it against their own copy of its typings.
 */
export type MarkdownItPlugin = (md: never, ...options: never[]) => unknown

/** A plugin, or a plugin with the options it is given: `[plugin, options]`. */
export type MarkdownPluginEntry = MarkdownItPlugin | readonly [MarkdownItPlugin, ...unknown[]]

/** How code blocks are highlighted. */
export interface HighlightOptions {
  /**
   * Shiki themes by name, one for light pages and one for dark ones.
   * @default { light: 'github-light', dark: 'github-dark' }
   */
  themes?: Partial<CodeThemes>
}

/** What raw HTML in an article may contain, beyond the default allow-list. */
export interface HtmlOptions {
  /**
   * More elements, each with its allowed attributes and required attribute patterns.
   * `<script>`, `<style>`, forms and other elements that cannot be made safe are refused
   * (a `TypeError`); an `<iframe>` needs a required `src` pattern.
   *
   * @example
   * { iframe: {
   *     attributes: ['src', 'title', 'width', 'height', 'allowfullscreen'],
   *     require: { src: { pattern: /^https:\/\/www\.youtube-nocookie\.com\/embed\//, description: 'a YouTube embed URL' } },
   * } }
   */
  allow?: Readonly<Record<string, HtmlElementRule>>
}

/** Options of `createMarkdownRenderer`. */
export interface MarkdownRendererOptions {
  /** Give every heading a unique `id` (GitHub's algorithm). @default true */
  headingIds?: boolean
  /** Longest excerpt in characters, ellipsis included. @default 200 */
  excerptLength?: number
  /**
   * Highlight fenced code blocks with Shiki at render time (GitHub's light and dark themes by
   * default); `false` renders them as plain `<pre><code class="language-x">`.
   * @default true
   */
  highlight?: boolean | HighlightOptions
  /**
   * markdown-it plugins, applied in order after dawnpress's own rules and before the raw-HTML
   * sanitiser, which checks any raw HTML tokens they make. What a plugin renders itself is
   * trusted as it is: a plugin that writes the article's text into HTML must escape it.
   *
   * @example
   * [markdownItContainer, [markdownItKatex, { throwOnError: false }]]
   */
  plugins?: readonly MarkdownPluginEntry[]
  /** What raw HTML may contain beyond the default allow-list (an embedded video, say). */
  html?: HtmlOptions
}

/**
 * The options of a collection's renderer that a project sets (headings and excerpts are the
 * collection's own): highlighting, plugins and the raw-HTML allow-list.
 */
export type MarkdownOptions = Pick<MarkdownRendererOptions, 'highlight' | 'plugins' | 'html'>

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
 * A CommonMark renderer with GitHub's extensions as GitHub renders them: tables with
 * `align`, single- and double-tilde strikethrough, autolinks (`www.`, `http(s)://` and
 * e-mail addresses only), task lists, footnotes and alerts (`> [!NOTE]`), and code
 * highlighted by Shiki. Built on markdown-it, which passes the CommonMark spec and renders a
 * typical article in a fraction of a millisecond. Throws a `TypeError` for options that
 * cannot work (a theme that does not exist, a plugin that is not a function, an allow-list
 * that would let unsafe HTML through).
 */
export function createMarkdownRenderer(options: MarkdownRendererOptions = {}): MarkdownRenderer {
  return makeRenderer(options, { highlight: true, openingOnly: false })
}

/**
 * `createMarkdownRenderer` that leaves code blocks plain while still looking up their
 * languages: the notes, headings, words, excerpt and references are the same, only the HTML
 * of highlighted blocks differs. For a check, which needs everything but the HTML, and skips
 * Shiki's grammars, the slowest part of rendering.
 */
export function createPlainCodeRenderer(options: MarkdownRendererOptions = {}): MarkdownRenderer {
  return makeRenderer(options, { highlight: false, openingOnly: false })
}

/**
 * `createPlainCodeRenderer` whose `html` is only the opening of the body, as much as shows
 * which element it starts with (all a parse reads of it, to tell a body that repeats its
 * title): for a parse for problems only. With plugins, which may render in their own way,
 * the whole body is rendered.
 */
export function createProblemsRenderer(options: MarkdownRendererOptions = {}): MarkdownRenderer {
  const openingOnly = (options.plugins?.length ?? 0) === 0
  return makeRenderer(options, { highlight: false, openingOnly })
}

/** Characters past the leading white space that tell an element such as `<h1 ` apart. */
const OPENING_LENGTH = 4

/**
 * The start of what `md.renderer.render` makes of `tokens`, token by token exactly as it
 * does, stopped once `OPENING_LENGTH` characters other than leading white space are out.
 */
function renderOpening(md: MarkdownIt, tokens: Token[], env: object): string {
  const { rules } = md.renderer
  let html = ''
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token
    const rule = rules[token.type]
    if (token.type === 'inline')
      html += md.renderer.renderInline(token.children ?? [], md.options, env)
    else if (rule !== undefined) html += rule(tokens, index, md.options, env, md.renderer)
    else html += md.renderer.renderToken(tokens, index, md.options)
    if (html.trimStart().length >= OPENING_LENGTH) break
  }
  return html
}

function makeRenderer(
  options: MarkdownRendererOptions,
  mode: { highlight: boolean; openingOnly: boolean },
): MarkdownRenderer {
  const { highlight } = mode
  const headingIds = options.headingIds ?? true
  const excerptLength = options.excerptLength ?? 200
  const MarkdownIt = loadMarkdownIt()
  const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false })
    // `**「注意」**です` is bold, as CJK writers mean it, where CommonMark leaves the asterisks.
    .use(cjkFriendlyPlugin)
    .use(footnotesPlugin)
    .use(strikethroughPlugin)
    .use(autolinkPlugin)
    .use(taskListsPlugin)
    .use(alertsPlugin)
    .use(tableAlignPlugin)
  if (options.highlight !== false) {
    const themes = typeof options.highlight === 'object' ? options.highlight.themes : undefined
    codeBlocksPlugin(md, { ...DEFAULT_CODE_THEMES, ...themes }, highlight)
  }
  for (const entry of options.plugins ?? []) usePlugin(md, entry)
  // After every plugin, so that they see the raw HTML tokens plugins make too.
  imageAltPlugin(md)
  rawHtmlPlugin(md, htmlPolicyOf(options.html))

  return {
    render(markdown) {
      const env: RawHtmlEnv = {}
      const tokens = md.parse(markdown, env)
      const summary = summarise(tokens, headingIds, excerptLength, footnoteIds(env as FootnoteEnv))
      // Raw HTML was sanitised token by token during parsing; Markdown's own output is safe.
      const html = asSanitizedHtml(
        mode.openingOnly
          ? renderOpening(md, tokens, env)
          : md.renderer.render(tokens, md.options, env),
      )
      const changes = (env.htmlChanges ?? []).sort((a, b) => a.line - b.line || a.column - b.column)
      return { html, ...summary, changes, references: collectReferences(tokens, markdown) }
    },
    renderRaw(markdown) {
      const env: RawHtmlEnv = { keepRawHtml: true }
      const tokens = md.parse(markdown, env)
      if (headingIds) summarise(tokens, true, excerptLength, footnoteIds(env as FootnoteEnv))
      return md.renderer.render(tokens, md.options, env)
    },
  }
}

function usePlugin(md: MarkdownIt, entry: MarkdownPluginEntry): void {
  const [plugin, ...params] = Array.isArray(entry) ? entry : [entry]
  if (typeof plugin !== 'function') {
    throw new TypeError(
      `A Markdown plugin must be a markdown-it plugin function (or [plugin, options]), not ${plugin === null ? 'null' : typeof plugin}. Check the plugin's import: some packages export it as "default".`,
    )
  }
  md.use(plugin as unknown as (md: MarkdownIt, ...rest: unknown[]) => void, ...params)
}

function htmlPolicyOf(html: HtmlOptions | undefined) {
  if (html?.allow === undefined) return DEFAULT_HTML_POLICY
  try {
    return createHtmlPolicy({ elements: html.allow })
  } catch (cause) {
    throw new TypeError((cause as Error).message, { cause })
  }
}

/** Collects the opening paragraphs' text until there is enough for an excerpt. */
function createExcerptCollector(max: number) {
  const parts: string[] = []
  let size = 0
  return {
    /** True once there is enough text: more is not added, so need not be made. */
    get full() {
      return size >= max
    },
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

/**
 * Unique heading ids as `GithubSlugger` gives them: a slug seen before gets `-1`, `-2`, ...
 * Takes slugs already made (`slug` of a slug is the same slug), so each heading's text is
 * slugged once rather than twice.
 */
function createIdCounter() {
  const occurrences = new Map<string, number>()
  return (slug: string): string => {
    let result = slug
    while (occurrences.has(result)) {
      const count = (occurrences.get(slug) as number) + 1
      occurrences.set(slug, count)
      result = `${slug}-${count}`
    }
    occurrences.set(result, 0)
    return result
  }
}

/** One pass over the tokens: heading ids, word count and excerpt. */
function summarise(
  tokens: Token[],
  headingIds: boolean,
  excerptLength: number,
  reservedIds: readonly string[],
) {
  const uniqueId = createIdCounter()
  // Ids the footnotes use: a heading that would get one gets the next free one instead.
  for (const id of reservedIds) uniqueId(slugText(id))
  const headings: Heading[] = []
  const headingLines: number[] = []
  // Top-level paragraphs make the excerpt; text in lists or quotes only when there are none.
  const topLevel = createExcerptCollector(excerptLength)
  const nested = createExcerptCollector(excerptLength)
  // Counted piece by piece: the text of every inline token is never joined just to count it.
  const counter = createProseCounter()
  let inFootnotes = false

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token
    if (token.type === 'footnote_block_open') inFootnotes = true
    if (token.type !== 'inline') continue
    countPlainText(token, counter)

    const opening = tokens[index - 1]
    if (opening?.type === 'heading_open') {
      const text = plainText(token).trim()
      // An id must never repeat, even for headings without letters: let the counter count.
      const id = uniqueId(slugText(text) || 'section')
      if (headingIds) opening.attrSet('id', id)
      headings.push({ depth: Number(opening.tag.slice(1)) as Heading['depth'], text, id })
      headingLines.push((opening.map?.[0] ?? 0) + 1)
    } else if (opening?.type === 'paragraph_open' && !inFootnotes) {
      const collector = opening.level === 0 ? topLevel : nested
      if (!collector.full) collector.add(plainText(token))
    }
  }
  return {
    headings,
    headingLines,
    words: counter.words,
    cjkCharacters: counter.cjkCharacters,
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

/** Counts what `plainText` gives, as one text, without making it. */
function countPlainText(token: Token, counter: ProseCounter): void {
  if (!token.children) counter.add(token.content)
  else {
    for (const child of token.children) {
      if (child.type === 'text' || child.type === 'code_inline') counter.add(child.content)
      else if (child.type === 'softbreak' || child.type === 'hardbreak') counter.end()
    }
  }
  counter.end()
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
