import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extendedSchema, loadFixture } from '../test/fixture.ts'
import { runInBothFormats, writeTree } from '../test/generated-tree.ts'
import { typeCheck } from '../test/type-check.ts'
import { type GeneratedFile, renderContentPackage } from './render-content-package.ts'
import { SUMMARY_FIELDS } from './summaries.ts'

let temp: string
let files: GeneratedFile[]

// Five dated articles made from the fixture's, with tags in two spellings, at two a page.
const TAGS = [
  ['Machine Learning', 'dawn'],
  ['machine learning'],
  [],
  ['Machine Learning'],
  ['dawn'],
]

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'dawnpress-light-'))
  const fixture = await loadFixture()
  const model = fixture.articles.find((article) => article.slug === 'first-light')
  if (!model) throw new Error('the fixture has no first-light')
  const articles = TAGS.map((tags, index) => ({
    ...model,
    slug: `post-${index + 1}`,
    title: `Post ${index + 1}`,
    tags,
    date: `2025-0${index + 1}-01T00:00:00.000Z`,
    // A fixed body, so that a test can tell which chunk was loaded.
    html: `<p>BODY-${index + 1}</p>` as typeof model.html,
  }))
  files = renderContentPackage({ ...fixture, articles, schema: extendedSchema, pageSize: 2 })
})

afterAll(async () => {
  await rm(temp, { recursive: true, force: true })
})

