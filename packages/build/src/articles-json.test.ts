import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Article } from '@dawnpress/core'
import { describe, expect, it } from 'vitest'
import { type BuildArticle, reviveArticle, storedMeta, writeArticlesJson } from './articles-json.ts'

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
  const { ranges } = writeArticlesJson(
    file,
    articles.map((article) => ({ article })),
  )
  const bytes = readFileSync(file)
  return articles.map((article, index) => {
    const [start, end] = ranges[index] as [number, number]
    return reviveArticle(storedMeta(article), { bytes, start, end })
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
    const { ranges, sha256 } = writeArticlesJson(file, next)
    const written = readFileSync(file)
    expect(sha256).toBe(createHash('sha256').update(written).digest('hex'))
    const expected = [first[0], first[1], fresh, first[3], first[2]].map((article) =>
      JSON.parse(JSON.stringify(article)),
    )
    expect(JSON.parse(written.toString('utf8'))).toEqual(expected)
    expect(written.toString('utf8').endsWith(']\n')).toBe(true)
    for (const [index, [start, end]] of ranges.entries()) {
      expect(JSON.parse(written.toString('utf8', start, end))).toEqual(expected[index])
    }
  })

  it('reads a revived article’s HTML back only when asked for it', () => {
    const [revived] = writeAndRevive([makeArticle('a')])
    expect(revived?.article.title).toBe('Title of a')
    expect(revived?.article.html).toBe('<p>Body of a ✓</p>')
    expect(revived?.article.headings).toEqual([{ depth: 2, text: 'a', id: 'a' }])
  })
})
