/**
 * Every kind of content problem dawnpress reports. Codes are permanent: a code may be
 * deprecated, never renamed, so that tools can match on them.
 */
export const PROBLEM_CODES = [
  'FILE_READ',
  'FILE_ENCODING',
  'FRONTMATTER_MISSING',
  'FRONTMATTER_UNTERMINATED',
  'FRONTMATTER_ENGINE',
  'FRONTMATTER_YAML',
  'FRONTMATTER_NOT_OBJECT',
  'FIELD_REQUIRED',
  'FIELD_INVALID',
  'FIELD_UNKNOWN',
  'BODY_EMPTY',
  'SLUG_INVALID',
  'SLUG_DUPLICATE',
  'READ_TIME_MISMATCH',
  'DATE_MISSING',
  'UPDATED_BEFORE_DATE',
  'SITE_CONFIG',
  'CARD_GLYPH_MISSING',
  'CONFIG_INVALID',
  'CONFIG_LOAD',
  'OUTPUT_NOT_OWNED',
  'BUILD_LOCKED',
  'CACHE_UNREADABLE',
  'GIT_SHALLOW',
  'INTERNAL_ERROR',
  'FILE_TOO_LARGE',
  'TAG_DUPLICATE',
  'TAG_VARIANT',
  'TAGS_TOO_MANY',
  'HTML_ELEMENT_REMOVED',
  'HTML_TAG_ESCAPED',
  'HTML_ELEMENT_UNCLOSED',
  'HTML_ATTRIBUTE_REMOVED',
  'HTML_URL_REMOVED',
  'CARD_FONT_MISSING',
  'CARD_TEXT_UNSHAPED',
  'CODE_LANGUAGE_UNKNOWN',
  'IMAGE_ALT_MISSING',
  'ASSET_MISSING',
  'ASSET_OUTSIDE_CONTENT',
  'IMAGE_UNSUPPORTED',
  'LINK_TARGET_MISSING',
  'LINK_TARGET_UNPUBLISHED',
  'PUBLIC_PATH_TAKEN',
  'PUBLIC_LINK_OUTSIDE',
  'HEADING_LEVEL_SHIFTED',
  'REDIRECT_CONFLICT',
  'LOGO_INVALID',
] as const

/** A stable identifier of a kind of problem, such as `FIELD_INVALID`. */
export type ProblemCode = (typeof PROBLEM_CODES)[number]

/** `error` fails `check` and `build`; `warning` is reported and lets them pass. */
export type Severity = 'error' | 'warning'

/** One content problem, pointing at the exact place in the source file. */
export interface Problem {
  /** Path of the file, relative to the working directory, with `/` separators. */
  file: string
  /** 1-based line in the original file. */
  line: number
  /** 1-based column in the original file. */
  column: number
  /** The frontmatter field the problem is about, such as `['authors', 1, 'email']`. */
  path: (string | number)[]
  code: ProblemCode
  severity: Severity
  /** What happened and why, in one or two plain sentences. */
  message: string
  /** What to do about it. */
  hint: string
  /**
   * The underlying error, where there was one. From a worker thread it is a copy: an
   * `Error` keeps its name, message and stack; a value that cannot be copied between threads
   * arrives as `{ name, message, stack }`.
   */
  cause?: unknown
  /**
   * The stack of an error inside dawnpress (`INTERNAL_ERROR`), as text for a bug report.
   * Plain data, unlike `cause`, so JSON output such as `dawnpress check --format json` keeps it.
   */
  stack?: string
}

/** True when any problem in the list is an error (warnings alone let a build pass). */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error')
}

/** Orders problems by file, then position, so reports are stable from run to run. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareStrings(a.code, b.code) ||
      compareStrings(a.message, b.message),
  )
}

/** Locale-independent string order, so output never depends on the machine's language. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * A field path as authors read it: `['authors', 1, 'email']` becomes `authors[1].email`.
 */
export function formatFieldPath(path: readonly (string | number)[]): string {
  let text = ''
  for (const segment of path) {
    text += typeof segment === 'number' ? `[${segment}]` : text ? `.${segment}` : segment
  }
  return text
}

/** A value from the input in words, such as `the number 42` or `the text "x"`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty'
  if (typeof value === 'string') return `the text ${quote(value)}`
  if (typeof value === 'number' || typeof value === 'bigint') return `the number ${value}`
  if (typeof value === 'boolean') return `the value ${value}`
  if (Array.isArray(value)) {
    return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`
  }
  if (value instanceof Date) return `the date ${value.toISOString()}`
  return 'a set of fields'
}

/** Shortens a piece of user input for quoting inside a message. */
export function quote(value: unknown, max = 40): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  const oneLine = text.replace(/\s+/g, ' ')
  return JSON.stringify(oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine)
}
