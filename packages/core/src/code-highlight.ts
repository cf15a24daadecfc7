import { createJavaScriptRegexEngine } from '@shikijs/engine-javascript'
import { INITIAL, type StateStack } from '@shikijs/vscode-textmate'
import { type CodeLanguage, readTheme } from './code-languages.ts'
import {
  createLanguageTokenizer,
  createThemeColours,
  type LineResult,
  type LineStyles,
  type RegexEngine,
  type ThemeColours,
} from './code-tokenizer.ts'
import { escapeHtml } from './escape.ts'
import { createRegexCompiler, type RegexCompiler } from './grammar-regexes.ts'

/** The two colour themes of highlighted code: one for light pages, one for dark ones. */
export interface CodeThemes {
  /** @default 'github-light' */
  light: string
  /** @default 'github-dark' */
  dark: string
}

/** The default themes: GitHub's. */
export const DEFAULT_CODE_THEMES: CodeThemes = { light: 'github-light', dark: 'github-dark' }

/** One code block, highlighted. */
export interface HighlightedCode {
  /** The content of `<code>`: one `<span class="line">` per line, text escaped. */
  html: string
  /** The `style` of `<pre>`: both themes' text and background colours as CSS variables. */
  preStyle: string
}

/** Highlights code synchronously with Shiki's grammars, for both themes at once. */
export interface CodeHighlighter {
  highlight(code: string, language: CodeLanguage): HighlightedCode
}

// Limits are counts, never times: a time limit (Shiki's default is 500 ms a line) makes the
// output depend on how busy the machine is, and the first lines of a language, which convert
// its grammar's expressions, would come out differently on a loaded machine.
/** Longer lines are left plain: grammars slow down badly on minified code. */
const MAX_LINE_LENGTH = 1_000
/** Lines of one block past this many are left plain. */
const MAX_LINES = 5_000
/** Highlighted blocks kept in memory, by their text (characters). */
const MEMO_CHARACTERS = 4_000_000

// The regular-expression engine is JavaScript's own: no WebAssembly to load asynchronously,
// so highlighting stays synchronous, and the converted expressions are shared by both themes.
// They come converted ahead of time where the package has them (grammar-regexes.ts).
let compiler: RegexCompiler | undefined
const highlighters = new Map<string, CodeHighlighter>()

/** The compiler of this thread's highlighters: the one place grammars' expressions are converted. */
export function regexCompiler(): RegexCompiler {
  compiler ??= createRegexCompiler()
  return compiler
}

/**
 * The highlighter for a pair of themes, made on first use and shared by every renderer in
 * this thread: grammars load once, and a block seen before costs a lookup. Throws a
 * `TypeError` for a theme that does not exist.
 */
export function getCodeHighlighter(themes: CodeThemes): CodeHighlighter {
  const key = `${themes.light}\0${themes.dark}`
  let highlighter = highlighters.get(key)
  if (highlighter === undefined) {
    highlighter = createCodeHighlighter(themes, regexCompiler())
    highlighters.set(key, highlighter)
  }
  return highlighter
}

/**
 * A highlighter of its own, converting expressions with `regexes`: `getCodeHighlighter`
 * shares one a thread; a test makes its own to count what it converts.
 */
export function createCodeHighlighter(themes: CodeThemes, regexes: RegexCompiler): CodeHighlighter {
  const engine: RegexEngine = {
    ...createJavaScriptRegexEngine({
      forgiving: true,
      regexConstructor: (pattern) => regexes.compile(pattern),
    }),
    preload: (grammars) => regexes.preload(grammars),
  }
  const light = createThemeColours(readTheme(themes.light), engine)
  const dark = createThemeColours(readTheme(themes.dark), engine)
  const languages = new Map<string, (line: string, stack: StateStack) => LineResult>()
  const memo = new Map<string, HighlightedCode>()
  let memoCharacters = 0
  const preStyle = [
    `--shiki-light:${color(light.foreground)}`,
    `--shiki-light-bg:${color(light.background)}`,
    `--shiki-dark:${color(dark.foreground)}`,
    `--shiki-dark-bg:${color(dark.background)}`,
  ].join(';')

  return {
    highlight(code, language) {
      const key = `${language.name}\0${code}`
      const known = memo.get(key)
      if (known !== undefined) return known
      const lines = code.endsWith('\n') ? code.slice(0, -1).split('\n') : code.split('\n')
      let tokenize = languages.get(language.name)
      if (tokenize === undefined) {
        tokenize = createLanguageTokenizer(language, light, dark, engine)
        languages.set(language.name, tokenize)
      }
      let stack: StateStack = INITIAL
      const html: string[] = []
      for (const [index, line] of lines.entries()) {
        if (line.length > MAX_LINE_LENGTH || index >= MAX_LINES) {
          html.push(`<span class="line">${escapeHtml(line)}</span>`)
          continue
        }
        const tokenized = tokenize(line, stack)
        stack = tokenized.end
        html.push(renderLine(line, tokenized.light, tokenized.dark, light, dark))
      }
      const result = { html: html.join('\n'), preStyle }
      if (memoCharacters + code.length > MEMO_CHARACTERS) {
        memo.clear()
        memoCharacters = 0
      }
      memo.set(key, result)
      memoCharacters += code.length
      return result
    },
  }
}

