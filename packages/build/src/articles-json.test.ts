import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getHeapSpaceStatistics } from 'node:v8'
import type { Article } from '@dawnpress/core'
import { describe, expect, it } from 'vitest'
import { type BuildArticle, reviveArticle, storedMeta, writeArticlesJson } from './articles-json.ts'
import { bufferSource } from './json-source.ts'

function makeArticle(slug: string): Article {
  return {
    title: `Title of ${slug}`,
    description: 'A “quoted” description.',
    tags: ['a'],
    draft: false,
    slug,
    path: `${slug}.md`,
    date: '2025-01-01T00:00:00.000Z',
    updated: undefined,
    authors: [],
    excerpt: 'Text.',
    readingTime: { minutes: 1, words: 10, text: '1 min read' },
    html: `<p>Body of ${slug} ✓</p>`,
    headings: [{ depth: 2, text: slug, id: slug }],
  } as unknown as Article
}

/** Writes `articles` the plain way and revives each from that file, as a next build would. */
function writeAndRevive(articles: Article[]): BuildArticle[] {
  const file = join(mkdtempSync(join(tmpdir(), 'dawnpress-json-')), 'articles.json')
  const { chunks } = writeArticlesJson(
    file,
    articles.map((article) => ({ article })),
  )
  const source = bufferSource(readFileSync(file))
  return articles.map((article, index) => {
    const chunk = chunks[index] as (typeof chunks)[number]
    return reviveArticle(storedMeta(article), { source, chunk })
  })
}

describe('writeArticlesJson', () => {
  it('writes JSON.stringify of the articles, copying revived ones in any order', () => {
    const first = ['a', 'b', 'c', 'd', 'e'].map(makeArticle)
    const revived = writeAndRevive(first)
    const fresh = makeArticle('new')
    // Neighbours kept (a, b), order changed (d before c), one fresh in between, one dropped.
    const next = [
      revived[0],
      revived[1],
      { article: fresh },
      revived[3],
      revived[2],
    ] as BuildArticle[]
    const file = join(mkdtempSync(join(tmpdir(), 'dawnpress-json-')), 'articles.json')
    const { chunks } = writeArticlesJson(file, next)
    const written = readFileSync(file)
    const expected = [first[0], first[1], fresh, first[3], first[2]].map((article) =>
      JSON.parse(JSON.stringify(article)),
    )
    expect(written.toString('utf8')).toBe(`${JSON.stringify(expected)}\n`)
    for (const [index, chunk] of chunks.entries()) {
      const read = (start: number, end: number) => JSON.parse(written.toString('utf8', start, end))
      expect(read(chunk.start, chunk.end)).toEqual(expected[index])
      expect(read(chunk.htmlStart, chunk.htmlEnd)).toBe(expected[index].html)
      expect(read(chunk.headingsStart, chunk.headingsEnd)).toEqual(expected[index].headings)
    }
  })

  it('writes JSON.stringify of an article whose fields follow its html (regression: a cover image set after parsing moved before html)', () => {
    const article = { ...makeArticle('a'), image: '/a.png', extra: undefined }
    const file = join(mkdtempSync(join(tmpdir(), 'dawnpress-json-')), 'articles.json')
    const { chunks } = writeArticlesJson(file, [{ article }])
    const written = readFileSync(file, 'utf8')
    expect(written).toBe(`${JSON.stringify([article])}\n`)
    const [revived] = writeAndRevive([article])
    expect(revived?.article.headings).toEqual(article.headings)
    expect(chunks[0]?.end).toBe(Buffer.byteLength(written) - 2)
  })

  it('reads a revived article’s HTML back only when asked for it', () => {
    const [revived] = writeAndRevive([makeArticle('a')])
    expect(revived?.article.title).toBe('Title of a')
    expect(revived?.article.html).toBe('<p>Body of a ✓</p>')
    expect(revived?.article.headings).toEqual([{ depth: 2, text: 'a', id: 'a' }])
  })

  it('revives every field as it was, in order, html and headings included when copied', () => {
    const [revived] = writeAndRevive([makeArticle('a')])
    const article = makeArticle('a')
    expect(Object.keys(revived?.article ?? {})).toEqual(Object.keys(article))
    expect({ ...revived?.article }).toEqual(article)
  })

  it('keeps a field named __proto__ as a field, never as the prototype (regression: the stored fields assigned it, which set their prototype)', () => {
    const article = JSON.parse(
      '{"title":"T","slug":"a","__proto__":{"polluted":true},"html":"<p>x</p>","headings":[]}',
    ) as Article
    const revived = writeAndRevive([article])[0]?.article as Article & { polluted?: boolean }
    expect(Object.getPrototypeOf(revived)).toBe(Object.prototype)
    expect(Object.hasOwn(revived, '__proto__')).toBe(true)
    expect(revived.polluted).toBe(undefined)
    expect(revived.html).toBe('<p>x</p>')
  })

  it('lets each revived article’s HTML die young when articles are read in turn (regression: a cache of the last 64 kept them alive until a full collection, and the heap of a 100,000-article build grew to four times its live size)', () => {
    const paragraph = `<p>${'Words of an article, read once by its page. '.repeat(40)}</p>`
    const articles = Array.from({ length: 2000 }, (_, index) => ({
      ...makeArticle(`a${index}`),
      html: (paragraph.repeat(8) + index) as Article['html'],
    }))
    const revived = writeAndRevive(articles)
    const htmlBytes = articles.reduce((sum, article) => sum + article.html.length, 0)
    const oldSpace = () => {
      const space = getHeapSpaceStatistics().find((entry) => entry.space_name === 'old_space')
      return space?.space_used_size ?? 0
    }
    // What the old generation gains while the articles are read, as a page build reads them;
    // a full collection (the used size falls) is not counted as a gain.
    let grown = 0
    let last = oldSpace()
    let length = 0
    for (const { article } of revived) {
      length += article.html.length + article.html.length
      // A page's worth of garbage around each read, as rendering makes.
      length += Array.from({ length: 400 }, (_, index) => `<li>${index}</li>`).join('').length
      const now = oldSpace()
      grown += Math.max(0, now - last)
      last = now
    }
    expect(length).toBeGreaterThan(htmlBytes * 2)
    expect(grown).toBeLessThan(htmlBytes / 2)
  })
})
