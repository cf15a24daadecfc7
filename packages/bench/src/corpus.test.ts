import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMarkdownRenderer, parseArticle, parseSite } from '@dawnpress/core'
import { afterAll, describe, expect, it } from 'vitest'
import { generateCorpus, writeCorpus } from './corpus.ts'

const SIZE = 120
const corpus = generateCorpus({ size: SIZE, seed: 'test' })
const renderer = createMarkdownRenderer()
const parsed = corpus.map((generated) =>
  parseArticle(generated.source, {
    file: `articles/${generated.fileName}`,
    path: generated.fileName,
    renderer,
  }),
)
const scratch: string[] = []

afterAll(async () => {
  for (const directory of scratch) await rm(directory, { recursive: true, force: true })
})

async function readTree(directory: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  for (const name of await readdir(directory, { recursive: true })) {
    if (name.endsWith('.md') || name.endsWith('.json')) {
      files.set(name, await readFile(join(directory, name)))
    }
  }
  return files
}

describe('the corpus generator', () => {
  it('writes byte-identical files for the same seed', async () => {
    const first = await mkdtemp(join(tmpdir(), 'bench-a-'))
    const second = await mkdtemp(join(tmpdir(), 'bench-b-'))
    scratch.push(first, second)
    const summaries = [
      await writeCorpus(first, { size: 40, seed: 7 }),
      await writeCorpus(second, { size: 40, seed: 7 }),
    ]
    expect(summaries[0]?.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(summaries[0]?.sha256).toBe(summaries[1]?.sha256)
    const a = await readTree(first)
    const b = await readTree(second)
    expect(a.size).toBe(41)
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort())
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name) as Buffer), name).toBe(true)
  })

  it('writes different articles for a different seed', () => {
    const other = generateCorpus({ size: SIZE, seed: 'test-2' })
    const sources = new Set(corpus.map((article) => article.source))
    expect(other.filter((article) => sources.has(article.source))).toEqual([])
  })

  it('gives every article a unique file name', () => {
    const names = new Set(corpus.map((article) => article.fileName))
    expect(names.size).toBe(SIZE)
  })

  it('keeps every article between 500 and 1,500 words, about 850 on average', () => {
    const words = corpus.map((article) => article.words)
    expect(Math.min(...words)).toBeGreaterThanOrEqual(500)
    expect(Math.max(...words)).toBeLessThanOrEqual(1500)
    const mean = words.reduce((sum, count) => sum + count, 0) / words.length
    expect(mean).toBeGreaterThan(780)
    expect(mean).toBeLessThan(920)
  })

  it('writes articles that @dawnpress/core parses without a single problem', () => {
    for (const [index, generated] of corpus.entries()) {
      const { article, problems } = parsed[index] as (typeof parsed)[number]
      expect(problems, generated.fileName).toEqual([])
      expect(article?.slug).toBe(generated.slug)
      // The generator counts words as dawnpress does, so read_time is always right.
      expect(article?.readingTime.words, generated.fileName).toBe(generated.words)
      expect(article?.date).toMatch(/^20\d\d-\d\d-\d\dT00:00:00\.000Z$/)
      expect(article?.tags.length).toBeGreaterThanOrEqual(1)
    }
  })

  it('uses headings, lists, links, tables and code blocks across the corpus', () => {
    const html = parsed.map((result) => result.article?.html ?? '')
    const share = (pattern: RegExp) => html.filter((page) => pattern.test(page)).length / SIZE
    expect(share(/<h2 id="/)).toBeGreaterThan(0.9)
    expect(share(/<(ul|ol)>/)).toBeGreaterThan(0.5)
    expect(share(/<a href="\/articles\//)).toBeGreaterThan(0.5)
    expect(share(/<a href="https:/)).toBeGreaterThan(0.5)
    expect(share(/<table>/)).toBeGreaterThan(0.3)
    expect(share(/<figure class="code-block">/)).toBeGreaterThan(0.5)
  })

  it('writes a site.json that passes the site schema', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'bench-site-'))
    scratch.push(directory)
    await writeCorpus(directory, { size: 2 })
    const text = await readFile(join(directory, 'site.json'), 'utf8')
    const { site, problems } = parseSite(text, 'site.json')
    expect(problems).toEqual([])
    expect(site?.url).toBe('https://bench.dawnpress.example/')
  })
})
