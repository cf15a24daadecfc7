/**
 * Checks @dawnpress/content as a consumer gets it: the packed tarball, installed with npm
 * into a project outside the workspace. One pack and one install serve every test.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { contentPackageExports, contentPackageTypesVersions } from '@dawnpress/bundle'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run, runOk } from './run.ts'

const packageDir = fileURLToPath(new URL('../', import.meta.url))
const require = createRequire(import.meta.url)
const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin/tsc')
const attw = join(packageDir, 'node_modules/.bin/attw')

let temp: string
let tarball: string
let consumer: string
/** What the installed package says about itself, read through `require`. */
let summary: { count: number; slugs: string[]; title: string; html: string; siteTitle: string }

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'dawnpress-content-'))
  // pnpm (not npm) packs it, as it publishes it: workspace versions are rewritten.
  // Under `pnpm test` the pnpm that runs the tests packs too, even when it is not on PATH.
  const execPath = process.env.npm_execpath ?? ''
  const [command, ...prefix] = /pnpm\.[cm]?js$/.test(execPath)
    ? [process.execPath, execPath]
    : ['pnpm']
  await runOk(command ?? 'pnpm', [...prefix, 'pack', '--pack-destination', temp], packageDir)
  const packed = (await readdir(temp)).find((name) => name.endsWith('.tgz'))
  if (!packed) throw new Error('pnpm pack wrote no tarball')
  tarball = join(temp, packed)
  consumer = join(temp, 'consumer')
  await mkdir(consumer)
  await writeFile(join(consumer, 'package.json'), '{ "name": "consumer", "private": true }\n')
  await runOk(
    'npm',
    ['install', tarball, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'],
    consumer,
  )
  summary = JSON.parse(await runOk(process.execPath, ['-e', SUMMARY_SCRIPT], consumer))
})

afterAll(async () => {
  if (temp) await rm(temp, { recursive: true, force: true })
})

const SUMMARY_SCRIPT = `
const content = require('@dawnpress/content')
const [first] = content.articles
content.loadArticle(first.slug).then((article) => console.log(JSON.stringify({
  count: content.articles.length,
  slugs: content.articles.map((meta) => meta.slug),
  title: content.getArticle(first.slug).title,
  html: article.html,
  siteTitle: content.site.title,
})))
`

describe('the packed tarball', () => {
  it('has no problems according to publint (strict)', async () => {
    const data = await readFile(tarball)
    const { messages, pkg } = await publint({
      pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) },
      strict: true,
    })
    expect(messages.map((message) => formatMessage(message, pkg))).toEqual([])
  })

  it('has no problems according to attw, for every module resolution', async () => {
    const result = await run(attw, [tarball, '--format', 'json', '--no-definitely-typed'], temp)
    const report = JSON.parse(result.stdout) as { analysis: { problems: unknown[] } }
    expect(report.analysis.problems).toEqual([])
    expect(result.code).toBe(0)
  })

  it('would publish only dist/, package.json and the README', async () => {
    const output = await runOk(
      'npm',
      ['publish', tarball, '--dry-run', '--json', '--offline', '--ignore-scripts'],
      temp,
    )
    const report = JSON.parse(output) as Record<string, { files: { path: string }[] }>
    const paths = (report['@dawnpress/content']?.files ?? []).map((file) => file.path).sort()
    expect(paths.filter((path) => !path.startsWith('dist/'))).toEqual(['README.md', 'package.json'])
    const dist = paths.filter((path) => path.startsWith('dist/'))
    const entries = ['article', 'index', 'pages', 'summaries', 'tags']
    expect(dist.filter((path) => !/^dist\/(articles|pages|tags)\//.test(path))).toEqual(
      entries.flatMap((name) => ['cjs', 'd.cts', 'd.ts', 'js'].map((ext) => `dist/${name}.${ext}`)),
    )
    // The chunks of the lists: at least one page, and one folder of pages per tag.
    expect(dist).toEqual(expect.arrayContaining(['dist/pages/1.js', 'dist/pages/1.cjs']))
    expect(
      dist
        .filter((path) => path.startsWith('dist/tags/'))
        .every((path) => /^dist\/tags\/[^/]+\/\d+\.c?js$/.test(path)),
    ).toBe(true)
    // One body chunk per article and format, and nothing else.
    const chunks = dist.filter((path) => path.startsWith('dist/articles/'))
    expect(chunks).toHaveLength(summary.count * 2)
    for (const slug of summary.slugs) {
      expect(chunks).toEqual(
        expect.arrayContaining([`dist/articles/${slug}.js`, `dist/articles/${slug}.cjs`]),
      )
    }
  })

  it('offers the subpaths the generator writes, as @dawnpress/bundle maps them', async () => {
    const manifest = JSON.parse(
      await readFile(join(consumer, 'node_modules/@dawnpress/content/package.json'), 'utf8'),
    )
    expect(manifest.exports).toEqual(contentPackageExports())
    expect(manifest.typesVersions).toEqual(contentPackageTypesVersions())
  })

  it('declares no runtime dependencies', async () => {
    const manifest = JSON.parse(
      await readFile(join(consumer, 'node_modules/@dawnpress/content/package.json'), 'utf8'),
    )
    expect(manifest.dependencies ?? {}).toEqual({})
    expect(manifest.private).toBeUndefined()
  })
})

