import {
  type Article,
  articleSchema,
  assertZodSchema,
  compareStrings,
  type FrontmatterSchema,
  isSlug,
  type Site,
  sortArticles,
} from '@dawnpress/core'
import type { z } from 'zod'
import { renderTypes } from './render-types.ts'
import { DATA_DECLARATIONS, GENERATED_HEADER, INDEX_SOURCE } from './runtime-source.ts'

/** What a content package is made from. */
export interface ContentSourcesOptions<S extends FrontmatterSchema = typeof articleSchema> {
  /** The articles, as `loadCollection` returns them. Drafts among them are left out. */
  articles: readonly Article<z.output<S>>[]
  /** The publication's settings, as `loadSite` returns them. */
  site: Site
  /**
   * The schema the collection uses. The package's `Frontmatter`, `ArticleMeta` and
   * `Article` types are printed from it, so the fields of an extended schema appear.
   * @default articleSchema
   */
  schema?: S
}

/** One file of a content package's sources, with its path relative to the output folder. */
export interface GeneratedFile {
  path: string
  contents: string
}

/**
 * The sources of a content package, as data: `index.ts` (the API), `types.ts`, `data.js`
 * with the metadata of every published article (newest first) and `bodies/<slug>.js`, one
 * module per article body, imported only by `loadArticle`. Pure and deterministic: the same
 * articles give the same files, sorted by path.
 *
 * Throws a `TypeError` for an article whose slug is not a safe file name or a `schema` that is
 * not a zod 4 schema, and an `Error` when two articles share a slug (`loadCollection` never
 * returns either).
 */
export function renderContentSources<S extends FrontmatterSchema = typeof articleSchema>(
  options: ContentSourcesOptions<S>,
): GeneratedFile[] {
  if (options.schema !== undefined) {
    assertZodSchema(options.schema, 'The `schema` given to renderContentSources')
  }
  const schema = options.schema ?? articleSchema
  const published = sortArticles(options.articles.filter((article) => !isDraft(article)))
  const slugs = published.map((article) => article.slug).sort(compareStrings)
  checkSlugs(slugs)

  const metadata = published.map(({ html: _html, ...meta }) => meta)
  const files: GeneratedFile[] = [
    { path: 'index.ts', contents: INDEX_SOURCE },
    { path: 'types.ts', contents: renderTypes(schema, slugs) },
    { path: 'data.d.ts', contents: DATA_DECLARATIONS },
    { path: 'data.js', contents: renderData(metadata, options.site, slugs) },
    ...published.map((article) => ({
      path: `bodies/${article.slug}.js`,
      contents: `${GENERATED_HEADER}\nexport const html = ${JSON.stringify(article.html)}\n`,
    })),
  ]
  return files.sort((a, b) => compareStrings(a.path, b.path))
}

function renderData(metadata: object[], site: Site, slugs: readonly string[]): string {
  // V8 parses a JSON string far faster than the same object literal, which counts at 10,000
  // articles; the data has no functions or dates (dates are already ISO strings).
  const articles = toJson(metadata, 'article metadata')
  // One switch rather than an object of 10,000 arrow functions: nothing is allocated at import,
  // V8 compiles the function on first use, and bundlers still see each literal import().
  const cases = slugs.map(
    (slug) => `    case '${slug}':\n      return import('./bodies/${slug}.js')`,
  )
  return [
    GENERATED_HEADER,
    `export const articles = JSON.parse(${JSON.stringify(articles)})`,
    '',
    `export const site = ${toJson(site, 'site settings', 2)}`,
    '',
    'export function loadBody(slug) {',
    '  switch (slug) {',
    ...cases,
    '    default:',
    "      return Promise.reject(new RangeError('No article has the slug ' + JSON.stringify(slug) + '.'))",
    '  }',
    '}',
    '',
  ].join('\n')
}

function toJson(value: unknown, what: string, indent?: number): string {
  try {
    return JSON.stringify(value, undefined, indent)
  } catch (cause) {
    throw new TypeError(
      `The ${what} cannot be written as JSON: ${(cause as Error).message}. Map such values (a BigInt, a cycle) to plain data in the schema.`,
      { cause },
    )
  }
}

function isDraft(article: object): boolean {
  return (article as { draft?: unknown }).draft === true
}

function checkSlugs(sorted: readonly string[]): void {
  for (const [index, slug] of sorted.entries()) {
    if (!isSlug(slug)) {
      throw new TypeError(
        `The slug ${JSON.stringify(slug)} is not a safe file name. Load the articles with loadCollection, which gives every article a valid slug.`,
      )
    }
    if (sorted[index + 1] === slug) {
      throw new Error(
        `Two articles have the slug "${slug}". Give one of them another slug; loadCollection reports this as SLUG_DUPLICATE.`,
      )
    }
  }
}
