import { createRequire } from 'node:module'
import type * as JsYaml from 'js-yaml'
import type * as Yaml from 'yaml'
import type { Document } from 'yaml'
import { createListItemRecorder } from './yaml-list-items.ts'

// The positioned parser is loaded only when a problem needs a position: plain frontmatter
// is read with js-yaml, and loading `yaml` costs more than reading a small collection.
let yamlModule: typeof Yaml | undefined
// js-yaml likewise, on the first frontmatter read: a build with nothing to parse needs neither.
let jsYaml: typeof JsYaml | undefined
function loadYamlModule(): typeof Yaml {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml
  return yamlModule
}

/** A 1-based line and column in a source file. */
export interface SourcePosition {
  line: number
  column: number
}

/** A YAML syntax error, with what the author can do about it. */
export interface YamlError {
  message: string
  hint: string
  position: SourcePosition
  /** The parser's own error. */
  cause: unknown
}

/** A YAML (or JSON) document read with the positions of its nodes. */
export interface YamlDocument {
  /** The document as plain data; undefined when there are errors. */
  data: unknown
  /** Every syntax error, in document order, at most one per position. */
  errors: YamlError[]
  /**
   * Finds the position of a field's key (`'key'`) or value (`'value'`). A path that leaves
   * the document stops at the deepest node that exists, so a missing field points at its
   * parent.
   */
  locate(path: readonly PropertyKey[], part: 'key' | 'value'): SourcePosition
  /**
   * Where each item of the top-level list `key` starts, in order (`tags: [a, b]` gives two
   * positions); empty when `key` is not a list. Cheap for plain frontmatter: the positions
   * are recorded while it is read.
   */
  locateItems(key: string): SourcePosition[]
}

/** Aliases may repeat a node this often; more is refused, which stops "billion laughs". */
const MAX_ALIAS_COUNT = 100

/**
 * Reads YAML 1.2 (a superset of JSON) keeping positions, for messages that point at the
 * exact key or value. `firstLine` is the line of the file that the text starts on.
 */
export function readYamlDocument(text: string, firstLine = 1): YamlDocument {
  // Most frontmatter is plain and valid: read it with the much faster js-yaml (YAML 1.2
  // core schema, as here), and build the positioned document only when a problem needs a
  // position. Anchors, aliases and tags always take the full path, which limits aliases.
  if (!/[&*!]/.test(text)) {
    let data: unknown
    const recorder = createListItemRecorder(firstLine)
    try {
      jsYaml ??= createRequire(import.meta.url)('js-yaml') as typeof JsYaml
      data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, listener: recorder.listener })
    } catch {
      return readPositionedDocument(text, firstLine)
    }
    let positioned: YamlDocument | undefined
    const readPositioned = () => {
      positioned ??= readPositionedDocument(text, firstLine)
      return positioned
    }
    return {
      data,
      errors: [],
      locate: (path, part) => readPositioned().locate(path, part),
      locateItems: (key) => recorder.items(data, key) ?? readPositioned().locateItems(key),
    }
  }
  return readPositionedDocument(text, firstLine)
}

function readPositionedDocument(text: string, firstLine: number): YamlDocument {
  const { LineCounter, parseDocument } = loadYamlModule()
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const toFile = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset)
    return { line: line + firstLine - 1, column: col }
  }
  const errors: YamlError[] = []
  const seen = new Set<number>()
  for (const error of doc.errors) {
    // One mistake often upsets the parser several times at the same place; say it once.
    if (seen.has(error.pos[0])) continue
    seen.add(error.pos[0])
    errors.push({
      message: `${firstMessageLine(error.message)}.`,
      hint: YAML_HINTS[error.code] ?? DEFAULT_YAML_HINT,
      position: toFile(error.pos[0]),
      cause: error,
    })
  }
  let data: unknown
  if (errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
    } catch (cause) {
      // toJS throws only for alias abuse; report it like a syntax error.
      errors.push({
        message: `${firstMessageLine(String((cause as Error).message))}.`,
        hint: 'Use fewer YAML aliases (*name); write the values out instead.',
        position: toFile(0),
        cause,
      })
    }
  }
  const locate = (path: readonly PropertyKey[], part: 'key' | 'value') => {
    const offset = findOffset(doc, path, part)
    return offset === undefined ? { line: firstLine, column: 1 } : toFile(offset)
  }
  return {
    data,
    errors,
    locate,
    locateItems(key) {
      const list = isRecord(data) ? data[key] : undefined
      return Array.isArray(list) ? list.map((_, index) => locate([key, index], 'value')) : []
    },
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

const DEFAULT_YAML_HINT =
  'Fix the YAML at this position; put values that contain ": " or start with a special character such as [ { * & ! | > \' " % @ in quotes.'

/** Hints for the YAML mistakes authors make most, keyed by the parser's error code. */
const YAML_HINTS: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'Each field may appear once; remove or rename one of the two.',
  TAB_AS_INDENT: 'Indent with spaces; YAML does not allow tabs for indentation.',
  BLOCK_AS_IMPLICIT_KEY:
    'A value that contains ": " must be in quotes, such as title: "Part 1: The start".',
  MISSING_CHAR:
    'Add what the message names (a closing quote or bracket, or a comma) at or before this position.',
  BAD_INDENT: 'Indent the lines of a field by the same number of spaces, and close any [ or {.',
  MULTILINE_IMPLICIT_KEY: 'Put the value on the same line as its key, or in quotes.',
}

function firstMessageLine(message: string): string {
  const line = message.split('\n')[0] ?? message
  return line.replace(/ at line \d+, column \d+:?$/, '').replace(/[.:]$/, '')
}

/**
 * The offset of the deepest node on `path` that exists: the key of the last pair for
 * `'key'`, its value for `'value'`.
 */
function findOffset(
  doc: Document.Parsed,
  path: readonly PropertyKey[],
  part: 'key' | 'value',
): number | undefined {
  const { isMap, isPair, isSeq } = loadYamlModule()
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
      // An empty value (`title:`) has no node; point at its key instead.
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
  return loadYamlModule().isScalar(node) ? (node as Yaml.Scalar).value : node
}

function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: [number, number, number] | null }).range
    return range ? range[0] : undefined
  }
  return undefined
}
