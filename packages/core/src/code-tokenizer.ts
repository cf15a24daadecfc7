import type { createJavaScriptRegexEngine } from '@shikijs/engine-javascript'
import { createShikiPrimitive } from '@shikijs/primitive'
import { type StateStack, Theme } from '@shikijs/vscode-textmate'
import { type CodeLanguage, type GrammarJson, readGrammars } from './code-languages.ts'

/** Token colours of one theme, for one line: `[start, colour, fontStyle, ...]`. */
export type LineStyles = (string | number)[]

/** Shiki's engine, and the step that makes a language's precompiled expressions known to it. */
export type RegexEngine = ReturnType<typeof createJavaScriptRegexEngine> & {
  preload(grammars: readonly GrammarJson[]): void
}

/** A line tokenized once, coloured in both themes, and the grammar's state after it. */
export interface LineResult {
  light: LineStyles
  dark: LineStyles
  end: StateStack
}

/** One theme's colours: its defaults, and the style of a token by its scopes. */
export interface ThemeColours {
  foreground: string
  background: string
  /** The colour and font style a token with these scopes (outermost first) has. */
  style(scopes: readonly string[]): readonly [colour: string, fontStyle: number]
}

/** Tokens memoised per language, in lines (see `createLanguageTokenizer`). */
const LINE_MEMO_SIZE = 50_000

/**
 * A theme's colours as vscode-textmate resolves them when it tokenizes for one theme: the
 * theme's defaults, then for each scope from the outermost in, the theme's rule for the
 * scopes so far, a set font style or colour replacing the one before. Memoised by scopes.
 */
export function createThemeColours(
  theme: Record<string, unknown>,
  regexEngine: RegexEngine,
): ThemeColours {
  const resolved = createShikiPrimitive({
    themes: [theme as never],
    langs: [],
    engine: regexEngine,
    warnings: false,
  }).getTheme(String(theme.name))
  const textmate = Theme.createFromRawTheme(resolved as never)
  const colorMap = textmate.getColorMap()
  const defaults = textmate.getDefaults()
  const styles = new Map<string, readonly [string, number]>()
  return {
    foreground: resolved.fg,
    background: resolved.bg,
    style(scopes) {
      const key = scopes.join(' ')
      const known = styles.get(key)
      if (known !== undefined) return known
      let fontStyle = defaults.fontStyle
      let foreground = defaults.foregroundId
      let path: { parent: unknown; scopeName: string } | null = null
      for (const scopeName of scopes) {
        path = { parent: path, scopeName }
        const rule = textmate.match(path as never)
        if (rule === null) continue
        if (rule.fontStyle !== -1) fontStyle = rule.fontStyle
        if (rule.foregroundId !== 0) foreground = rule.foregroundId
      }
      const style = [colorMap[foreground] ?? resolved.fg, fontStyle] as const
      styles.set(key, style)
      return style
    },
  }
}

/**
 * One language, tokenized once a line and coloured in both themes from the tokens' scopes
 * (the same colours as tokenizing once for each theme, at half the work). Each language has
 * a Shiki primitive of its own, holding exactly the grammars it needs, so that no grammar
 * loaded for another block (or injected into this one) can change how it highlights: output
 * never depends on what came before. Lines are memoised by their text and the state before
 * them, equal states made one object.
 */
export function createLanguageTokenizer(
  language: CodeLanguage,
  light: ThemeColours,
  dark: ThemeColours,
  regexEngine: RegexEngine,
): (line: string, stack: StateStack) => LineResult {
  const grammars = readGrammars(language)
  regexEngine.preload(grammars)
  const shiki = createShikiPrimitive({
    themes: [],
    langs: grammars as never,
    engine: regexEngine,
    // One instance per language is the design (see above), not a leak.
    warnings: false,
  })
  const grammar = shiki.getLanguage(language.name)
  const lines = new Map<StateStack, Map<string, LineResult>>()
  const stacks = new Map<number, StateStack[]>()
  let cachedLines = 0

  const intern = (stack: StateStack): StateStack => {
    const bucket = stacks.get(stack.depth) ?? []
    for (const known of bucket) if (known.equals(stack)) return known
    if (bucket.length < 256) bucket.push(stack)
    stacks.set(stack.depth, bucket)
    return stack
  }

  return (line, stack) => {
    let known = lines.get(stack)
    const hit = known?.get(line)
    if (hit !== undefined) return hit
    const { tokens, ruleStack } = grammar.tokenizeLine(line, stack)
    const lit: LineStyles = []
    const darkened: LineStyles = []
    for (const token of tokens) {
      const [lightColour, lightFont] = light.style(token.scopes)
      const [darkColour, darkFont] = dark.style(token.scopes)
      lit.push(token.startIndex, lightColour, lightFont)
      darkened.push(token.startIndex, darkColour, darkFont)
    }
    const result = { light: lit, dark: darkened, end: intern(ruleStack) }
    if (cachedLines >= LINE_MEMO_SIZE) {
      lines.clear()
      cachedLines = 0
      known = undefined
    }
    if (known === undefined) {
      known = new Map()
      lines.set(stack, known)
    }
    known.set(line, result)
    cachedLines++
    return result
  }
}
