import type { z } from 'zod'
import type { Article } from './article.ts'
import {
  type FrontmatterFailure,
  type FrontmatterSuccess,
  normalizeSource,
  parseFrontmatter,
} from './frontmatter.ts'
import { createMarkdownRenderer, type MarkdownRenderer } from './markdown.ts'
import { type Problem, type ProblemCode, quote } from './problems.ts'
import { computeReadingTime, isReadTimeFarOff, parseReadTime } from './reading-time.ts'
import { type ArticleFrontmatter, type Author, articleSchema } from './schema.ts'
import { isSlug, slugFromPath } from './slug.ts'
import { closestName } from './suggest.ts'

/**
 * The fields dawnpress itself reads from a schema's output. Any schema whose output has
 * them, such as `articleSchema.extend({...})`, can drive a collection.
 */
export type CoreFrontmatter = Pick<ArticleFrontmatter, 'title' | 'description'> &
  Partial<Omit<ArticleFrontmatter, 'title' | 'description'>>

/** A zod schema for frontmatter whose output has at least the core fields. */
export type FrontmatterSchema = z.ZodType<CoreFrontmatter>

/** Options of `parseArticle`. */
export interface ParseArticleOptions<S extends FrontmatterSchema = typeof articleSchema> {
  /** The file's path as reported in problems, such as `content/articles/a.md`. */
  file: string
  /** The file's path inside its collection, used for the slug and `article.path`. @default file */
  path?: string
  /** Validates the frontmatter. @default articleSchema */
  schema?: S
  /** Reuse one renderer across articles; creating one per call is slower. */
  renderer?: MarkdownRenderer
}

/** The outcome of parsing one file: an article when it has no errors, and every problem. */
export interface ParseArticleResult<S extends FrontmatterSchema = typeof articleSchema> {
  article: Article<z.output<S>> | undefined
  problems: Problem[]
}

let defaultRenderer: MarkdownRenderer | undefined

/**
 * Parses, validates and renders one article. Pure: reads nothing from disk and never throws
 * for bad content; every problem found is returned. Accepts bytes so that files that are not
 * UTF-8 are reported instead of silently mangled.
 *
 * @example
 * const { article, problems } = parseArticle(readFileSync(file), { file })
 */
export function parseArticle<S extends FrontmatterSchema = typeof articleSchema>(
  input: string | Uint8Array,
  options: ParseArticleOptions<S>,
): ParseArticleResult<S> {
  const { file } = options
  const path = options.path ?? file
  const schema = (options.schema ?? articleSchema) as S
  const problems: Problem[] = []
  const report = (
    code: ProblemCode,
    at: { line: number; column: number },
    fieldPath: (string | number)[],
    message: string,
    hint: string,
    severity: Problem['severity'] = 'error',
  ) => {
    problems.push({ file, ...at, path: fieldPath, code, severity, message, hint })
  }

  const decoded = decodeUtf8(input)
  if (!decoded.ok) {
    report(
      'FILE_ENCODING',
      decoded.position,
      [],
      'The file is not valid UTF-8, so some characters cannot be read.',
      'Save the file as UTF-8 in your editor (most offer "Save with encoding").',
    )
    return { article: undefined, problems }
  }

  const frontmatter = parseFrontmatter(normalizeSource(decoded.text))
  if (!frontmatter.ok) {
    for (const error of frontmatter.errors) {
      report(
        frontmatter.code,
        error.position,
        [],
        error.message,
        FRONTMATTER_HINTS[frontmatter.code],
      )
    }
    return { article: undefined, problems }
  }

  const data = frontmatter.data
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    report(
      'FRONTMATTER_NOT_OBJECT',
      frontmatter.locate([], 'value'),
      [],
      `The frontmatter must be a list of "key: value" fields, but it is ${quote(data)}.`,
      'Write one field per line, such as "title: My article".',
    )
    return { article: undefined, problems }
  }

  reportUnknownFields(schema, data, frontmatter, report)
  const result = schema.safeParse(data, { reportInput: true })
  if (!result.success) {
    for (const issue of result.error.issues) {
      const fieldPath = issue.path.filter(
        (segment): segment is string | number => typeof segment !== 'symbol',
      )
      const name = fieldPath.join('.') || 'frontmatter'
      const missing = issue.code === 'invalid_type' && issue.input === undefined
      if (missing) {
        report(
          'FIELD_REQUIRED',
          frontmatter.locate(fieldPath, 'key'),
          fieldPath,
          `The required field "${name}" is missing.`,
          `Add a line "${String(fieldPath.at(-1) ?? name)}: …" to the frontmatter.`,
        )
      } else {
        const code = fieldPath[0] === 'slug' ? 'SLUG_INVALID' : 'FIELD_INVALID'
        report(
          code,
          frontmatter.locate(fieldPath, 'value'),
          fieldPath,
          `The field "${name}" is invalid: ${lowerFirst(issue.message)}`,
          `Change the value of "${name}" (now ${quote(issue.input)}).`,
        )
      }
    }
  }

  if (frontmatter.body.trim() === '') {
    report(
      'BODY_EMPTY',
      { line: frontmatter.bodyLine, column: 1 },
      [],
      'The article has no body after its frontmatter.',
      'Write the article below the closing "---" line, or delete the file.',
    )
  }

  const fields = result.success ? result.data : undefined
  const slug = fields?.slug ?? slugFromPath(path)
  if (fields && fields.slug === undefined && !isSlug(slug)) {
    report(
      'SLUG_INVALID',
      { line: 1, column: 1 },
      [],
      `No slug can be made from the file name ${quote(path)}: it has no letters or digits.`,
      'Rename the file to something like "my-article.md", or set "slug:" in the frontmatter.',
    )
  }
  if (!fields || problems.some((problem) => problem.severity === 'error')) {
    return { article: undefined, problems }
  }

  defaultRenderer ??= createMarkdownRenderer()
  const renderer = options.renderer ?? defaultRenderer
  const rendered = renderer.render(frontmatter.body)
  const readingTime = computeReadingTime(rendered.words)
  const declared = parseReadTime(fields.read_time)
  if (declared !== undefined && isReadTimeFarOff(declared, readingTime.minutes)) {
    report(
      'READ_TIME_MISMATCH',
      frontmatter.locate(['read_time'], 'value'),
      ['read_time'],
      `"read_time" says ${declared} min, but the body's ${readingTime.words} words take about ${readingTime.minutes} min to read.`,
      `Set "read_time: '${readingTime.minutes} min read'", or remove the field to use the computed time.`,
      'warning',
    )
  }
  const date = fields.date === undefined ? undefined : toIsoTimestamp(fields.date)
  const updated = fields.updated === undefined ? undefined : toIsoTimestamp(fields.updated)
  if (date !== undefined && updated !== undefined && updated < date) {
    report(
      'UPDATED_BEFORE_DATE',
      frontmatter.locate(['updated'], 'value'),
      ['updated'],
      `"updated" (${fields.updated}) is earlier than "date" (${fields.date}).`,
      'Check both dates; "updated" is when the article last changed after it was published.',
      'warning',
    )
  }

  const article = {
    ...fields,
    slug,
    path,
    html: rendered.html,
    headings: rendered.headings,
    excerpt: rendered.excerpt,
    readingTime,
    date,
    updated,
    authors: normaliseAuthors(fields),
  } as Article<z.output<S>>
  return { article, problems }
}

