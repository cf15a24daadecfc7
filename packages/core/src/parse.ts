import type { z } from 'zod'
import type { Article } from './article.ts'
import { decodeSource } from './encoding.ts'
import { type FrontmatterSplit, normalizeSource, parseFrontmatter } from './frontmatter.ts'
import { planBodyHeadings, shiftedHeadingsNote } from './heading-levels.ts'
import { describeIssues, describeUnknown } from './issues.ts'
import { createMarkdownRenderer, type MarkdownRenderer } from './markdown.ts'
import {
  describeValue,
  type Problem,
  type ProblemCode,
  quote,
  type Severity,
  sortProblems,
} from './problems.ts'
import {
  CJK_CHARACTERS_PER_MINUTE,
  computeReadingTime,
  describeReadingAmount,
  isReadTimeFarOff,
  parseReadTime,
  WORDS_PER_MINUTE,
} from './reading-time.ts'
import { checkArticleRedirects } from './redirects.ts'
import { type ArticleReference, isRelativeReference } from './references.ts'
import { type ArticleFrontmatter, type Author, articleSchema } from './schema.ts'
import { isSlug, slugFromPath } from './slug.ts'
import { knownKeys } from './suggest.ts'
import { checkArticleTags } from './tag-problems.ts'
import type { SourcePosition } from './yaml.ts'
import { assertZodSchema } from './zod-schema.ts'

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

/** `parseArticle`'s result, plus where the slug and tags are, for problems between files. */
export interface ParsedSource<S extends FrontmatterSchema> extends ParseArticleResult<S> {
  slugPosition: SourcePosition
  /** Where each of `article.tags` is in the file; empty without an article. */
  tagPositions: SourcePosition[]
  /**
   * The files beside the article that it names (images, links to other articles), with
   * their places in the file; empty without an article. The build resolves them.
   */
  references: ArticleReference[]
  /** Where each of `article.redirect_from` is in the file; empty without one. */
  redirectPositions: SourcePosition[]
}

let defaultRenderer: MarkdownRenderer | undefined

/**
 * Parses, validates and renders one article. Pure: reads nothing from disk and never throws
 * for bad content; every problem found is returned. Accepts bytes so that files that are not
 * UTF-8 are reported instead of silently mangled. Throws a `TypeError` for a `schema` that is
 * not a zod 4 schema.
 *
 * @example
 * const { article, problems } = parseArticle(readFileSync(file), { file })
 */
export function parseArticle<S extends FrontmatterSchema = typeof articleSchema>(
  input: string | Uint8Array,
  options: ParseArticleOptions<S>,
): ParseArticleResult<S> {
  if (options.schema !== undefined) {
    assertZodSchema(options.schema, 'The `schema` option of parseArticle')
  }
  const { article, problems } = parseSource(input, options)
  return { article, problems: sortProblems(problems) }
}

