import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { baseArticle, seedArticle, seedSite } from '../test/fixtures/articles.ts'
import { decodePng, pixelAt, readPngHeader } from '../test/png.ts'
import type { CardArticle } from './article.ts'

// writeCards starts dist/worker.js, so these tests run the built bundle, as a user would.
const og = (await import(
  new URL('../dist/index.js', import.meta.url).href
)) as typeof import('./index.ts')
const templateModule = fileURLToPath(new URL('../test/fixtures/template.mjs', import.meta.url))

let dir: string
let outDir: string
let cacheDir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dawnpress-og-'))
  outDir = join(dir, 'dist')
  cacheDir = join(dir, 'cache')
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const articles: CardArticle[] = [
  seedArticle,
  { ...baseArticle, slug: 'second', title: 'The second article' },
  { ...baseArticle, slug: 'third', title: 'A third, with 日本語' },
]

const write = (
  list: readonly CardArticle[],
  options: Partial<Parameters<typeof og.writeCards>[0]> = {},
) => og.writeCards({ articles: list, site: seedSite, outDir, cacheDir, workers: 2, ...options })

const cardsIn = async (folder: string) => (await readdir(folder)).sort()

describe('writeCards', () => {
  it('writes og/<slug>.png for every article, each a 1200×630 PNG', async () => {
    const result = await write(articles)
    expect(result).toMatchObject({ rendered: 3, reused: 0, removed: 0, warnings: [] })
    expect(await cardsIn(join(outDir, 'og'))).toEqual([
      'second.png',
      'the-dawn-of-large-language-models.png',
      'third.png',
    ])
    const png = await readFile(join(outDir, 'og', 'second.png'))
    expect(readPngHeader(png)).toMatchObject({ width: 1200, height: 630 })
  })

  it('renders no card on a second run with nothing changed', async () => {
    await write(articles)
    expect(await write(articles)).toMatchObject({ rendered: 0, reused: 3, removed: 0 })
  })

  it('re-renders only the card whose title changed', async () => {
    await write(articles)
    const changed = articles.map((article) =>
      article.slug === 'second' ? { ...article, title: 'A new title' } : article,
    )
    expect(await write(changed)).toMatchObject({ rendered: 1, reused: 2, removed: 0 })
  })

  it('does not re-render when only the body changes', async () => {
    await write([seedArticle])
    const edited = { ...seedArticle, html: '<p>Rewritten.</p>', excerpt: 'Rewritten.' }
    expect(await write([edited])).toMatchObject({ rendered: 0, reused: 1 })
  })

  it('re-renders every card when the site colours change', async () => {
    await write(articles)
    const site = { ...seedSite, card: { ...seedSite.card, accent: '#22c55e' } }
    expect(await write(articles, { site })).toMatchObject({ rendered: 3, reused: 0 })
  })

  it('removes the card of a deleted article and prunes its cache entry', async () => {
    await write(articles)
    const result = await write(articles.filter((article) => article.slug !== 'third'))
    expect(result).toMatchObject({ rendered: 0, reused: 2, removed: 1 })
    expect(await cardsIn(join(outDir, 'og'))).not.toContain('third.png')
    expect((await readdir(cacheDir)).filter((name) => name.endsWith('.png'))).toHaveLength(2)
  })

  it('leaves files in og/ that are not PNG cards alone', async () => {
    await write(articles)
    await writeFile(join(outDir, 'og', 'notes.txt'), 'keep me')
    await write(articles)
    expect(await cardsIn(join(outDir, 'og'))).toContain('notes.txt')
  })

  it('restores a card deleted from the output from the cache', async () => {
    await write(articles)
    await rm(join(outDir, 'og', 'second.png'))
    expect(await write(articles)).toMatchObject({ rendered: 0, reused: 3 })
    expect(await cardsIn(join(outDir, 'og'))).toContain('second.png')
  })

  it('writes the same bytes on workers as renderCard does in this thread', async () => {
    await write([seedArticle])
    const file = await readFile(join(outDir, 'og', 'the-dawn-of-large-language-models.png'))
    const direct = await og.renderCard(seedArticle, { site: seedSite })
    expect(file.equals(Buffer.from(direct))).toBe(true)
  })

  it('renders in this thread with workers: 0, to the same bytes', async () => {
    await write([seedArticle], { workers: 0 })
    const file = await readFile(join(outDir, 'og', 'the-dawn-of-large-language-models.png'))
    expect(file.equals(Buffer.from(await og.renderCard(seedArticle, { site: seedSite })))).toBe(
      true,
    )
  })

  it('reports a missing glyph when the card is rendered and again when it is reused', async () => {
    const list = [{ ...baseArticle, slug: 'glyphs', title: 'Signs 𓀀' }]
    const first = await write(list)
    const second = await write(list)
    expect(first.warnings.map((warning) => [warning.slug, warning.codePoint])).toEqual([
      ['glyphs', 'U+13000'],
    ])
    expect(second).toMatchObject({ rendered: 0, warnings: first.warnings })
  })

  it('renders a template module on the workers', async () => {
    const result = await write(articles, { template: templateModule })
    expect(result.rendered).toBe(3)
    const png = await readFile(join(outDir, 'og', 'second.png'))
    expect(pixelAt(decodePng(png), 5, 5)).toEqual([0, 255, 0, 255])
  })

  it('renders a template function in this thread, and re-renders when its source changes', async () => {
    const blue = (article: CardArticle) => ({
      type: 'div',
      props: {
        style: { display: 'flex', width: '100%', height: '100%', backgroundColor: '#0000ff' },
        children: article.title,
      },
    })
    expect((await write(articles, { template: blue })).rendered).toBe(3)
    const png = await readFile(join(outDir, 'og', 'third.png'))
    expect(pixelAt(decodePng(png), 5, 5)).toEqual([0, 0, 255, 255])
    expect((await write(articles, { template: blue })).rendered).toBe(0)
    const red = (article: CardArticle) => ({
      type: 'div',
      props: {
        style: { display: 'flex', width: '100%', height: '100%', backgroundColor: '#ff0000' },
        children: article.title,
      },
    })
    expect((await write(articles, { template: red })).rendered).toBe(3)
  })

  it('rejects a slug that would leave the og/ folder', async () => {
    await expect(write([{ ...baseArticle, slug: '../escape' }])).rejects.toThrow(
      /cannot name a card file/,
    )
  })

  it('rejects two articles with the same slug', async () => {
    await expect(write([baseArticle, baseArticle])).rejects.toThrow(/Two articles have the slug/)
  })

  it('stops with the error of a template module that throws', async () => {
    const broken = join(dir, 'broken.mjs')
    await writeFile(broken, 'export const template = () => { throw new Error("template broke") }\n')
    await expect(write(articles, { template: broken })).rejects.toThrow(/template broke/)
  })
})

describe('the CommonJS build', () => {
  it('renders a card through require(), where satori is a default export one level down', async () => {
    const required = createRequire(import.meta.url)('../dist/index.cjs') as typeof og
    const png = await required.renderCard(seedArticle, { site: seedSite })
    expect(
      Buffer.from(png).equals(Buffer.from(await og.renderCard(seedArticle, { site: seedSite }))),
    ).toBe(true)
  })

  it('starts its worker threads from the ESM worker beside it', async () => {
    const required = createRequire(import.meta.url)('../dist/index.cjs') as typeof og
    const result = await required.writeCards({
      articles: [baseArticle],
      site: seedSite,
      outDir,
      cacheDir,
      workers: 1,
    })
    expect(result.rendered).toBe(1)
  })
})