/** One line as spans, each with both themes' colours; text in the default colours bare. */
function renderLine(
  line: string,
  lit: LineStyles,
  darkened: LineStyles,
  light: ThemeColours,
  dark: ThemeColours,
): string {
  let html = '<span class="line">'
  let lightIndex = 0
  let darkIndex = 0
  let start = 0
  let pending = ''
  let pendingStyle: string | undefined
  const flush = () => {
    if (pending === '') return
    html +=
      pendingStyle === undefined
        ? escapeHtml(pending)
        : `<span style="${pendingStyle}">${escapeHtml(pending)}</span>`
    pending = ''
  }
  while (start < line.length) {
    // The next boundary of either theme's tokens ends this piece.
    while (lightIndex + 3 < lit.length && (lit[lightIndex + 3] as number) <= start) lightIndex += 3
    while (darkIndex + 3 < darkened.length && (darkened[darkIndex + 3] as number) <= start)
      darkIndex += 3
    const lightEnd = (lit[lightIndex + 3] as number | undefined) ?? line.length
    const darkEnd = (darkened[darkIndex + 3] as number | undefined) ?? line.length
    const end = Math.min(lightEnd, darkEnd, line.length)
    const style = tokenStyle(
      lit[lightIndex + 1] as string,
      lit[lightIndex + 2] as number,
      darkened[darkIndex + 1] as string,
      darkened[darkIndex + 2] as number,
      light,
      dark,
    )
    if (style !== pendingStyle) {
      flush()
      pendingStyle = style
    }
    pending += line.slice(start, end)
    start = end
  }
  flush()
  return `${html}</span>`
}

/** The `style` of one piece, or undefined when both themes show it in their default style. */
function tokenStyle(
  lightColor: string,
  lightFont: number,
  darkColor: string,
  darkFont: number,
  light: ThemeColours,
  dark: ThemeColours,
): string | undefined {
  const plainFonts = lightFont <= 0 && darkFont <= 0
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
  if (plainFonts && same(lightColor, light.foreground) && same(darkColor, dark.foreground)) {
    return undefined
  }
  return [
    `--shiki-light:${color(lightColor)}`,
    `--shiki-dark:${color(darkColor)}`,
    ...fontDeclarations('light', lightFont),
    ...fontDeclarations('dark', darkFont),
  ].join(';')
}

/** Shiki's font variables for one theme: italic, bold, underline and line-through. */
function fontDeclarations(theme: 'light' | 'dark', fontStyle: number): string[] {
  if (fontStyle <= 0) return []
  const declarations: string[] = []
  if (fontStyle & 1) declarations.push(`--shiki-${theme}-font-style:italic`)
  if (fontStyle & 2) declarations.push(`--shiki-${theme}-font-weight:bold`)
  const lines = [fontStyle & 4 ? 'underline' : '', fontStyle & 8 ? 'line-through' : '']
  const decoration = lines.filter(Boolean).join(' ')
  if (decoration) declarations.push(`--shiki-${theme}-text-decoration:${decoration}`)
  return declarations
}

/** A theme's colour as written into a style: only `#rgb`-style hex, else `inherit`. */
function color(value: string): string {
  return /^#[0-9a-fA-F]{3,8}$/.test(value) ? value.toLowerCase() : 'inherit'
}
