import { assertZodSchema, siteSchema } from '@dawnpress/core'
import type { z } from 'zod'
import { GENERATED_HEADER } from './runtime-source.ts'
import {
  createTypePrinter,
  printProperty,
  singleQuoted,
  type TypeProperty,
  toOutputJsonSchema,
} from './schema-types.ts'

/** Fields dawnpress computes for every article; they replace frontmatter fields of the same name. */
const COMPUTED: TypeProperty[] = [
  computed('slug', 'Slug', 'URL- and file-safe identifier of the article.'),
  computed('path', 'string', 'The source file, relative to the collection folder.'),
  computed(
    'headings',
    'Heading[]',
    'Headings in document order, with the ids they carry in `html`.',
  ),
  computed('excerpt', 'string', 'Plain text of the opening paragraphs, cut at a word boundary.'),
  computed('readingTime', 'ReadingTime', 'How long the body takes to read.'),
  computed(
    'date',
    'string | undefined',
    'Publication date as an ISO 8601 UTC timestamp (`2025-01-15T00:00:00.000Z`); pass it to `new Date()` for a Date.',
  ),
  computed(
    'updated',
    'string | undefined',
    'Date of the last update as an ISO 8601 UTC timestamp, when given.',
  ),
  computed('authors', 'Author[]', 'The credited authors, in credit order; empty when none.'),
]

/** Keys an article's metadata never takes from the frontmatter. */
const COMPUTED_KEYS = [...COMPUTED.map((field) => field.name), 'html']

/** What the core schema's fields mean, for schemas that carry no `.describe()` text. */
const FIELD_DOCS: Record<string, string> = {
  title: 'The headline.',
  description: 'One or two sentences that summarise the article.',
  read_time: 'The author\'s own estimate, as "N min read".',
  author: 'The author as written in the frontmatter; `authors` has them normalised.',
  tags: 'Topics of the article.',
  draft: 'Drafts are checked but never published, so this is false in a bundle.',
  image: 'A cover image: an absolute URL or a path on the site.',
  lang: 'BCP 47 language tag when it differs from the site language.',
  date: 'The date as written; `ArticleMeta.date` has it as an ISO 8601 UTC timestamp.',
  updated: 'As written; `ArticleMeta.updated` has it as an ISO 8601 UTC timestamp.',
  authors: 'As written; `ArticleMeta.authors` has them normalised to objects.',
  slug: 'The slug set by hand, when there is one.',
}

/** What the site settings mean (`siteSchema` carries no `.describe()` text). */
const SITE_DOCS: Record<string, string> = {
  title: "The publication's name.",
  description: 'What the publication is about, in a sentence.',
  url: 'The absolute base URL the site is served from.',
  language: 'BCP 47 language tag of the publication.',
  author: 'Credited when an article names no author.',
  copyright: 'Copyright line.',
  card: 'Colours and logo of the social cards.',
}

/**
 * The `types.ts` of a content package: `Slug` as a union of the literal slugs, the
 * frontmatter type printed from the collection's schema (so an extended schema's fields
 * appear), and `ArticleMeta`, `Article` and `Site` built from them. Throws a `TypeError` for
 * a schema that is not a zod 4 schema.
 */
export function renderTypes(schema: z.ZodType, slugs: readonly string[]): string {
  assertZodSchema(schema, 'The schema given to renderTypes')
  const root = toOutputJsonSchema(schema)
  const printer = createTypePrinter(root, 'Frontmatter')
  const fields = printer.properties(root)?.map((field) => ({
    ...field,
    description: field.description ?? FIELD_DOCS[field.name],
  }))
  const siteRoot = toOutputJsonSchema(siteSchema)
  const sitePrinter = createTypePrinter(siteRoot, 'Site')
  const siteFields = (sitePrinter.properties(siteRoot) ?? []).map((field) => ({
    ...field,
    description: field.description ?? SITE_DOCS[field.name],
  }))

  const parts = [
    GENERATED_HEADER,
    '',
    '/** The slug of every article in this package; any other string is a compile error. */',
    `export type Slug =${slugs.length === 0 ? ' never' : slugs.map((slug) => `\n  | ${singleQuoted(slug)}`).join('')}`,
    '',
    '/** A person credited for an article. */',
    'export interface Author {',
    '  name: string',
    '  url?: string | undefined',
    '  email?: string | undefined',
    '}',
    '',
    '/** A heading of an article body. */',
    'export interface Heading {',
    '  /** 1 for `#`, up to 6 for `######`. */',
    '  depth: 1 | 2 | 3 | 4 | 5 | 6',
    '  /** The heading as plain text. */',
    '  text: string',
    '  /** The `id` the heading carries in `html`. */',
    '  id: string',
    '}',
    '',
    '/** How long an article takes to read, at 200 words a minute. */',
    'export interface ReadingTime {',
    '  minutes: number',
    '  words: number',
    '}',
    '',
  ]

  if (fields) {
    const kept = fields.filter((field) => !COMPUTED_KEYS.includes(field.name))
    parts.push(
      "/** The frontmatter of an article, as the collection's schema outputs it. */",
      `export interface Frontmatter ${objectBody(fields)}`,
      '',
      '/**',
      ' * An article without its body: the frontmatter and what dawnpress computed. Dates are',
      ' * ISO 8601 UTC strings, which survive JSON and both module systems.',
      ' */',
      `export interface ArticleMeta ${objectBody([...kept, ...COMPUTED])}`,
      '',
      '/** A full article: its metadata and its body rendered to sanitised HTML. */',
      'export interface Article extends ArticleMeta {',
      '  html: string',
      '}',
    )
  } else {
    // A schema that is not a plain object (a union, an intersection) cannot be flattened.
    parts.push(
      "/** The frontmatter of an article, as the collection's schema outputs it. */",
      `export type Frontmatter = ${printer.print(root)}`,
      '',
      '/** What dawnpress computes for every article. */',
      `export interface ArticleComputed ${objectBody(COMPUTED)}`,
      '',
      '/** Omits per member of a union, so that narrowing on a field still works. */',
      `type WithoutComputed<T> = T extends unknown ? Omit<T, ${COMPUTED_KEYS.map(singleQuoted).join(' | ')}> : never`,
      '',
      '/** An article without its body. Dates are ISO 8601 UTC strings. */',
      'export type ArticleMeta = WithoutComputed<Frontmatter> & ArticleComputed',
      '',
      '/** A full article: its metadata and its body rendered to sanitised HTML. */',
      'export type Article = ArticleMeta & { html: string }',
    )
  }
  parts.push(
    '',
    "/** The publication's settings (`site.json`). */",
    `export interface Site ${objectBody(siteFields)}`,
  )
  const definitions = [...printer.definitions(), ...sitePrinter.definitions()]
  if (definitions.length > 0) parts.push('', ...definitions.map((line) => `export ${line}`))
  return `${parts.join('\n')}\n`
}

function objectBody(properties: readonly TypeProperty[]): string {
  return `{\n${properties.map((property) => printProperty(property, 1)).join('\n')}\n}`
}

function computed(name: string, type: string, description: string): TypeProperty {
  return { name, type, optional: false, description }
}
