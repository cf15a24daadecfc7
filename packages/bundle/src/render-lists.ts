import {
  exportKeyword,
  extensionOf,
  jsonExpression,
  lazyImport,
  type ModuleFormat,
  renderDataModule,
  renderModule,
} from './module-text.ts'
import type { GeneratedFile } from './render-content-package.ts'
import type { ListPage, Summary, TagList } from './summaries.ts'

/** What the light entries are made from: the summaries, newest first, and their lists. */
export interface Lists {
  summaries: readonly Summary[]
  pages: readonly ListPage[]
  tags: readonly TagList[]
  pageSize: number
}

const FORMATS: readonly ModuleFormat[] = ['esm', 'cjs']

/**
 * The entries `summaries`, `pages` and `tags` in both formats, their declarations, and one
 * chunk per page of the list of articles (`dist/pages/<n>`) and of each tag
 * (`dist/tags/<tag>/<n>`), each loaded only by `loadPage` or `loadTag`.
 */
export function renderLists(lists: Lists): GeneratedFile[] {
  const files: GeneratedFile[] = []
  for (const format of FORMATS) {
    const ext = extensionOf(format)
    files.push(
      {
        path: `dist/summaries.${ext}`,
        contents: renderModule(
          format,
          [renderDataModule(format, { summaries: lists.summaries })],
          [],
        ),
      },
      { path: `dist/pages.${ext}`, contents: renderPagesEntry(format, lists) },
      { path: `dist/tags.${ext}`, contents: renderTagsEntry(format, lists) },
    )
    for (const page of lists.pages) {
      files.push({
        path: `dist/pages/${page.page}.${ext}`,
        contents: renderDataModule(format, { articles: page.articles }),
      })
    }
    for (const tag of lists.tags) {
      for (const page of tag.pages) {
        files.push({
          path: `dist/tags/${tag.slug}/${page.page}.${ext}`,
          contents: renderDataModule(format, { articles: page.articles }),
        })
      }
    }
  }
  for (const [types, index] of [
    ['d.ts', './index.js'],
    ['d.cts', './index.cjs'],
  ] as const) {
    files.push(
      { path: `dist/summaries.${types}`, contents: summariesDeclarations(index) },
      { path: `dist/pages.${types}`, contents: pagesDeclarations(index) },
      { path: `dist/tags.${types}`, contents: tagsDeclarations(index) },
    )
  }
  return files
}

/** `RangeError` unless `page` is a whole number within the list's pages. */
const CHECK_PAGE = [
  'function checkPage(page, pageCount, list) {',
  '  if (!Number.isInteger(page) || page < 1 || page > pageCount) {',
  '    throw new RangeError(',
  "      'There is no page ' + JSON.stringify(page) + ' of ' + list + ': pages go from 1 to ' + pageCount + '.',",
  '    )',
  '  }',
  '}',
]

function renderPagesEntry(format: ModuleFormat, lists: Lists): string {
  const ext = extensionOf(format)
  const out = exportKeyword(format)
  const cases = lists.pages.map(
    (page) =>
      `    case ${page.page}:\n      return ${lazyImport(format, `./pages/${page.page}.${ext}`)}`,
  )
  return renderModule(
    format,
    [
      `${out}const PAGE_SIZE = ${lists.pageSize}`,
      '',
      `${out}const pageCount = ${lists.pages.length}`,
      '',
      `${out}const total = ${lists.summaries.length}`,
      '',
      `${out}async function loadPage(page) {`,
      "  checkPage(page, pageCount, 'the articles')",
      '  const { articles } = await loadChunk(page)',
      '  return { page, pageCount, total, articles }',
      '}',
      '',
      ...CHECK_PAGE,
      '',
      'function loadChunk(page) {',
      '  switch (page) {',
      ...cases,
      '  }',
      '}',
    ],
    ['PAGE_SIZE', 'pageCount', 'total', 'loadPage'],
  )
}

