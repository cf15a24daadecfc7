import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadFixture } from '../test/articles.ts'
import { buildSite } from './build-site.ts'
import type { Site, SiteArticle } from './types.ts'

const cardFailure = vi.hoisted(() => ({ enabled: false }))
vi.mock('@dawnpress/og', async (importOriginal) => {
  const original = await importOriginal<typeof import('@dawnpress/og')>()
  return {
    ...original,
    writeCards: async (...args: Parameters<typeof original.writeCards>) => {
      if (cardFailure.enabled) throw new Error('The card renderer crashed.')
      return original.writeCards(...args)
    },
  }
})

let work: string
let articles: SiteArticle[]
let site: Site

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
    ),
  )
  return nested.flat().sort()
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  )
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'dawnpress-build-'))
  ;({ articles, site } = await loadFixture())
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('buildSite', () => {
  const outDir = () => join(work, 'dist')
  const cacheDir = () => join(work, 'cache')

  it('writes pages, feeds, 1200×630 cards and extra files', async () => {
    const result = await buildSite({
      articles,
      site,
      outDir: outDir(),
      cacheDir: cacheDir(),
      extraFiles: [{ path: 'articles.json', contents: '[]\n' }],
    })
    const files = await listFiles(outDir())
    for (const path of [
      'index.html',
      'articles/first-light/index.html',
      'tags/ai/index.html',
      'tags/ai/rss.xml',
      '404.html',
      'sitemap.xml',
      'robots.txt',
      'style.css',
      'rss.xml',
      'atom.xml',
      'feed.json',
      'articles.json',
      'og/_site.png',
      ...articles.map((article) => `og/${article.slug}.png`),
    ]) {
      expect(files).toContain(path)
    }
    for (const card of files.filter((path) => path.endsWith('.png'))) {
      expect(pngSize(await readFile(join(outDir(), card)))).toEqual({ width: 1200, height: 630 })
    }
    const rss = new XMLParser().parse(await readFile(join(outDir(), 'rss.xml'), 'utf8'))
    expect(rss.rss.channel.item).toHaveLength(3)
    expect(result).toMatchObject({
      outDir: outDir(),
      files: files.length,
      extraFiles: 1,
      cards: { rendered: articles.length + 1, reused: 0 },
    })
    expect(await readdir(work)).toEqual(['cache', 'dist'])
  }, 120_000)

  it('reuses every cached card when nothing changed, and gives byte-identical output', async () => {
    const before = await listFiles(outDir())
    const index = await readFile(join(outDir(), 'index.html'))
    const card = await readFile(join(outDir(), 'og/first-light.png'))
    const result = await buildSite({
      articles,
      site,
      outDir: outDir(),
      cacheDir: cacheDir(),
      extraFiles: [{ path: 'articles.json', contents: '[]\n' }],
    })
    expect(result.cards).toMatchObject({ rendered: 0, reused: articles.length + 1 })
    expect(await listFiles(outDir())).toEqual(before)
    expect(await readFile(join(outDir(), 'index.html'))).toEqual(index)
    expect(await readFile(join(outDir(), 'og/first-light.png'))).toEqual(card)
  }, 60_000)

  it('renders again only the card of the article that changed', async () => {
    const changed = articles.map((article) =>
      article.slug === 'middle-ground' ? { ...article, title: 'Middle ground, revised' } : article,
    )
    const result = await buildSite({
      articles: changed,
      site,
      outDir: outDir(),
      cacheDir: cacheDir(),
    })
    expect(result.cards).toMatchObject({ rendered: 1, reused: articles.length })
  }, 60_000)

  it('leaves the previous output intact when a step fails, and cleans up after itself', async () => {
    await writeFile(join(outDir(), 'marker.txt'), 'from the last good build')
    const before = await listFiles(outDir())
    const index = await readFile(join(outDir(), 'index.html'), 'utf8')
    cardFailure.enabled = true
    try {
      await expect(
        buildSite({ articles: articles.slice(1), site, outDir: outDir(), cacheDir: cacheDir() }),
      ).rejects.toThrow('The card renderer crashed.')
    } finally {
      cardFailure.enabled = false
    }
    expect(await listFiles(outDir())).toEqual(before)
    expect(await readFile(join(outDir(), 'index.html'), 'utf8')).toBe(index)
    expect(await readdir(work)).toEqual(['cache', 'dist'])
  })

  it('rejects an extra file that would leave the output folder, writing nothing', async () => {
    const before = await listFiles(outDir())
    await expect(
      buildSite({
        articles,
        site,
        outDir: outDir(),
        skip: ['cards'],
        extraFiles: [{ path: '../escape.txt', contents: 'x' }],
      }),
    ).rejects.toThrow(/would leave the output folder/)
    expect(await listFiles(outDir())).toEqual(before)
    expect(await readdir(work)).toEqual(['cache', 'dist'])
  })

  it('leaves out what is skipped', async () => {
    const dir = join(work, 'skipped')
    const result = await buildSite({ articles, site, outDir: dir, skip: ['cards', 'feeds'] })
    const files = await listFiles(dir)
    expect(files.some((path) => path.startsWith('og/') || path.endsWith('rss.xml'))).toBe(false)
    expect(files).toContain('index.html')
    expect(result.cards).toBeUndefined()
    expect(result.feeds).toBe(0)
    const tagPage = await readFile(join(dir, 'tags/ai/index.html'), 'utf8')
    expect(tagPage.match(/rel="alternate"/g)).toHaveLength(3)
    await rm(dir, { recursive: true })
  })

  it('lets writeExtra write into the staged folder, and keeps the last output when it throws', async () => {
    const dir = join(work, 'extra')
    await buildSite({
      articles,
      site,
      outDir: dir,
      skip: ['cards', 'pages'],
      writeExtra: (staged) => writeFile(join(staged, 'big.json'), '[1,2,3]\n'),
    })
    expect(await readFile(join(dir, 'big.json'), 'utf8')).toBe('[1,2,3]\n')
    const before = await listFiles(dir)
    await expect(
      buildSite({
        articles,
        site,
        outDir: dir,
        skip: ['cards', 'pages'],
        writeExtra: async () => {
          throw new Error('The disk is full.')
        },
      }),
    ).rejects.toThrow('The disk is full.')
    expect(await listFiles(dir)).toEqual(before)
    await rm(dir, { recursive: true })
  })

  it('asks reuseFeed about each feed, and renders only those it does not put in place', async () => {
    const dir = join(work, 'reuse')
    const asked: { rss: string; items: string[] }[] = []
    await buildSite({
      articles,
      site,
      outDir: dir,
      skip: ['cards', 'pages'],
      reuseFeed: async (plan, staged) => {
        asked.push({ rss: plan.files[0], items: plan.items.map((item) => item.slug) })
        if (!plan.files[0].startsWith('tags/ai/')) return false
        for (const file of plan.files) {
          await mkdir(dirname(join(staged, file)), { recursive: true })
          await writeFile(join(staged, file), `kept ${file}`)
        }
        return true
      },
    })
    expect(asked[0]?.rss).toBe('rss.xml')
    expect(asked[0]?.items).toEqual(articles.filter((a) => a.date).map((a) => a.slug))
    expect(asked.map((entry) => entry.rss)).toContain('tags/ai/rss.xml')
    expect(await readFile(join(dir, 'tags/ai/atom.xml'), 'utf8')).toBe('kept tags/ai/atom.xml')
    expect(await readFile(join(dir, 'rss.xml'), 'utf8')).toMatch(/^<\?xml/)
    await rm(dir, { recursive: true })
  })
})
