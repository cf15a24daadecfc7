import { z } from 'zod'
import { isLanguageTag } from './language.ts'
import { isSlug } from './slug.ts'
import { MAX_TAG_LENGTH } from './tags.ts'

const READ_TIME = /^\d+ min read$/

const MONTHS =
  'January February March April May June July August September October November December'
const EXPECTED_DATE =
  'expected a date like 2025-01-15, or a date and time with an offset like 2025-01-15T09:30:00Z.'

/** Why a value is not a date, in words: a day missing from the calendar is named as such. */
function explainBadDate(input: unknown): string {
  const match = typeof input === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(input) : null
  if (!match) return EXPECTED_DATE
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number]
  const monthName = MONTHS.split(' ')[month - 1]
  if (!monthName) return `${match[0]} has no month ${month}; ${EXPECTED_DATE}`
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day < 1 || day > days) {
    return `${match[0]} is not a day of the calendar: ${monthName} ${year} has ${days} days.`
  }
  return EXPECTED_DATE
}

/** A date as authors write it: `2025-01-15`, or a full ISO 8601 date-time with an offset. */
export const dateSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: (issue) => explainBadDate(issue.input),
})

/**
 * An X (Twitter) handle, as `twitter:site` and `twitter:creator` name an account: `@` and
 * 1 to 15 letters, digits or underscores.
 */
export const twitterHandleSchema = z.string().regex(/^@[A-Za-z0-9_]{1,15}$/, {
  error:
    'Expected an X (Twitter) handle: "@" and up to 15 letters, digits or "_", such as "@dawn".',
})

/**
 * A person credited for an article: a plain name, or a name with a URL, e-mail and X
 * (Twitter) handle (`twitter:creator` of the article's page).
 */
export const authorSchema = z.union([
  z.string().trim().min(1),
  z.strictObject({
    name: z.string().trim().min(1),
    url: z.url().optional(),
    email: z.email().optional(),
    twitter: twitterHandleSchema.optional(),
  }),
])

/**
 * A BCP 47 language tag (see `isLanguageTag`): `en`, `en-GB`, `pt-BR`, not `English` or
 * `en_US`, which feed readers and validators refuse.
 */
function languageTagSchema() {
  return z.string().refine(isLanguageTag, {
    error: (issue) =>
      typeof issue.input === 'string' && issue.input.includes('_')
        ? 'Expected a BCP 47 language tag, whose parts are joined with "-", such as "en-US".'
        : 'Expected a BCP 47 language tag such as "en" or "pt-BR", not a language name.',
  })
}

/**
 * A slug an author may set by hand: a slug by the same rule `slugify` follows (see
 * `isSlug`): lowercase letters of any script, digits and single hyphens, at most 200 bytes,
 * so that it is safe as a file name and a URL segment on every platform (no `/`, `\\`,
 * `..`, dots, spaces or invisible characters).
 */
export const slugSchema = z.string().refine(isSlug, {
  error:
    'A slug may only hold lowercase letters, digits and single hyphens, at most 200 bytes (no "/", "..", dots or spaces).',
})

/**
 * The frontmatter of an article. This schema is the source of truth: every type in the SDK
 * is inferred from it. Extend it for your own fields:
 *
 * @example
 * const schema = articleSchema.extend({ series: z.string().optional() })
 * const blog = defineCollection({ directory: 'content/articles', schema })
 */
export const articleSchema = z.object({
  /** The headline. */
  title: z.string().trim().min(1, { error: 'The title must not be empty.' }).max(300),
  /** One or two sentences that summarise the article; used in feeds, cards and meta tags. */
  description: z.string().trim().min(1, { error: 'The description must not be empty.' }),
  /** The author's own estimate, as "N min read". dawnpress also computes `readingTime`. */
  read_time: z
    .string()
    .regex(READ_TIME, { error: 'Expected "N min read", for example "4 min read".' })
    .optional(),
  /** First publication date. Falls back to the date of the commit that added the file. */
  date: dateSchema.optional(),
  /** Date of the last significant change. */
  updated: dateSchema.optional(),
  /** The article's author, when there is one. */
  author: authorSchema.optional(),
  /** Several authors, in credit order. */
  authors: z.array(authorSchema).min(1).optional(),
  /**
   * Topics; each gets its own page and feeds, at `tags/<slug>/` (`slugifyTag`). At most
   * `MAX_TAGS_PER_ARTICLE` (20), each at most `MAX_TAG_LENGTH` (60) characters.
   */
  tags: z.array(z.string().trim().min(1).max(MAX_TAG_LENGTH)).default([]),
  /** Drafts are checked but never published. @default false */
  draft: z.boolean().default(false),
  /** Overrides the slug derived from the file name. */
  slug: slugSchema.optional(),
  /** A cover image: an absolute URL or a path on the site. */
  image: z.string().trim().min(1).optional(),
  /** BCP 47 language tag when it differs from the site's, such as `fr` or `pt-BR`. */
  lang: languageTagSchema().optional(),
  /**
   * The article's earlier slugs, oldest first, after a rename: each old page redirects to
   * the article, and feeds keep the id the article had under the first one, so readers do
   * not see it twice. Each must be a slug no other article has or redirects from.
   * @example ['old-name']
   */
  redirect_from: z.array(slugSchema).max(100).optional(),
})

/** Any zod object schema that accepts at least the fields dawnpress itself reads. */
export type ArticleSchema = z.ZodType<z.output<typeof articleSchema>, z.input<typeof articleSchema>>

/** The validated frontmatter of an article using the default schema. */
export type ArticleFrontmatter = z.output<typeof articleSchema>

/** An author after normalisation: always an object with a name. */
export interface Author {
  name: string
  url?: string | undefined
  email?: string | undefined
  /** An X (Twitter) handle, such as `@ada`. */
  twitter?: string | undefined
}

const colorSchema = z.string().regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, {
  error: 'Expected a hex colour such as "#0b1020".',
})

/**
 * The publication's settings (`content/site.json`).
 *
 * @example
 * { "title": "Dawn", "description": "Essays on AI", "url": "https://dawn.example",
 *   "language": "en", "author": { "name": "Ada" } }
 */
export const siteSchema = z.strictObject({
  /** The publication's name. */
  title: z.string().trim().min(1),
  /** What the publication is about, in a sentence. */
  description: z.string().trim().min(1),
  /** The absolute base URL the site is served from, such as `https://dawn.example/`. */
  url: z.url({ protocol: /^https?$/, error: 'Expected an absolute http(s) URL.' }),
  /** BCP 47 language tag of the publication, such as `en` or `en-GB`. @default "en" */
  language: languageTagSchema().default('en'),
  /** Credited when an article names no author. */
  author: z.strictObject({
    name: z.string().trim().min(1),
    url: z.url().optional(),
    email: z.email().optional(),
    twitter: twitterHandleSchema.optional(),
  }),
  /** Copyright line for feeds. */
  copyright: z.string().optional(),
  /** The publication's X (Twitter) account, for `twitter:site`, such as `@dawn`. */
  twitter: twitterHandleSchema.optional(),
  /** Social card look. */
  card: z
    .strictObject({
      background: colorSchema.optional(),
      foreground: colorSchema.optional(),
      accent: colorSchema.optional(),
      /** Path of a PNG or SVG logo, relative to the site config file. */
      logo: z.string().optional(),
    })
    .default({}),
})

/** The validated site settings. */
export type Site = z.output<typeof siteSchema>