/** `parseArticle` with the position of the slug, for `loadCollection`. */
export function parseSource<S extends FrontmatterSchema>(
  input: string | Uint8Array,
  options: ParseArticleOptions<S>,
): ParsedSource<S> {
  const { file } = options
  const path = options.path ?? file
  const schema = (options.schema ?? articleSchema) as S
  const problems: Problem[] = []
  let slugPosition: SourcePosition = { line: 1, column: 1 }
  const done = () => ({
    article: undefined,
    problems,
    slugPosition,
    tagPositions: [],
    references: [],
    redirectPositions: [],
  })
  const report = (
    code: ProblemCode,
    at: SourcePosition,
    fieldPath: (string | number)[],
    message: string,
    hint: string,
    severity: Severity = 'error',
  ) => {
    problems.push({ file, ...at, path: fieldPath, code, severity, message, hint })
  }

  const decoded = decodeSource(input)
  if (!decoded.ok) {
    report('FILE_ENCODING', decoded.position, [], decoded.message, decoded.hint)
    return done()
  }
  const split = parseFrontmatter(normalizeSource(decoded.text))
  if (!split.ok) {
    report(split.code, split.position, [], split.message, split.hint)
    return done()
  }
  const bodyEmpty = split.body.trim() === ''
  const reportEmptyBody = () =>
    report(
      'BODY_EMPTY',
      { line: split.bodyLine - 1, column: 1 },
      [],
      'The article has no body after its frontmatter, so there is nothing to publish.',
      'Write the article below the closing "---" line, or delete the file.',
    )
  for (const error of split.errors) {
    report(
      'FRONTMATTER_YAML',
      error.position,
      [],
      `The frontmatter is not valid YAML: ${lowerFirst(error.message)}`,
      error.hint,
    )
    ;(problems.at(-1) as Problem).cause = error.cause
  }
  if (split.errors.length > 0) {
    if (bodyEmpty) reportEmptyBody()
    return done()
  }

  const data = split.data
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    report(
      'FRONTMATTER_NOT_OBJECT',
      split.locate([], 'value'),
      [],
      `The frontmatter must be a list of "key: value" fields, but it is ${describeValue(data)}.`,
      'Write one field per line, such as "title: My article".',
    )
    if (bodyEmpty) reportEmptyBody()
    return done()
  }

  const shape = knownKeys(schema, [])
  if (!shape.strict && !shape.open && shape.keys.length > 0) {
    for (const key of Object.keys(data)) {
      if (shape.keys.includes(key)) continue
      const unknown = describeUnknown([key], shape.keys, 'warning')
      report(
        unknown.code,
        split.locate([key], 'key'),
        [key],
        unknown.message,
        unknown.hint,
        unknown.severity,
      )
    }
  }
  const result = schema.safeParse(data, { reportInput: true })
  if (!result.success) {
    for (const issue of describeIssues(result.error.issues, schema, data)) {
      const at =
        issue.part === 'key' && issue.code === 'FIELD_REQUIRED' && issue.path.length === 1
          ? { line: 1, column: 1 }
          : split.locate(issue.path, issue.part)
      report(issue.code, at, issue.path, issue.message, issue.hint, issue.severity)
    }
  }
  const tags = result.success ? readTags(result.data.tags, split, file, problems) : undefined
  if (bodyEmpty) reportEmptyBody()

  const declaredSlug = (data as { slug?: unknown }).slug
  const slug = declaredSlug === undefined ? slugFromPath(path) : declaredSlug
  if (declaredSlug !== undefined) slugPosition = split.locate(['slug'], 'value')
  const slugReported = problems.some((problem) => problem.code === 'SLUG_INVALID')
  if (!slugReported && (typeof slug !== 'string' || !isSlug(slug))) {
    // Custom schemas may let any slug through; the output folder must still be safe.
    report(
      'SLUG_INVALID',
      slugPosition,
      ['slug'],
      declaredSlug === undefined
        ? `No slug can be made from the file name ${quote(path)}: it has no visible characters.`
        : `The slug ${describeValue(slug)} is not safe as a folder and URL name.`,
      declaredSlug === undefined
        ? 'Rename the file to something like "my-article.md", or set "slug:" in the frontmatter.'
        : 'Use lowercase letters, digits and hyphens only, such as "slug: my-article".',
    )
  }
  const redirects =
    result.success && typeof slug === 'string'
      ? readRedirects(result.data.redirect_from, slug, split, file, problems)
      : undefined
  if (!result.success || problems.some((problem) => problem.severity === 'error')) return done()

  const fields = result.data
  const locate = split.locate
  const date = readDate(fields.date, ['date'])
  const updated = readDate(fields.updated, ['updated'])
  function readDate(value: string | undefined, fieldPath: string[]): string | undefined {
    if (value === undefined) return undefined
    const iso = toIsoTimestampOrUndefined(value)
    if (iso === undefined) {
      report(
        'FIELD_INVALID',
        locate(fieldPath, 'value'),
        fieldPath,
        `The field "${fieldPath[0]}" is not a date: ${describeValue(value)}.`,
        'Write the date as YYYY-MM-DD, such as 2025-01-15.',
      )
    }
    return iso
  }
  if (problems.some((problem) => problem.severity === 'error')) return done()

  defaultRenderer ??= createMarkdownRenderer()
  const rendered = (options.renderer ?? defaultRenderer).render(split.body)
  for (const change of rendered.changes) {
    const at = { line: split.bodyLine + change.line - 1, column: change.column }
    report(change.code, at, [], change.message, change.hint, 'warning')
  }
  const shifted = shiftedHeadingsNote(
    rendered.headings,
    planBodyHeadings(rendered.html, rendered.headings, fields.title),
  )
  if (shifted !== undefined) {
    const line = split.bodyLine + (rendered.headingLines[shifted.index] ?? 1) - 1
    report(
      'HEADING_LEVEL_SHIFTED',
      { line, column: 1 },
      [],
      shifted.message,
      shifted.hint,
      'warning',
    )
  }
  const readingTime = computeReadingTime(rendered.words, rendered.cjkCharacters)
  const declared = parseReadTime(fields.read_time)
  if (declared !== undefined && isReadTimeFarOff(declared, readingTime.minutes)) {
    const rates = [
      readingTime.words > 0 || readingTime.cjkCharacters === 0
        ? `${WORDS_PER_MINUTE} words`
        : undefined,
      readingTime.cjkCharacters > 0 ? `${CJK_CHARACTERS_PER_MINUTE} CJK characters` : undefined,
    ].filter(Boolean)
    report(
      'READ_TIME_MISMATCH',
      split.locate(['read_time'], 'value'),
      ['read_time'],
      `"read_time" says ${declared} min, but the body's ${describeReadingAmount(readingTime)} take about ${readingTime.minutes} min to read (at ${rates.join(' and ')} a minute).`,
      `Set "read_time: '${readingTime.minutes} min read'", or remove the line to use the computed time.`,
      'warning',
    )
  }
  if (date !== undefined && updated !== undefined && updated < date) {
    report(
      'UPDATED_BEFORE_DATE',
      split.locate(['updated'], 'value'),
      ['updated'],
      `"updated" (${fields.updated}) is earlier than "date" (${fields.date}), so the article would change before it was published.`,
      'Check both dates; "updated" is when the article last changed after it was published.',
      'warning',
    )
  }

  const article = {
    ...fields,
    ...(tags && { tags: tags.tags }),
    ...(redirects && { redirect_from: redirects.redirects }),
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
  const references = rendered.references.map((reference) => ({
    ...reference,
    line: split.bodyLine + reference.line - 1,
  }))
  const cover = (fields as { image?: unknown }).image
  if (typeof cover === 'string' && isRelativeReference(cover)) {
    const at = split.locate(['image'], 'value')
    references.unshift({ kind: 'image', url: cover, ...at, field: 'image' })
  }
  return {
    article,
    problems,
    slugPosition,
    tagPositions: tags?.positions ?? [],
    redirectPositions: redirects?.positions ?? [],
    references,
  }
}