const FRONTMATTER_HINTS = {
  FRONTMATTER_MISSING:
    'Start the file with a "---" line, the fields (title, description), and another "---" line.',
  FRONTMATTER_UNTERMINATED: 'Add a line with just "---" after the last frontmatter field.',
  FRONTMATTER_ENGINE: 'Write the frontmatter as YAML: start the file with a plain "---" line.',
  FRONTMATTER_YAML:
    'Fix the YAML at this position; quote values that contain ": " or start with a special character.',
} satisfies Record<FrontmatterFailure['code'], string>

/** Converts a frontmatter date to a UTC ISO timestamp: `2025-01-15` → `2025-01-15T00:00:00.000Z`. */
export function toIsoTimestamp(value: string): string {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value).toISOString()
}

function normaliseAuthors(fields: CoreFrontmatter): Author[] {
  const listed = fields.authors ?? (fields.author === undefined ? [] : [fields.author])
  return listed.map((author) => (typeof author === 'string' ? { name: author } : author))
}

function reportUnknownFields(
  schema: FrontmatterSchema,
  data: object,
  frontmatter: FrontmatterSuccess,
  report: (
    code: ProblemCode,
    at: { line: number; column: number },
    path: (string | number)[],
    message: string,
    hint: string,
    severity: Problem['severity'],
  ) => void,
) {
  const shape = (schema as { shape?: Record<string, unknown> }).shape
  if (!shape) return
  const known = Object.keys(shape)
  for (const key of Object.keys(data)) {
    if (key in shape) continue
    const closest = closestName(key, known)
    report(
      'FIELD_UNKNOWN',
      frontmatter.locate([key], 'key'),
      [key],
      `The field ${quote(key)} is not part of the article schema, so it is ignored.`,
      closest
        ? `Did you mean "${closest}"? Otherwise remove it, or add it to the schema.`
        : `Remove it, or add it to the schema. Known fields: ${known.join(', ')}.`,
      'warning',
    )
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

type Decoded =
  | { ok: true; text: string }
  | { ok: false; position: { line: number; column: number } }

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const lenientDecoder = new TextDecoder('utf-8', { ignoreBOM: true })

function decodeUtf8(input: string | Uint8Array): Decoded {
  if (typeof input === 'string') return { ok: true, text: input }
  try {
    return { ok: true, text: strictDecoder.decode(input) }
  } catch {
    // Only on failure: find the first undecodable byte, to point the author at it.
    const text = lenientDecoder.decode(input)
    const offset = text.indexOf('\uFFFD')
    const before = text.slice(0, Math.max(0, offset))
    const line = before.split('\n').length
    return { ok: false, position: { line, column: offset - before.lastIndexOf('\n') } }
  }
}
