import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { articleSchema } from '@dawnpress/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extendedSchema, loadFixture } from '../test/fixture.ts'
import { runNode, writeTree as writeGeneratedTree } from '../test/generated-tree.ts'
import { typeCheck } from '../test/type-check.ts'
import { type GeneratedFile, renderContentPackage } from './render-content-package.ts'

let fixture: Awaited<ReturnType<typeof loadFixture>>
let files: GeneratedFile[]
let temp: string

beforeAll(async () => {
  fixture = await loadFixture()
  files = renderContentPackage({ ...fixture, schema: extendedSchema })
  temp = await mkdtemp(join(tmpdir(), 'dawnpress-bundle-'))
})

afterAll(async () => {
  await rm(temp, { recursive: true, force: true })
})

function file(path: string, list = files): string {
  const found = list.find((candidate) => candidate.path === path)
  if (!found) throw new Error(`No generated file ${path}`)
  return found.contents
}

/** Writes a set of generated files into a fresh folder of the test's temporary folder. */
function writeTree(name: string, list: readonly GeneratedFile[]): Promise<string> {
  return writeGeneratedTree(join(temp, name), list)
}

describe('renderContentPackage', () => {
  it('writes both module formats, their types and one body module per published article', () => {
    expect(files.map((generated) => generated.path)).toEqual([
      'dist/article.cjs',
      'dist/article.d.cts',
      'dist/article.d.ts',
      'dist/article.js',
      'dist/articles/first-light.cjs',
      'dist/articles/first-light.js',
      'dist/articles/second-wind.cjs',
      'dist/articles/second-wind.js',
      'dist/articles/undated.cjs',
      'dist/articles/undated.js',
      'dist/index.cjs',
      'dist/index.d.cts',
      'dist/index.d.ts',
      'dist/index.js',
      'dist/pages.cjs',
      'dist/pages.d.cts',
      'dist/pages.d.ts',
      'dist/pages.js',
      'dist/pages/1.cjs',
      'dist/pages/1.js',
      'dist/summaries.cjs',
      'dist/summaries.d.cts',
      'dist/summaries.d.ts',
      'dist/summaries.js',
      'dist/tags.cjs',
      'dist/tags.d.cts',
      'dist/tags.d.ts',
      'dist/tags.js',
      'dist/tags/dawn/1.cjs',
      'dist/tags/dawn/1.js',
      'dist/tags/light/1.cjs',
      'dist/tags/light/1.js',
    ])
  })

  it('keeps bodies out of the index and the lists, and drafts out of everything', () => {
    for (const entry of ['index', 'article', 'pages', 'summaries', 'tags', 'pages/1']) {
      expect(file(`dist/${entry}.js`)).not.toContain('BODY-MARKER')
    }
    expect(file('dist/articles/first-light.js')).toContain('FIRST-LIGHT-BODY-MARKER')
    expect(file('dist/articles/first-light.js')).not.toContain('SECOND-WIND-BODY-MARKER')
    expect(files.some((generated) => generated.contents.includes('DRAFT-BODY-MARKER'))).toBe(false)
  })

  it('loads in ESM and CommonJS alike: metadata newest first, each body on demand', async () => {
    const dir = await writeTree('run', [
      ...files,
      { path: 'package.json', contents: '{ "type": "module" }' },
    ])
    const summary = `({ slugs: content.articles.map((a) => a.slug), html: (await content.loadArticle('first-light')).html, hasHtml: 'html' in content.articles[0], site: content.site.title, featured: content.getArticle('second-wind').featured })`
    const esm = runNode(
      dir,
      `const content = await import('./dist/index.js'); console.log(JSON.stringify(await ${summary}))`,
      'module',
    )
    const cjs = runNode(
      dir,
      `(async () => { const content = require('./dist/index.cjs'); console.log(JSON.stringify(await ${summary})) })()`,
      'commonjs',
    )
    expect(esm).toEqual(cjs)
    expect(esm).toMatchObject({
      slugs: ['second-wind', 'first-light', 'undated'],
      hasHtml: false,
      featured: true,
    })
    expect((esm as { html: string }).html).toContain('FIRST-LIGHT-BODY-MARKER')
  })

  it('stores dates as ISO 8601 UTC strings and keeps the extended fields', async () => {
    const dir = await writeTree('dates', [
      ...files,
      { path: 'package.json', contents: '{ "type": "module" }' },
    ])
    const [second, first] = runNode(
      dir,
      `const { articles } = await import('./dist/index.js'); console.log(JSON.stringify(articles))`,
      'module',
    ) as Record<string, unknown>[]
    expect(second).toMatchObject({
      date: '2025-03-01T07:30:00.000Z',
      updated: '2025-04-02T00:00:00.000Z',
      featured: true,
      authors: [{ name: 'Ada' }, { name: 'Grace', url: 'https://grace.example/' }],
    })
    expect(first).toMatchObject({ date: '2025-01-10T00:00:00.000Z', series: 'dawn' })
  })

  it('gives the same files for the same articles in any order', () => {
    const reversed = renderContentPackage({
      ...fixture,
      articles: [...fixture.articles].reverse(),
      schema: extendedSchema,
    })
    expect(reversed).toEqual(files)
  })

  it('prints the frontmatter type from the schema, so extended fields appear', () => {
    const types = file('dist/index.d.ts')
    expect(types).toContain("  series?: 'dawn' | 'dusk' | undefined")
    expect(types).toContain('  featured: boolean')
    const plain = renderContentPackage({ ...fixture, schema: articleSchema })
    expect(file('dist/index.d.ts', plain)).not.toContain('featured')
  })

  it('writes a package.json and a README only for a package of its own', () => {
    const own = renderContentPackage({
      ...fixture,
      manifest: { name: 'blog-content', version: '1.2.3' },
    })
    const manifest = JSON.parse(file('package.json', own))
    expect(manifest).toMatchObject({ name: 'blog-content', version: '1.2.3', type: 'module' })
    expect(manifest.exports['.'].require.default).toBe('./dist/index.cjs')
    expect(Object.keys(manifest.exports)).toEqual([
      '.',
      './article',
      './pages',
      './summaries',
      './tags',
      './package.json',
    ])
    expect(Object.keys(manifest.typesVersions['*'])).toEqual([
      'article',
      'pages',
      'summaries',
      'tags',
    ])
    for (const [subpath, conditions] of Object.entries(manifest.exports)) {
      if (typeof conditions === 'string') continue
      const { import: esm, require: cjs } = conditions as Record<string, Record<string, string>>
      expect(Object.keys(esm ?? {}), subpath).toEqual(['types', 'default'])
      expect(Object.keys(cjs ?? {}), subpath).toEqual(['types', 'default'])
    }
    expect(file('README.md', own)).toContain(
      "import { articles, getArticle, hasArticle, loadArticle, site } from 'blog-content'",
    )
    expect(files.some((generated) => generated.path === 'package.json')).toBe(false)
  })

  it('rejects two articles with one slug, and a slug that is not a safe file name', () => {
    const article = fixture.articles.find((candidate) => !candidate.draft)
    if (!article) throw new Error('fixture has no published article')
    expect(() => renderContentPackage({ ...fixture, articles: [article, { ...article }] })).toThrow(
      /Two articles have the slug "/,
    )
    expect(() =>
      renderContentPackage({ ...fixture, articles: [{ ...article, slug: '../escape' }] }),
    ).toThrow(TypeError)
  })

  describe('the generated types, checked by the TypeScript compiler', () => {
    let dir: string

    beforeAll(async () => {
      dir = await writeTree('types', [
        ...files.map((generated) => ({
          ...generated,
          path: generated.path.replace(/^dist\//, 'generated/'),
        })),
        { path: 'package.json', contents: '{ "type": "module" }' },
      ])
    })

    it('accept real slugs and expose the extended schema fields', async () => {
      await writeFile(
        join(dir, 'good.ts'),
        [
          "import { type Article, type ArticleMeta, articles, getArticle, hasArticle, loadArticle, site, type Slug } from './generated/index.js'",
          "const meta: ArticleMeta = getArticle('first-light')",
          "const series: 'dawn' | 'dusk' | undefined = meta.series",
          'const featured: boolean = meta.featured',
          'const date: string | undefined = meta.date',
          'const slug: Slug = articles[0]!.slug',
          "const article: Promise<Article> = loadArticle('second-wind')",
          'const title: string = site.title',
          "const input: string = 'undated'",
          'if (hasArticle(input)) getArticle(input)',
          '// @ts-expect-error metadata has no body',
          'meta.html',
          'export { article, date, featured, series, slug, title }',
        ].join('\n'),
      )
      expect(typeCheck(dir, ['good.ts'])).toEqual([])
    }, 60_000)

    it('reject a slug that does not exist and the slug of a draft', async () => {
      await writeFile(
        join(dir, 'bad.ts'),
        [
          "import { getArticle, loadArticle } from './generated/index.js'",
          "getArticle('nope')",
          "loadArticle('unfinished')",
        ].join('\n'),
      )
      const errors = typeCheck(dir, ['bad.ts'])
      expect(errors.map(({ file, line, code }) => ({ file, line, code }))).toEqual([
        { file: 'bad.ts', line: 2, code: 2345 },
        { file: 'bad.ts', line: 3, code: 2345 },
      ])
    }, 60_000)
  })
})