/** Checks the old slugs a schema gave; undefined when there are none. */
function readRedirects(
  value: unknown,
  slug: string,
  split: FrontmatterSplit,
  file: string,
  problems: Problem[],
) {
  if (!Array.isArray(value) || !value.every((old) => typeof old === 'string')) return undefined
  const items = split.locateItems('redirect_from')
  const checked = checkArticleRedirects(
    value,
    slug,
    (index) => items[index] ?? split.locate(['redirect_from', index], 'value'),
  )
  for (const problem of checked.problems) problems.push({ file, ...problem })
  return checked
}

/** Checks the tags a schema gave, reporting their problems; undefined when there are none. */
function readTags(value: unknown, split: FrontmatterSplit, file: string, problems: Problem[]) {
  // A custom schema may have no tags, or others than a list of text.
  if (!Array.isArray(value) || !value.every((tag) => typeof tag === 'string')) return undefined
  const items = split.locateItems('tags')
  const checked = checkArticleTags(
    value,
    (index) => items[index] ?? split.locate(['tags', index], 'value'),
  )
  for (const problem of checked.problems) problems.push({ file, ...problem })
  return checked
}

/**
 * Converts a frontmatter date to a UTC ISO 8601 timestamp: `2025-01-15` becomes
 * `2025-01-15T00:00:00.000Z`; a date-time with an offset is moved to UTC.
 * Throws a `RangeError` for text that is not a date.
 */
export function toIsoTimestamp(value: string): string {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value).toISOString()
}

function toIsoTimestampOrUndefined(value: unknown): string | undefined {
  try {
    return typeof value === 'string' || value instanceof Date
      ? toIsoTimestamp(value as string)
      : undefined
  } catch {
    return undefined
  }
}

function normaliseAuthors(fields: CoreFrontmatter): Author[] {
  const listed = fields.authors ?? (fields.author === undefined ? [] : [fields.author])
  return listed.map((author) => (typeof author === 'string' ? { name: author } : author))
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