describe('installed in a project outside the workspace', () => {
  it('works with require(): metadata, getArticle and loadArticle', () => {
    expect(summary.count).toBeGreaterThan(0)
    expect(summary.slugs).toContain('the-dawn-of-large-language-models')
    expect(summary.title.length).toBeGreaterThan(0)
    expect(summary.html).toMatch(/^<h1 id="/)
    expect(summary.siteTitle).toBe('Dawn')
  })

  it('works with import, giving the same data as require()', async () => {
    const script = `
      import { articles, getArticle, hasArticle, loadArticle, site } from '@dawnpress/content'
      const [first] = articles
      const article = await loadArticle(first.slug)
      let unknown
      try { getArticle('no-such-article') } catch (error) { unknown = error.name }
      console.log(JSON.stringify({
        slugs: articles.map((meta) => meta.slug),
        html: article.html,
        siteTitle: site.title,
        has: hasArticle(first.slug),
        hasNot: hasArticle('no-such-article'),
        unknown,
        dateIsIso: /^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$/.test(first.date),
        noBody: !('html' in first),
      }))
    `
    const output = await runOk(process.execPath, ['--input-type=module', '-e', script], consumer)
    expect(JSON.parse(output)).toEqual({
      slugs: summary.slugs,
      html: summary.html,
      siteTitle: summary.siteTitle,
      has: true,
      hasNot: false,
      unknown: 'RangeError',
      dateIsIso: true,
      noBody: true,
    })
  })

  it('offers the light entries to import and require() alike', async () => {
    const body = `
      const [pages, tags, summaries, article] = await Promise.all(
        ['pages', 'tags', 'summaries', 'article'].map((entry) => load('@dawnpress/content/' + entry)),
      )
      const first = await pages.loadPage(1)
      const [tag] = tags.tags
      const tagPage = tag ? await tags.loadTag(tag.slug) : undefined
      const loaded = await article.loadArticle(first.articles[0].slug)
      return {
        page: first.articles.map((summary) => summary.slug),
        pageCount: pages.pageCount,
        size: pages.PAGE_SIZE,
        summaries: summaries.summaries.map((summary) => summary.slug),
        tag: tagPage && { slug: tagPage.tag.slug, count: tagPage.articles.length },
        title: loaded.title,
        html: loaded.html,
      }`
    const esm = await runOk(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const load = (id) => import(id)\nconsole.log(JSON.stringify(await (async () => {${body}})()))`,
      ],
      consumer,
    )
    const cjs = await runOk(
      process.execPath,
      [
        '-e',
        `const load = async (id) => require(id)\n;(async () => {${body}})().then((value) => console.log(JSON.stringify(value)))`,
      ],
      consumer,
    )
    expect(JSON.parse(cjs)).toEqual(JSON.parse(esm))
    expect(JSON.parse(esm)).toMatchObject({
      page: summary.slugs.slice(0, 10),
      pageCount: Math.max(1, Math.ceil(summary.count / 10)),
      size: 10,
      summaries: summary.slugs,
      title: summary.title,
      html: summary.html,
    })
  })

  describe.each([
    { resolution: 'node16', module: 'node16', files: ['good.ts', 'good.mts'] },
    { resolution: 'bundler', module: 'esnext', files: ['good.ts'] },
  ])('type-checked by tsc with moduleResolution $resolution', ({ resolution, module, files }) => {
    const check = async (name: string, sources: readonly string[]) => {
      const config = `tsconfig.${resolution}.${name}.json`
      await writeFile(
        join(consumer, config),
        JSON.stringify({
          compilerOptions: {
            module,
            moduleResolution: resolution,
            target: 'es2022',
            lib: ['es2022'],
            types: [],
            strict: true,
            noEmit: true,
          },
          files: sources,
        }),
      )
      const result = await run(process.execPath, [tsc, '-p', config, '--pretty', 'false'], consumer)
      return { code: result.code, errors: parseTscErrors(result.stdout) }
    }

    beforeAll(async () => {
      const slug = JSON.stringify(summary.slugs[0])
      const good = [
        "import { type Article, type ArticleMeta, articles, getArticle, loadArticle, site, type Slug } from '@dawnpress/content'",
        `const meta: ArticleMeta = getArticle(${slug})`,
        'const title: string = meta.title',
        'const date: string | undefined = meta.date',
        'const tags: string[] = meta.tags',
        'const first: Slug = articles[0]!.slug',
        `const html: Promise<string> = loadArticle(${slug}).then((article: Article) => article.html)`,
        'const siteUrl: string = site.url',
        'export { date, first, html, siteUrl, tags, title }',
        "import { type ArticleSummary, summaries } from '@dawnpress/content/summaries'",
        "import { loadPage, type SummaryPage } from '@dawnpress/content/pages'",
        "import { hasTag, loadTag, type Tag, type TagPage } from '@dawnpress/content/tags'",
        "import { hasArticle, loadArticle as loadOne } from '@dawnpress/content/article'",
        'export const light: readonly ArticleSummary[] = summaries',
        'export const latest: Promise<SummaryPage> = loadPage(1)',
        `export const one: Promise<Article> = loadOne(${slug})`,
        'export const tagPage = (tag: string): Promise<TagPage> | undefined => (hasTag(tag) ? loadTag(tag) : undefined)',
        'export const fromUrl = (value: string) => (hasArticle(value) ? loadOne(value) : undefined)',
        'export type Tags = Tag',
        '',
      ].join('\n')
      await writeFile(join(consumer, 'good.ts'), good)
      await writeFile(join(consumer, 'good.mts'), good)
      await writeFile(
        join(consumer, 'bad.ts'),
        [
          "import { getArticle } from '@dawnpress/content'",
          "export const meta = getArticle('nope')",
          "import { loadTag } from '@dawnpress/content/tags'",
          "export const tag = loadTag('no-such-tag')",
          '',
        ].join('\n'),
      )
    })

    it('accepts getArticle with a real slug', async () => {
      expect(await check('good', files)).toEqual({ code: 0, errors: [] })
    })

    it('rejects getArticle with a slug that does not exist, and loadTag with such a tag', async () => {
      const { code, errors } = await check('bad', ['bad.ts'])
      expect(code).not.toBe(0)
      expect(errors).toEqual([
        { file: 'bad.ts', line: 2, code: 'TS2345' },
        { file: 'bad.ts', line: 4, code: 'TS2345' },
      ])
    })
  })
})

/** Reads `file(line,col): error TSxxxx: message` lines from tsc's plain output. */
function parseTscErrors(output: string) {
  return [...output.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+):/gm)].map((match) => ({
    file: match[1],
    line: Number(match[2]),
    code: match[3],
  }))
}
