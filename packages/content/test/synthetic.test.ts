/**
 * Builds bundles from synthetic corpora, the way `pnpm build` builds the real one, to check
 * what only shows at scale or by tampering: bodies stay out of the index, and builds repeat.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSyntheticBundle } from '../scripts/synthetic.ts'
import { runOk } from './run.ts'

const COUNT = 300

let temp: string

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'dawnpress-synthetic-'))
})

afterAll(async () => {
  await rm(temp, { recursive: true, force: true })
})

async function readTree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort()
  return new Map(
    await Promise.all(
      files.map(async (file) => [file, await readFile(join(dir, file), 'utf8')] as const),
    ),
  )
}

const PROBE = `
  const slug = content.articles[0].slug
  const outcome = await content.loadArticle(slug).then(
    (article) => article.html.match(/BODY-\\d+/)[0],
    (error) => 'rejected: ' + error.message,
  )
  console.log(JSON.stringify({
    count: content.articles.length,
    title: content.getArticle(slug).title,
    outcome,
  }))
`

function probe(dir: string, format: 'esm' | 'cjs') {
  const script =
    format === 'esm'
      ? `const content = await import('./dist/index.js')\n${PROBE}`
      : `(async () => { const content = require('./dist/index.cjs')\n${PROBE} })()`
  const args = format === 'esm' ? ['--input-type=module', '-e', script] : ['-e', script]
  return runOk(process.execPath, args, dir).then((output) => JSON.parse(output))
}

describe(`a bundle of ${COUNT} synthetic articles`, () => {
  let dir: string

  beforeAll(async () => {
    dir = (await buildSyntheticBundle(join(temp, 'large'), { count: COUNT, seed: 7 })).packageDir
  })

  it('keeps every body out of the index, in ESM and CJS', async () => {
    for (const index of ['dist/index.js', 'dist/index.cjs']) {
      const text = await readFile(join(dir, index), 'utf8')
      expect(text).not.toMatch(/BODY-\d+/)
      expect(text).toContain('"slug":"article-00001"')
    }
    const chunks = await readdir(join(dir, 'dist/articles'))
    expect(chunks.filter((name) => name.endsWith('.js'))).toHaveLength(COUNT)
    expect(chunks.filter((name) => name.endsWith('.cjs'))).toHaveLength(COUNT)
  })

  it('loads one body on demand', async () => {
    const esm = await probe(dir, 'esm')
    expect(esm).toMatchObject({ count: COUNT, outcome: expect.stringMatching(/^BODY-\d+$/) })
    expect(await probe(dir, 'cjs')).toEqual(esm)
  })

  it('serves a page, a tag and an article through the light entries without evaluating the index', async () => {
    const copy = join(temp, 'light')
    await cp(dir, copy, { recursive: true })
    for (const index of ['dist/index.js', 'dist/index.cjs']) {
      await writeFile(join(copy, index), 'throw new Error("index evaluated")\n')
    }
    const script = `
      const pages = await load('pages')
      const tags = await load('tags')
      const { loadArticle } = await load('article')
      const latest = await pages.loadPage(1)
      const tag = await tags.loadTag(tags.tags[0].slug, 2)
      const article = await loadArticle(latest.articles[0].slug)
      console.log(JSON.stringify({
        pageCount: pages.pageCount,
        latest: latest.articles.length,
        tag: tag.articles.every((summary) => summary.tags.length > 0),
        body: article.html.match(/BODY-\\d+/)[0],
      }))`
    const esm = await runOk(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const load = (entry) => import('./dist/' + entry + '.js')\n${script}`,
      ],
      copy,
    )
    const cjs = await runOk(
      process.execPath,
      [
        '-e',
        `const load = async (entry) => require('./dist/' + entry + '.cjs')\n;(async () => {${script}})()`,
      ],
      copy,
    )
    expect(JSON.parse(cjs)).toEqual(JSON.parse(esm))
    expect(JSON.parse(esm)).toEqual({
      pageCount: COUNT / 10,
      latest: 10,
      tag: true,
      body: expect.stringMatching(/^BODY-\d+$/),
    })
  })

  it('evaluates no body module on import, in ESM and CJS (bodies that throw do not break it)', async () => {
    const articlesDir = join(dir, 'dist/articles')
    for (const name of await readdir(articlesDir)) {
      await writeFile(join(articlesDir, name), 'throw new Error("body evaluated")\n')
    }
    for (const format of ['esm', 'cjs'] as const) {
      const result = await probe(dir, format)
      expect(result).toMatchObject({ count: COUNT, outcome: 'rejected: body evaluated' })
      expect(result.title).toMatch(/^Article \d+: /)
    }
  })
})

describe('a rebuild from the same corpus', () => {
  it('gives a byte-identical package, type declarations included', async () => {
    const first = await readTree(
      join(
        (await buildSyntheticBundle(join(temp, 'once'), { count: 20, seed: 3 })).packageDir,
        'dist',
      ),
    )
    const again = await readTree(
      join(
        (await buildSyntheticBundle(join(temp, 'twice'), { count: 20, seed: 3 })).packageDir,
        'dist',
      ),
    )
    expect(again).toEqual(first)
    expect([...first.keys()].filter((file) => !/^(articles|pages|tags)\//.test(file))).toEqual(
      ['article', 'index', 'pages', 'summaries', 'tags'].flatMap((name) =>
        ['cjs', 'd.cts', 'd.ts', 'js'].map((ext) => `${name}.${ext}`),
      ),
    )
  })
})
