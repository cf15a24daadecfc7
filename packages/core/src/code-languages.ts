import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { grammars } from 'tm-grammars'

/** A language that code blocks can be highlighted in, as `tm-grammars` describes it. */
export interface CodeLanguage {
  /** The grammar's name, such as `typescript`. */
  name: string
  /** The name readers see on the block's label, such as `TypeScript`. */
  displayName: string
  /** Grammars this one includes (HTML includes CSS and JavaScript), loaded with it. */
  embedded: readonly string[]
}

/**
 * What a code block's info string names: a language with a grammar, plain text
 * (`text`, `txt`, `plain`, `plaintext`, `ansi`), or nothing known.
 */
export type LanguageLookup =
  | { kind: 'grammar'; language: CodeLanguage }
  | { kind: 'plain' }
  | { kind: 'unknown' }

/** Info strings that ask for no highlighting, as Shiki reads them. */
const PLAIN_NAMES = new Set(['text', 'txt', 'plain', 'plaintext', 'ansi'])

// Names the tm-grammars list does not give as aliases, though authors write them.
const EXTRA_ALIASES: Record<string, string> = { 'c++': 'cpp', 'c#': 'csharp', 'f#': 'fsharp' }

let index: Map<string, CodeLanguage> | undefined

/** Every language by lower-case name and alias, built once from the grammars' list. */
function languageIndex(): Map<string, CodeLanguage> {
  if (index !== undefined) return index
  index = new Map()
  for (const grammar of grammars) {
    const language: CodeLanguage = {
      name: grammar.name,
      displayName: grammar.displayName,
      embedded: grammar.embedded ?? [],
    }
    index.set(grammar.name.toLowerCase(), language)
    for (const alias of grammar.aliases ?? []) {
      const key = alias.toLowerCase()
      if (!index.has(key)) index.set(key, language)
    }
  }
  for (const [alias, name] of Object.entries(EXTRA_ALIASES)) {
    const language = index.get(name)
    if (language !== undefined && !index.has(alias)) index.set(alias, language)
  }
  return index
}

/**
 * The language a code block's info string names, by its first word, in any case.
 *
 * @example
 * lookUpLanguage('ts') // { kind: 'grammar', language: { name: 'typescript', displayName: 'TypeScript', ... } }
 * lookUpLanguage('txt') // { kind: 'plain' }
 */
export function lookUpLanguage(name: string): LanguageLookup {
  const key = name.toLowerCase()
  if (PLAIN_NAMES.has(key)) return { kind: 'plain' }
  const language = languageIndex().get(key)
  return language === undefined ? { kind: 'unknown' } : { kind: 'grammar', language }
}

/** Every name and alias a code block may use, for suggestions. */
export function knownLanguageNames(): string[] {
  return [...languageIndex().keys(), ...PLAIN_NAMES]
}

const require = createRequire(import.meta.url)

/** A grammar as tm-grammars ships it: TextMate JSON, with its name and scope. */
export interface GrammarJson {
  name: string
  scopeName: string
  [key: string]: unknown
}

/**
 * Languages with more embedded ones than this are documents that hold code blocks of any
 * language (Markdown embeds 57): they load without their embedded languages, so that one
 * Markdown or Ruby block does not load seventy grammars. Their inner code shows plain.
 */
const MAX_EMBEDDED = 30

/**
 * The grammars a language needs, its embedded ones first, each read from its JSON file in
 * `tm-grammars`: synchronously and only when a code block first asks for the language.
 * Embedded names without a grammar of their own are left out. The set depends on the
 * language alone, so a block highlights the same whatever was highlighted before it.
 */
export function readGrammars(language: CodeLanguage): GrammarJson[] {
  const seen = new Set<string>()
  const ordered: GrammarJson[] = []
  const visit = (name: string) => {
    if (seen.has(name)) return
    seen.add(name)
    const entry = languageIndex().get(name)
    if (entry === undefined) return
    if (entry.embedded.length <= MAX_EMBEDDED)
      for (const embedded of entry.embedded) visit(embedded)
    ordered.push(readJson(`tm-grammars/grammars/${entry.name}.json`) as GrammarJson)
  }
  visit(language.name)
  return ordered
}

/** Theme names as tm-themes ships them: lower-case words and digits joined by hyphens. */
const THEME_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * A colour theme from `tm-themes` by name (`github-light`, `dracula`...). Throws a
 * `TypeError` naming the theme when there is none by that name: a configuration mistake.
 */
export function readTheme(name: string): Record<string, unknown> {
  let file: string | undefined
  try {
    file = THEME_NAME.test(name) ? require.resolve(`tm-themes/themes/${name}.json`) : undefined
  } catch {
    file = undefined
  }
  if (file === undefined) {
    throw new TypeError(
      `There is no code theme named "${name}". Use one of Shiki's themes, such as "github-light", "github-dark", "one-light" or "dracula".`,
    )
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
}

function readJson(specifier: string): unknown {
  return JSON.parse(readFileSync(require.resolve(specifier), 'utf8'))
}
