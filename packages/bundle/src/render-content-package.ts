import {
  type Article,
  articleSchema,
  assertZodSchema,
  type FrontmatterSchema,
  isSlug,
  type Site,
} from '@dawnpress/core'
import { compareStrings, sortArticles } from '@dawnpress/core/internal'
import type { z } from 'zod'
import { jsonExpression, toJson } from './module-text.ts'
import { renderArticleEntry, UNKNOWN_SLUG } from './render-article-entry.ts'
import { renderLists } from './render-lists.ts'
import { renderManifest } from './render-manifest.ts'
import { renderReadme } from './render-readme.ts'
import { GENERATED_HEADER, renderTypes } from './render-types.ts'
import { DEFAULT_PAGE_SIZE, toPages, toSummary, toTagLists } from './summaries.ts'

/** What a content package is made from. */
export interface ContentPackageOptions<S extends FrontmatterSchema = typeof articleSchema> {
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
  /**
   * Also write `package.json` and `README.md` with this name and version, for a package of
   * its own; without it, only `dist/` is written (for a package whose manifest you keep).
   */
  manifest?: { name: string; version: string } | undefined
  /**
   * How many articles a page of `loadPage` (entry `/pages`) and `loadTag` (entry `/tags`)
   * holds; the site's list pages hold as many by default.
   * @default 10
   */
  pageSize?: number | undefined
}

/** One file of a content package, with its path relative to the package folder. */
export interface GeneratedFile {
  path: string
  contents: string
}

/**
 * A typed, npm-publishable package of articles, as files: `dist/index.js` (ESM) and
 * `dist/index.cjs` (CommonJS) export `articles` (metadata, newest first, no bodies, no
 * drafts), `getArticle(slug)`, `loadArticle(slug)`, `hasArticle(value)` and `site`;
 * `dist/index.d.ts` and `.d.cts` type them, with `Slug` a union of the literal slugs and
 * the frontmatter printed from the schema. The light entries load only what a page shows:
 * `dist/summaries` (every article's `SUMMARY_FIELDS`), `dist/pages` (`loadPage(n)`),
 * `dist/tags` (`loadTag(tag, n)`, `Tag` a union of the tag slugs) and `dist/article`
 * (`loadArticle(slug)`), each from chunks of its own: `dist/pages/<n>`,
 * `dist/tags/<tag>/<n>` and `dist/articles/<slug>` (an article's metadata and body). The
 * data is written as it is, with no bundler: the same articles always give the same bytes,
 * sorted by path.
 *
 * Throws a `TypeError` for an article or tag whose slug is not a safe file name, an `Error`
 * when two articles share a slug (`loadCollection` never returns either), and a
 * `RangeError` for a `pageSize` that is not a whole number from 1.
 *
 * @example
 * for (const file of renderContentPackage({ articles, site })) await write(file.path, file.contents)
 */
export function renderContentPackage<S extends FrontmatterSchema = typeof articleSchema>(
  options: ContentPackageOptions<S>,
): GeneratedFile[] {
  if (options.schema !== undefined) {
    assertZodSchema(options.schema, 'The `schema` given to renderContentPackage')
  }
  const schema = options.schema ?? articleSchema
  const published = sortArticles(options.articles.filter((article) => !isDraft(article)))
  const slugs = published.map((article) => article.slug).sort(compareStrings)
  checkSlugs(slugs)
  const metadata = published.map(({ html: _html, ...meta }) => meta)
  // V8 parses a JSON string far faster than the same object literal, which counts at 10,000
  // articles; the data has no functions or dates (dates are already ISO strings).
  const data = {
    articles: jsonExpression(metadata, 'article metadata'),
    site: toJson(options.site, 'site settings', 2),
  }
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`The page size is a whole number from 1, not ${pageSize}.`)
  }
  const summaries = metadata.map((meta) => toSummary(meta))
  const pages = toPages(summaries, pageSize)
  const tags = toTagLists(summaries, pageSize)
  const types = `${renderTypes(
    schema,
    slugs,
    tags.map((tag) => tag.slug),
  )}\n${DECLARATIONS}`
  const files: GeneratedFile[] = [
    { path: 'dist/index.js', contents: renderIndex('esm', data) },
    { path: 'dist/index.cjs', contents: renderIndex('cjs', data) },
    { path: 'dist/index.d.ts', contents: types },
    { path: 'dist/index.d.cts', contents: types },
    ...renderArticleEntry(
      published.map((article, index) => ({ meta: metadata[index] ?? {}, html: article.html })),
      slugs,
    ),
    ...renderLists({ summaries, pages, tags, pageSize }),
  ]
  if (options.manifest) {
    files.push(
      { path: 'package.json', contents: renderManifest(options.manifest, options.site) },
      { path: 'README.md', contents: renderReadme(options.manifest.name, options.site, published) },
    )
  }
  return files.sort((a, b) => compareStrings(a.path, b.path))
}

