import { createRequire } from 'node:module'
import type matterModule from 'gray-matter'
import { readYamlDocument, type SourcePosition, type YamlDocument, type YamlError } from './yaml.ts'

/**
 * The languages an article's frontmatter may be written in, in any case (`---JSON` too).
 * YAML 1.2 also reads JSON, so all of them are read as YAML.
 */
const SAFE_LANGUAGES = new Set(['', 'yaml', 'yml', 'json'])

/** A file whose frontmatter block could not be found or may not be read. */
export interface FrontmatterFailure {
  ok: false
  code: 'FRONTMATTER_MISSING' | 'FRONTMATTER_UNTERMINATED' | 'FRONTMATTER_ENGINE'
  message: string
  hint: string
  position: SourcePosition
}

/** A file split into frontmatter and body; the frontmatter may still hold YAML errors. */
export interface FrontmatterSplit {
  ok: true
  /** The frontmatter as plain data; undefined when `errors` is not empty. */
  data: unknown
  /** YAML syntax errors, positioned in the file. */
  errors: YamlError[]
  /** The Markdown after the closing delimiter line. */
  body: string
  /** 1-based line of the file on which the body starts. */
  bodyLine: number
  /** Finds the position of a field's key or value in the file. */
  locate: YamlDocument['locate']
  /** Finds where each item of a top-level list starts, such as each tag of `tags`. */
  locateItems: YamlDocument['locateItems']
}

/** The outcome of `parseFrontmatter`. */
export type FrontmatterResult = FrontmatterSplit | FrontmatterFailure

const refuse = (): never => {
  throw new Error('dawnpress never evaluates frontmatter code')
}

/**
 * gray-matter's engines, replaced: YAML and JSON go to a positional YAML 1.2 reader, and
 * every engine that would evaluate code refuses. Languages are also checked before
 * gray-matter is called, so these are a second line of defence.
 */
function createEngines(onYaml: (text: string) => object) {
  const yaml = { parse: onYaml, stringify: refuse }
  return {
    yaml,
    json: yaml,
    javascript: { parse: refuse, stringify: refuse },
    coffee: { parse: refuse, stringify: refuse },
  }
}

/**
 * Splits an article into frontmatter and body with gray-matter and reads the frontmatter as
 * YAML 1.2 with positions. The frontmatter opens with a `---` first line and closes at the
 * next line that starts with `---` (gray-matter's rule), which must hold nothing else.
 * The opening line may name YAML or JSON in any case (`---yaml`, `---JSON`), both read as
 * YAML 1.2. Never executes code: `---js` and every other language are refused with
 * `FRONTMATTER_ENGINE`.
 * `source` must be free of a BOM and use `\n` line endings (see `normalizeSource`).
 */
export function parseFrontmatter(source: string): FrontmatterResult {
  const openingEnd = source.indexOf('\n')
  const opening = openingEnd === -1 ? source : source.slice(0, openingEnd)
  if (!opening.startsWith('---') || opening.startsWith('----')) {
    return fail('FRONTMATTER_MISSING', 1, 1, missingMessage(source))
  }
  const language = opening.slice(3).trim()
  if (!SAFE_LANGUAGES.has(language.toLowerCase())) {
    return fail(
      'FRONTMATTER_ENGINE',
      1,
      4,
      `The frontmatter is marked as "${language.slice(0, 20)}", but only YAML (or JSON) is read; code in frontmatter never runs.`,
    )
  }
  const closeIndex = openingEnd === -1 ? -1 : source.indexOf('\n---', openingEnd)
  if (closeIndex === -1) {
    return fail(
      'FRONTMATTER_UNTERMINATED',
      1,
      1,
      'The frontmatter opened on line 1 is never closed by a "---" line, so the fields and the body cannot be told apart.',
    )
  }
  const closeLine = lineOf(source, closeIndex + 1)
  const lineEnd = source.indexOf('\n', closeIndex + 1)
  const closing = source.slice(closeIndex + 1, lineEnd === -1 ? undefined : lineEnd)
  if (closing.trimEnd() !== '---') {
    return {
      ...fail(
        'FRONTMATTER_UNTERMINATED',
        closeLine,
        4,
        `Line ${closeLine} starts with "---" but goes on ("${closing.slice(0, 12)}"), so it does not close the frontmatter opened on line 1.`,
      ),
      hint: `Make line ${closeLine} exactly "---", with nothing after it.`,
    }
  }

  let yaml: YamlDocument | undefined
  const readYaml = (text: string): object => {
    // gray-matter hands over the text after "---" on line 1, so file lines are kept.
    yaml = readYamlDocument(text, 1)
    return (yaml.data ?? {}) as object
  }
  // Only the frontmatter goes to gray-matter: it copies its whole input into a Buffer.
  // Its opening line is a plain "---": the language was checked above, and gray-matter
  // looks engines up by the exact token, so it throws for "JSON" where "json" is known.
  // Options are always passed, which also keeps gray-matter's unbounded cache off.
  loadMatter()(`---${source.slice(openingEnd, lineEnd === -1 ? undefined : lineEnd)}`, {
    engines: createEngines(readYaml),
  })
  const document = yaml
  return {
    ok: true,
    // gray-matter skips its engine for a block of only comments and blank lines.
    data: document ? document.data : {},
    errors: document ? document.errors : [],
    body: lineEnd === -1 ? '' : source.slice(lineEnd + 1),
    bodyLine: closeLine + 1,
    locate: (path, part) => (document ? document.locate(path, part) : { line: 1, column: 1 }),
    locateItems: (key) => (document ? document.locateItems(key) : []),
  }
}

/** Removes a UTF-8 BOM and turns CRLF and CR line endings into LF; line numbers are kept. */
export function normalizeSource(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom
}

const HINTS: Record<FrontmatterFailure['code'], string> = {
  FRONTMATTER_MISSING:
    'Start the file with a "---" line, then the fields (title: …, description: …), then another "---" line.',
  FRONTMATTER_UNTERMINATED: 'Add a line with just "---" after the last frontmatter field.',
  FRONTMATTER_ENGINE: 'Write the frontmatter as YAML: start the file with a plain "---" line.',
}

function fail(
  code: FrontmatterFailure['code'],
  line: number,
  column: number,
  message: string,
): FrontmatterFailure {
  return { ok: false, code, message, hint: HINTS[code], position: { line, column } }
}

function missingMessage(source: string): string {
  if (/^\s+---/.test(source)) {
    return 'The "---" that opens the frontmatter must be the very first line, with nothing before it.'
  }
  return 'The file does not start with a "---" line, so it has no frontmatter with a title and description.'
}

function lineOf(text: string, offset: number): number {
  let line = 1
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; ) {
    line++
    index = text.indexOf('\n', index + 1)
  }
  return line
}

// Required on first use (its CommonJS build, so that parsing stays synchronous): gray-matter
// and the js-yaml 3 it brings take 45-90 ms to load, which a build with nothing to parse
// need not pay.
let matter: typeof matterModule | undefined
function loadMatter(): typeof matterModule {
  matter ??= createRequire(import.meta.url)('gray-matter') as typeof matterModule
  return matter
}