describe('the light entries', () => {
  it('page the articles newest first, and each tag by its slug, the same in ESM and CJS', async () => {
    const dir = await writeTree(join(temp, 'lists'), files)
    const { esm, cjs } = runInBothFormats(
      dir,
      `const pages = await load('pages')
      const tags = await load('tags')
      const slugs = (page) => page.articles.map((article) => article.slug)
      const tag = await tags.loadTag('machine-learning', 2)
      return {
        size: pages.PAGE_SIZE,
        pageCount: pages.pageCount,
        total: pages.total,
        pages: [slugs(await pages.loadPage(1)), slugs(await pages.loadPage(2)), slugs(await pages.loadPage(3))],
        keys: Object.keys((await pages.loadPage(1)).articles[0]),
        tags: tags.tags,
        tag: { ...tag, articles: slugs(tag) },
        has: [tags.hasTag('dawn'), tags.hasTag('Machine Learning'), tags.hasTag('constructor')],
      }`,
    )
    expect(cjs).toEqual(esm)
    expect(esm).toEqual({
      size: 2,
      pageCount: 3,
      total: 5,
      pages: [['post-5', 'post-4'], ['post-3', 'post-2'], ['post-1']],
      keys: SUMMARY_FIELDS.filter((field) => field !== 'updated'),
      tags: [
        { slug: 'dawn', name: 'dawn', count: 2, pageCount: 1 },
        { slug: 'machine-learning', name: 'Machine Learning', count: 3, pageCount: 2 },
      ],
      tag: {
        tag: { slug: 'machine-learning', name: 'Machine Learning', count: 3, pageCount: 2 },
        page: 2,
        pageCount: 2,
        total: 3,
        articles: ['post-1'],
      },
      has: [true, false, false],
    })
  })

  it('reject a page or a tag that does not exist with a RangeError', async () => {
    const dir = await writeTree(join(temp, 'errors'), files)
    const { esm, cjs } = runInBothFormats(
      dir,
      `const pages = await load('pages')
      const tags = await load('tags')
      const article = await load('article')
      const rejects = (promise) => promise.then(() => 'resolved', (error) => error.name)
      return Promise.all([
        rejects(pages.loadPage(0)), rejects(pages.loadPage(4)), rejects(pages.loadPage(1.5)),
        rejects(pages.loadPage('1')), rejects(tags.loadTag('nope')), rejects(tags.loadTag('dawn', 2)),
        rejects(article.loadArticle('nope')),
      ])`,
    )
    expect(cjs).toEqual(esm)
    expect(esm).toEqual(Array(7).fill('RangeError'))
  })

  it('load an article, metadata and body, from the article entry as the main entry does', async () => {
    const dir = await writeTree(join(temp, 'article'), files)
    const { esm, cjs } = runInBothFormats(
      dir,
      `const entry = await load('article')
      const index = await load('index')
      return {
        article: await entry.loadArticle('post-2'),
        same: await index.loadArticle('post-2'),
        has: [entry.hasArticle('post-2'), entry.hasArticle('nope'), entry.hasArticle('toString')],
      }`,
    )
    expect(cjs).toEqual(esm)
    const { article, same, has } = esm as Record<string, unknown>
    expect(article).toEqual(same)
    expect(article).toMatchObject({ slug: 'post-2', title: 'Post 2', html: '<p>BODY-2</p>' })
    expect(has).toEqual([true, false, false])
  })

  it('evaluate neither the index nor any body on import (both replaced by modules that throw)', async () => {
    const dir = await writeTree(join(temp, 'throwing'), files)
    const thrower = (what: string) => `throw new Error(${JSON.stringify(`${what} evaluated`)})\n`
    await writeFile(join(dir, 'dist/index.js'), thrower('index'))
    await writeFile(join(dir, 'dist/index.cjs'), thrower('index'))
    const { esm, cjs } = runInBothFormats(
      dir,
      `const pages = await load('pages')
      const tags = await load('tags')
      const { summaries } = await load('summaries')
      const { loadArticle } = await load('article')
      return {
        page: (await pages.loadPage(1)).articles.length,
        tag: (await tags.loadTag('dawn')).articles.length,
        summaries: summaries.length,
        article: (await loadArticle('post-1')).html,
      }`,
    )
    expect(cjs).toEqual(esm)
    expect(esm).toEqual({ page: 2, tag: 2, summaries: 5, article: '<p>BODY-1</p>' })

    for (const name of await readdir(join(dir, 'dist/articles'))) {
      await writeFile(join(dir, 'dist/articles', name), thrower('body'))
    }
    const bodies = runInBothFormats(
      dir,
      `const pages = await load('pages')
      const { loadArticle } = await load('article')
      return {
        page: (await pages.loadPage(3)).articles.length,
        article: await loadArticle('post-1').then(() => 'resolved', (error) => error.message),
      }`,
    )
    expect(bodies.cjs).toEqual(bodies.esm)
    expect(bodies.esm).toEqual({ page: 1, article: 'body evaluated' })
  })

  describe('their types, checked by the TypeScript compiler', () => {
    let dir: string

    beforeAll(async () => {
      dir = await writeTree(join(temp, 'types'), [
        ...files,
        { path: 'package.json', contents: '{ "type": "module" }' },
      ])
    })

    it('are exact: a Pick of ArticleMeta, the union of the tags, the slugs of the index', async () => {
      await writeFile(
        join(dir, 'good.ts'),
        [
          "import type { ArticleMeta, Slug as IndexSlug } from './dist/index.js'",
          "import { type ArticleSummary, type Slug, summaries } from './dist/summaries.js'",
          "import { loadPage, PAGE_SIZE, pageCount, type SummaryPage } from './dist/pages.js'",
          "import { hasTag, loadTag, type Tag, type TagPage, tags } from './dist/tags.js'",
          "import { type Article, hasArticle, loadArticle } from './dist/article.js'",
          'type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false',
          `type Fields = ${SUMMARY_FIELDS.map((field) => `'${field}'`).join(' | ')}`,
          'export const exact: Equal<ArticleSummary, Pick<ArticleMeta, Fields>> = true',
          "export const tagUnion: Equal<Tag, 'dawn' | 'machine-learning'> = true",
          'export const slugs: Equal<Slug, IndexSlug> = true',
          'export const list: readonly ArticleSummary[] = summaries',
          'export const page: Promise<SummaryPage> = loadPage(pageCount)',
          'export const size: number = PAGE_SIZE',
          "export const tagPage: Promise<TagPage> = loadTag('machine-learning', 2)",
          'export const firstTag: Tag | undefined = tags[0]?.slug',
          "export const article: Promise<Article> = loadArticle('post-1')",
          'export function fromUrl(tag: string, slug: string) {',
          '  if (hasTag(tag)) loadTag(tag)',
          '  if (hasArticle(slug)) loadArticle(slug)',
          '}',
          '// @ts-expect-error a summary has no excerpt',
          'summaries[0]?.excerpt',
        ].join('\n'),
      )
      expect(typeCheck(dir, ['good.ts'])).toEqual([])
    }, 60_000)

    it('reject a tag that does not exist and a slug that does not exist', async () => {
      await writeFile(
        join(dir, 'bad.ts'),
        [
          "import { loadTag } from './dist/tags.js'",
          "import { loadArticle } from './dist/article.js'",
          "loadTag('Machine Learning')",
          "loadArticle('nope')",
        ].join('\n'),
      )
      const errors = typeCheck(dir, ['bad.ts'])
      expect(errors.map(({ file, line, code }) => ({ file, line, code }))).toEqual([
        { file: 'bad.ts', line: 3, code: 2345 },
        { file: 'bad.ts', line: 4, code: 2345 },
      ])
    }, 60_000)
  })
})
