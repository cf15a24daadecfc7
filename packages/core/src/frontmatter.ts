import matter from 'gray-matter'
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml'

/** The languages an article's frontmatter may be written in. YAML 1.2 also reads JSON. */
const SAFE_LANGUAGES = new Set(['', 'yaml', 'yml', 'json'])

/** Where a frontmatter problem sits, before it is tied to a file. */
export interface SourcePosition {
  line: number
  column: number
}

/** A frontmatter block that could not be read at all. */
export interface FrontmatterFailure {
  ok: false
  code:
    | 'FRONTMATTER_MISSING'
    | 'FRONTMATTER_UNTERMINATED'
    | 'FRONTMATTER_ENGINE'
    | 'FRONTMATTER_YAML'
  errors: { message: string; position: SourcePosition }[]
}

/** A frontmatter block that was read, with what is needed to point back into it. */
export interface FrontmatterSuccess {
  ok: true
  data: unknown
  /** The Markdown after the closing delimiter. */
  body: string
  /** 1-based line of the file on which the body starts. */
  bodyLine: number
  /** Finds the position of a field's key (`'key'`) or value (`'value'`) in the file. */
  locate(path: readonly PropertyKey[], part: 'key' | 'value'): SourcePosition
}

export type FrontmatterResult = FrontmatterSuccess | FrontmatterFailure

const OPENING_POSITION: SourcePosition = { line: 1, column: 1 }

/**
 * Splits an article into frontmatter and body with gray-matter and reads the frontmatter as
 * YAML 1.2 with positions. Never executes code: gray-matter's JavaScript engines are
 * replaced, so `---js` is refused instead of evaluated. `source` must already be free of a
 * BOM and use `\n` line endings (see `normalizeSource`).
 */
export function parseFrontmatter(source: string): FrontmatterResult {
  if (!/^---(?!-)[^\n]*\n/.test(source) && source !== '---') {
    return {
      ok: false,
      code: 'FRONTMATTER_MISSING',
      errors: [
        { message: 'The file does not start with a "---" line.', position: OPENING_POSITION },
      ],
    }
  }
  const language = (source.slice(3, source.indexOf('\n')) || '').trim().toLowerCase()
  if (!SAFE_LANGUAGES.has(language)) {
    return {
      ok: false,
      code: 'FRONTMATTER_ENGINE',
      errors: [
        {
          message: `Frontmatter in "${language.slice(0, 20)}" is not accepted; only YAML (or JSON) is read, and code in frontmatter never runs.`,
          position: { line: 1, column: 4 },
        },
      ],
    }
  }
  const closing = /\n---[ \t]*(?:\n|$)/.exec(source)
  if (!closing) {
    return {
      ok: false,
      code: 'FRONTMATTER_UNTERMINATED',
      errors: [
        {
          message: 'The frontmatter opened on line 1 is never closed by a "---" line.',
          position: OPENING_POSITION,
        },
      ],
    }
  }

  let yaml: YamlDocument | undefined
  const readYaml = (text: string): object => {
    yaml = readYamlDocument(text, 1)
    return (yaml.errors.length > 0 ? {} : yaml.data) as object
  }
  const refuse = () => {
    throw new Error('unreachable: the language was checked above')
  }
  // Options are always passed, which also keeps gray-matter's unbounded input cache off.
  const file = matter(source, {
    engines: {
      yaml: { parse: readYaml, stringify: refuse },
      json: { parse: readYaml, stringify: refuse },
      javascript: { parse: refuse, stringify: refuse },
    },
  })
  if (yaml && yaml.errors.length > 0) {
    return { ok: false, code: 'FRONTMATTER_YAML', errors: yaml.errors }
  }

  const frontmatterLines = source.slice(0, closing.index).split('\n').length
  const parsed = yaml
  return {
    ok: true,
    data: (file as { isEmpty?: boolean }).isEmpty || !parsed ? {} : file.data,
    body: file.content,
    bodyLine: frontmatterLines + 2,
    locate: (path, part) => (parsed ? parsed.locate(path, part) : OPENING_POSITION),
  }
}

/** A YAML (or JSON) document read with the positions of its nodes. */
export interface YamlDocument {
  data: unknown
  errors: { message: string; position: SourcePosition }[]
  /** Finds the position of a field's key or value; a missing field points at its parent. */
  locate(path: readonly PropertyKey[], part: 'key' | 'value'): SourcePosition
}

/**
 * Reads YAML 1.2 (a superset of JSON) keeping positions, for messages that point at the
 * exact key or value. `firstLine` is the file line the text starts on.
 */
export function readYamlDocument(text: string, firstLine = 1): YamlDocument {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const toFile = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset)
    return { line: line + firstLine - 1, column: col }
  }
  const errors = doc.errors.map((error) => ({
    message: firstMessageLine(error.message),
    position: toFile(error.pos[0]),
  }))
  return {
    data: errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 }),
    errors,
    locate(path, part) {
      const offset = findRange(doc, path, part)
      return offset === undefined ? { line: firstLine, column: 1 } : toFile(offset)
    },
  }
}

/** Removes a UTF-8 BOM and turns CRLF and CR line endings into LF; line numbers are kept. */
export function normalizeSource(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom
}

function firstMessageLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message
}

/**
 * The offset of the deepest node on `path` that exists: the key of the last pair for
 * `'key'`, its value for `'value'`. A path that leaves the document stops at the last node
 * found, so a problem in a missing nested field points at its parent.
 */
function findRange(
  doc: Document.Parsed,
  path: readonly PropertyKey[],
  part: 'key' | 'value',
): number | undefined {
  let node: unknown = doc.contents
  let offset: number | undefined = rangeStart(node)
  for (let index = 0; index < path.length; index++) {
    const segment = path[index]
    const last = index === path.length - 1
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && scalarValue(item.key) === segment)
      if (!pair) return offset
      if (last && part === 'key') return rangeStart(pair.key) ?? offset
      node = pair.value
      offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment]
      if (item === undefined) return offset
      node = item
      offset = rangeStart(node) ?? offset
    } else {
      return offset
    }
  }
  return offset
}

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : node
}

function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: [number, number, number] | null }).range
    return range ? range[0] : undefined
  }
  return undefined
}