/** The declarations of the API, after the types `renderTypes` prints. */
const DECLARATIONS = `/**
 * Every published article's metadata (frontmatter, slug, dates, reading time, excerpt,
 * headings), newest first. Bodies are not included: use \`loadArticle\` for the HTML.
 * Drafts are never part of the package.
 */
export declare const articles: readonly ArticleMeta[]

/** The publication's settings: title, description, base URL, language, author. */
export declare const site: Site

/**
 * True when \`value\` is the slug of an article in this package. Use it to narrow a string
 * that comes from outside (a URL, a CLI argument) before \`getArticle\` or \`loadArticle\`.
 *
 * @example
 * if (hasArticle(params.slug)) return getArticle(params.slug).title
 */
export declare function hasArticle(value: string): value is Slug

/**
 * The metadata of one article, synchronously. An unknown slug is a compile error in
 * TypeScript; at run time it throws a \`RangeError\`.
 *
 * @example
 * const { title, date } = getArticle('my-first-article')
 */
export declare function getArticle(slug: Slug): ArticleMeta

/**
 * The full article, with its body rendered to sanitised HTML in \`html\`. Each body is its
 * own module, loaded on first use; importing the package loads none of them.
 *
 * @example
 * const { title, html } = await loadArticle('my-first-article')
 */
export declare function loadArticle(slug: Slug): Promise<Article>
`

function renderIndex(format: 'esm' | 'cjs', data: { articles: string; site: string }): string {
  const esm = format === 'esm'
  // One switch rather than an object of 10,000 arrow functions: nothing is allocated at
  // import, V8 compiles the function on first use, and bundlers still see each literal import.
  const exported = (name: string) => (esm ? `export ${name}` : name)
  return [
    GENERATED_HEADER,
    esm ? '' : "'use strict'\n",
    `${exported('const')} articles = ${data.articles}`,
    '',
    `${exported('const')} site = ${data.site}`,
    '',
    'let bySlug',
    '',
    `${exported('function')} hasArticle(value) {`,
    '  bySlug ??= new Map(articles.map((article) => [article.slug, article]))',
    '  return bySlug.has(value)',
    '}',
    '',
    `${exported('function')} getArticle(slug) {`,
    '  const article = hasArticle(slug) ? bySlug.get(slug) : undefined',
    '  if (article === undefined) {',
    '    throw new RangeError(',
    `      ${UNKNOWN_SLUG},`,
    '    )',
    '  }',
    '  return article',
    '}',
    '',
    esm
      ? "export { loadArticle } from './article.js'"
      : "const { loadArticle } = require('./article.cjs')",
    ...(esm
      ? []
      : [
          '',
          'exports.articles = articles',
          'exports.site = site',
          'exports.hasArticle = hasArticle',
          'exports.getArticle = getArticle',
          'exports.loadArticle = loadArticle',
        ]),
    '',
  ].join('\n')
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
