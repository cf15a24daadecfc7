import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { EmulatedRegExp, type ToRegExpOptions, toRegExp, toRegExpDetails } from 'oniguruma-to-es'
import type { GrammarJson } from './code-languages.ts'

// Grammars are written in Oniguruma's dialect; Shiki's JavaScript engine converts each
// expression to a JavaScript one with oniguruma-to-es the first time a scanner needs it.
// Converting is the fixed cost of highlighting (about 0.7 s a thread for four languages),
// so the package ships every grammar's expressions converted ahead of time, in
// dist/regexes/<grammar>.json, made by scripts/precompile-regexes.mjs after the build.

/**
 * Shiki's options for the JavaScript engine, with one change: a fixed target, so that every
 * Node version compiles the same expressions (the default, `auto`, picks by the running
 * Node) and the files made ahead of time are the ones the fallback would make.
 */
const OPTIONS: ToRegExpOptions = {
  global: true,
  hasIndices: true,
  lazyCompileLength: 3_000,
  target: 'ES2024',
  rules: {
    allowOrphanBackrefs: true,
    asciiWordBoundaries: true,
    captureGroup: true,
    recursionLimit: 5,
    singleline: true,
  },
}

/** What an emulated expression needs besides its source and flags (the converter's own type). */
type EmulatedRegExpOptions = NonNullable<ReturnType<typeof toRegExpDetails>['options']>

/** The version of oniguruma-to-es the expressions are converted with. */
export const CONVERTER_VERSION = converterVersion()

/** The installed converter's version, from its package.json (which it does not export). */
function converterVersion(): string {
  let folder = dirname(createRequire(import.meta.url).resolve('oniguruma-to-es'))
  for (;;) {
    try {
      const found = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'))
      if (found.name === 'oniguruma-to-es') return String(found.version)
    } catch {}
    const parent = dirname(folder)
    if (parent === folder) return 'unknown'
    folder = parent
  }
}

/** One converted expression: `[pattern, source, flags, options?]`, or `[pattern, null]` for one the converter refuses. */
export type PrecompiledRegex =
  | [pattern: string, source: string, flags: string, options?: EmulatedRegExpOptions]
  | [pattern: string, refused: null]

/** A grammar's expressions, converted: the contents of one dist/regexes file. */
export interface PrecompiledGrammar {
  converter: string
  grammar: string
  regexes: PrecompiledRegex[]
}

/** Converts Oniguruma patterns, from the precompiled files where they have them. */
export interface RegexCompiler {
  /** Shiki's `regexConstructor`: a pattern as JavaScript, throwing for one it cannot convert. */
  compile(pattern: string): RegExp
  /** Makes the precompiled expressions of these grammars known, once each. */
  preload(grammars: readonly GrammarJson[]): void
  /** How many patterns were converted here, not found precompiled. */
  readonly conversions: number
}

/**
 * A compiler taking each grammar's expressions from `read` (by default, the package's
 * dist/regexes/<grammar>.json). A grammar it has none for, or whose file another version of
 * the converter made, is converted as its patterns come, with the same result, only slower.
 */
export function createRegexCompiler(
  read: (grammar: GrammarJson) => PrecompiledGrammar | undefined = readPrecompiled,
): RegexCompiler {
  const known = new Map<string, PrecompiledRegex>()
  const loaded = new Set<string>()
  let conversions = 0
  return {
    compile(pattern) {
      const entry = known.get(pattern)
      if (entry === undefined) {
        conversions++
        return toRegExp(pattern, OPTIONS)
      }
      if (entry[1] === null) throw new SyntaxError(`Unsupported pattern: ${pattern}`)
      const [, source, flags, options] = entry
      return options === undefined
        ? new RegExp(source, flags)
        : new EmulatedRegExp(source, flags, options)
    },
    preload(grammars) {
      for (const grammar of grammars) {
        if (loaded.has(grammar.name)) continue
        loaded.add(grammar.name)
        const file = read(grammar)
        if (file?.converter !== CONVERTER_VERSION) continue
        for (const entry of file.regexes) known.set(entry[0], entry)
      }
    },
    get conversions() {
      return conversions
    },
  }
}

/** The file name of a grammar's precompiled expressions in dist/regexes/. */
export function precompiledFileName(grammar: string): string {
  return `${encodeURIComponent(grammar)}.json`
}

/** A grammar's file in dist/regexes/, beside the built module; none when run from src/. */
function readPrecompiled(grammar: GrammarJson): PrecompiledGrammar | undefined {
  try {
    const file = new URL(`regexes/${precompiledFileName(grammar.name)}`, import.meta.url)
    return JSON.parse(readFileSync(file, 'utf8')) as PrecompiledGrammar
  } catch {
    return undefined
  }
}

/** Every expression of a grammar, converted, in the order the grammar has them. */
export function precompileGrammar(grammar: GrammarJson): PrecompiledGrammar {
  const regexes: PrecompiledRegex[] = []
  for (const pattern of scannerPatterns(grammar)) {
    try {
      const { pattern: source, flags, options } = toRegExpDetails(pattern, OPTIONS)
      regexes.push(
        options === undefined ? [pattern, source, flags] : [pattern, source, flags, options],
      )
    } catch {
      regexes.push([pattern, null])
    }
  }
  return { converter: CONVERTER_VERSION, grammar: grammar.name, regexes }
}

/**
 * The patterns a TextMate tokenizer hands its scanners for a grammar: each `match`,
 * `begin`, `end` and `while`, with `\z` spelt as vscode-textmate spells it, and for one
 * with `\A` or `\G` the four spellings it uses where those anchors may or may not match
 * (`\uFFFF` in their place). End patterns with back-references are made per match and
 * cannot be known ahead.
 */
export function scannerPatterns(grammar: GrammarJson): Set<string> {
  const patterns = new Set<string>()
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item)
      return
    }
    if (value === null || typeof value !== 'object') return
    for (const [key, inner] of Object.entries(value)) {
      if (typeof inner === 'string' && SCANNED_KEYS.has(key)) {
        for (const spelling of anchorSpellings(spellEndOfText(inner))) patterns.add(spelling)
      } else {
        visit(inner)
      }
    }
  }
  visit(grammar)
  return patterns
}

const SCANNED_KEYS = new Set(['match', 'begin', 'end', 'while'])

/** `\z` as vscode-textmate rewrites it before scanning. */
function spellEndOfText(pattern: string): string {
  let out = ''
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] as string
    if (char === '\\' && index + 1 < pattern.length) {
      const next = pattern[index + 1] as string
      out += next === 'z' ? '$(?!\\n)(?<!\\n)' : char + next
      index++
    } else {
      out += char
    }
  }
  return out
}

/** The pattern, and when it has `\A` or `\G`, each spelling with either disabled. */
function anchorSpellings(pattern: string): string[] {
  if (!/\\[AG]/.test(pattern)) return [pattern]
  const spell = (allowA: boolean, allowG: boolean) => {
    let out = ''
    for (let index = 0; index < pattern.length; index++) {
      const char = pattern[index] as string
      if (char === '\\' && index + 1 < pattern.length) {
        const next = pattern[index + 1] as string
        const disabled = (next === 'A' && !allowA) || (next === 'G' && !allowG)
        out += `\\${disabled ? '\uFFFF' : next}`
        index++
      } else {
        out += char
      }
    }
    return out
  }
  return [pattern, spell(false, false), spell(false, true), spell(true, false)]
}
