import {
  exportKeyword,
  extensionOf,
  jsonExpression,
  lazyImport,
  type ModuleFormat,
  renderModule,
} from './module-text.ts'
import type { GeneratedFile } from './render-content-package.ts'

const FORMATS: readonly ModuleFormat[] = ['esm', 'cjs']

/** The message of the `RangeError` for a slug no article has, shared by both entries. */
export const UNKNOWN_SLUG =
  "'No article has the slug ' + JSON.stringify(slug) + '. Check the slug, or narrow a string with hasArticle() first.'"

/**
 * The `article` entry in both formats and its declarations, and one chunk per article and
 * format in `dist/articles/<slug>` that carries its metadata (`meta`) and its body (`html`):
 * an article page loads the entry (a `switch` of the slugs) and one chunk, never the index.
 * The main entry's `loadArticle` is this one.
 */
export function renderArticleEntry(
  articles: readonly { meta: Record<string, unknown>; html: string }[],
  slugs: readonly string[],
): GeneratedFile[] {
  const files: GeneratedFile[] = []
  for (const format of FORMATS) {
    const ext = extensionOf(format)
    files.push({ path: `dist/article.${ext}`, contents: renderEntry(format, slugs) })
    for (const { meta, html } of articles) {
      const body = JSON.stringify(html)
      const data = jsonExpression(meta, 'article metadata')
      files.push({
        path: `dist/articles/${meta.slug as string}.${ext}`,
        contents:
          format === 'esm'
            ? `export const meta = ${data}\nexport const html = ${body}\n`
            : `exports.meta = ${data}\nexports.html = ${body}\n`,
      })
    }
  }
  files.push(
    { path: 'dist/article.d.ts', contents: declarations('./index.js') },
    { path: 'dist/article.d.cts', contents: declarations('./index.cjs') },
  )
  return files
}

function renderEntry(format: ModuleFormat, slugs: readonly string[]): string {
  const ext = extensionOf(format)
  const out = exportKeyword(format)
  // One switch rather than an object of 10,000 arrow functions: nothing is allocated at
  // import, V8 compiles the function on first use, and bundlers still see each literal import.
  const cases = slugs.map(
    (slug) =>
      `    case ${JSON.stringify(slug)}:\n      return () => ${lazyImport(format, `./articles/${slug}.${ext}`)}`,
  )
  return renderModule(
    format,
    [
      `${out}function hasArticle(value) {`,
      '  return chunkOf(value) !== undefined',
      '}',
      '',
      `${out}async function loadArticle(slug) {`,
      '  const load = chunkOf(slug)',
      `  if (load === undefined) throw new RangeError(${UNKNOWN_SLUG})`,
      '  const { meta, html } = await load()',
      '  return { ...meta, html }',
      '}',
      '',
      'function chunkOf(slug) {',
      '  switch (slug) {',
      ...cases,
      '    default:',
      '      return undefined',
      '  }',
      '}',
    ],
    ['hasArticle', 'loadArticle'],
  )
}

function declarations(index: string): string {
  return `import type { Article, Slug } from '${index}'

export type { Article, ArticleMeta, Slug } from '${index}'

/**
 * True when \`value\` is the slug of an article in this package; narrows a string from a URL
 * before \`loadArticle\`. Costs no index: it asks the same \`switch\` that loads the chunks.
 *
 * @example
 * if (hasArticle(params.slug)) return loadArticle(params.slug)
 */
export declare function hasArticle(value: string): value is Slug

/**
 * One article, metadata and body (sanitised HTML in \`html\`), from its own chunk: what an
 * article page needs, without the metadata of every other article. An unknown slug is a
 * compile error (a \`RangeError\` at run time).
 *
 * @example
 * const { title, date, html } = await loadArticle('my-first-article')
 */
export declare function loadArticle(slug: Slug): Promise<Article>
`
}