function renderTagsEntry(format: ModuleFormat, lists: Lists): string {
  const ext = extensionOf(format)
  const out = exportKeyword(format)
  const summaries = lists.tags.map((tag) => ({
    slug: tag.slug,
    name: tag.name,
    count: tag.count,
    pageCount: tag.pages.length,
  }))
  // A function per page, created only when the tag is asked for: nothing is allocated at
  // import, and bundlers still see each literal import.
  const cases = lists.tags.map((tag) => {
    const loaders = tag.pages.map(
      (page) => `() => ${lazyImport(format, `./tags/${tag.slug}/${page.page}.${ext}`)}`,
    )
    return `    case ${JSON.stringify(tag.slug)}:\n      return [${loaders.join(', ')}]`
  })
  return renderModule(
    format,
    [
      `${out}const PAGE_SIZE = ${lists.pageSize}`,
      '',
      `${out}const tags = ${jsonExpression(summaries, 'tags')}`,
      '',
      `${out}function hasTag(value) {`,
      '  return chunksOf(value) !== undefined',
      '}',
      '',
      `${out}async function loadTag(tag, page = 1) {`,
      '  const chunks = chunksOf(tag)',
      '  if (chunks === undefined) {',
      '    throw new RangeError(',
      "      'No tag has the slug ' + JSON.stringify(tag) + '. Check the tag, or narrow a string with hasTag() first.',",
      '    )',
      '  }',
      "  checkPage(page, chunks.length, 'the tag ' + JSON.stringify(tag))",
      '  const { articles } = await chunks[page - 1]()',
      '  const summary = tags.find((candidate) => candidate.slug === tag)',
      '  return { tag: summary, page, pageCount: chunks.length, total: summary.count, articles }',
      '}',
      '',
      ...CHECK_PAGE,
      '',
      'function chunksOf(tag) {',
      '  switch (tag) {',
      ...cases,
      '    default:',
      '      return undefined',
      '  }',
      '}',
    ],
    ['PAGE_SIZE', 'tags', 'hasTag', 'loadTag'],
  )
}

function summariesDeclarations(index: string): string {
  return `import type { ArticleSummary } from '${index}'

export type { ArticleSummary, Slug } from '${index}'

/**
 * Every published article's summary (\`slug\`, \`title\`, \`description\`, \`date\`,
 * \`updated\`, \`tags\`, \`readingTime\`), newest first: about a third of \`articles\` of the
 * main entry, for an archive or a client-side search. For the latest few, \`loadPage\` of
 * \`/pages\` loads less.
 *
 * @example
 * import { summaries } from 'my-content/summaries'
 * const titles = summaries.map((article) => article.title)
 */
export declare const summaries: readonly ArticleSummary[]
`
}

function pagesDeclarations(index: string): string {
  return `import type { SummaryPage } from '${index}'

export type { ArticleSummary, SummaryPage } from '${index}'

/**
 * How many articles a page holds (the last may hold fewer).
 * @default 10
 */
export declare const PAGE_SIZE: number

/** How many pages the list of articles takes: at least 1, which is empty when there are none. */
export declare const pageCount: number

/** How many published articles there are. */
export declare const total: number

/**
 * One page of the list of every article, newest first, as summaries; each page is its own
 * chunk, loaded on demand. A page that is not a whole number from 1 to \`pageCount\` rejects
 * with a \`RangeError\`.
 *
 * @example
 * const { articles, pageCount } = await loadPage(1) // the latest PAGE_SIZE articles
 */
export declare function loadPage(page: number): Promise<SummaryPage>
`
}

function tagsDeclarations(index: string): string {
  return `import type { Tag, TagPage, TagSummary } from '${index}'

export type { ArticleSummary, Tag, TagPage, TagSummary } from '${index}'

/**
 * How many articles a page of a tag holds (the last may hold fewer).
 * @default 10
 */
export declare const PAGE_SIZE: number

/** Every tag, sorted by slug, with its most used spelling and how many articles carry it. */
export declare const tags: readonly TagSummary[]

/**
 * True when \`value\` is the slug of a tag here. Use it to narrow a string from a URL before
 * \`loadTag\`.
 *
 * @example
 * if (hasTag(params.tag)) return loadTag(params.tag)
 */
export declare function hasTag(value: string): value is Tag

/**
 * One page of the articles that carry a tag, newest first, as summaries; each page is its
 * own chunk. An unknown tag is a compile error (a \`RangeError\` at run time), and so at run
 * time is a page that is not a whole number from 1 to the tag's \`pageCount\`.
 *
 * @default page 1
 * @example
 * const { tag, articles } = await loadTag('machine-learning')
 */
export declare function loadTag(tag: Tag, page?: number): Promise<TagPage>
`
}
