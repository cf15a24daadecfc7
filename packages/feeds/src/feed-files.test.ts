import { slugifyTag } from '@dawnpress/core'
import { describe, expect, it } from 'vitest'
import { articleUrl, loadArticles, makeArticle, SITE } from '../test/support/articles.ts'
import { FORMATS } from '../test/support/read.ts'
import { createFeedFiles, createFeeds } from './index.ts'
import { createFeedFileRenderer } from './internal.ts'

function read(files: { path: string; contents: string }[], path: string) {
  const file = files.find((entry) => entry.path === path)
  if (!file) throw new Error(`No file ${path}.`)
  const format = FORMATS.find((entry) => path.endsWith(entry.file))
  if (!format) throw new Error(`No format for ${path}.`)
  format.validate(file.contents)
  return format.read(file.contents)
}

describe('createFeedFiles', () => {
  it('writes the three main feeds, then three per tag in slug order, then the stylesheet', () => {
    const files = createFeedFiles(loadArticles(), SITE)
    expect(files.map((file) => file.path)).toEqual([
      'rss.xml',
      'atom.xml',
      'feed.json',
      ...['ai', 'html', 'machine-learning', 'web'].flatMap((tag) => [
        `tags/${tag}/rss.xml`,
        `tags/${tag}/atom.xml`,
        `tags/${tag}/feed.json`,
      ]),
      'feed.xsl',
    ])
  })

  it('puts only the tagged articles in a tag feed, with its own self link and title', () => {
    const files = createFeedFiles(loadArticles(), SITE)
    for (const format of FORMATS) {
      const feed = read(files, `tags/ai/${format.file}`)
      expect(feed.items.map((item) => item.id)).toEqual([
        articleUrl('second-article'),
        articleUrl('first-article'),
      ])
      expect(feed.title).toBe('Dawn: AI')
      expect(feed.selfUrl).toBe(`https://example.com/blog/tags/ai/${format.file}`)
      expect(feed.homeUrl).toBe('https://example.com/blog/tags/ai/')
    }
  })

  it('writes each tag feed as createFeeds would alone, though items are shared between feeds', () => {
    const articles = loadArticles()
    const files = createFeedFiles(articles, SITE)
    const tagged = articles.filter((article) =>
      article.tags.some((tag) => slugifyTag(tag) === 'ai'),
    )
    const alone = createFeeds(tagged, SITE, {
      paths: { rss: '/tags/ai/rss.xml', atom: '/tags/ai/atom.xml', json: '/tags/ai/feed.json' },
      link: '/tags/ai/',
      title: 'Dawn: AI',
      description: 'Articles tagged “AI” on Dawn.',
      stylesheet: '/feed.xsl',
    })
    const contents = (path: string) => files.find((file) => file.path === path)?.contents
    expect(contents('tags/ai/rss.xml')).toBe(alone.rss)
    expect(contents('tags/ai/atom.xml')).toBe(alone.atom)
    expect(contents('tags/ai/feed.json')).toBe(alone.json)
    expect(contents('rss.xml')).toBe(createFeeds(articles, SITE, { stylesheet: '/feed.xsl' }).rss)
  })

  it('merges tags that share a slug under the spelling most articles use', () => {
    const articles = [
      makeArticle({ tags: ['Machine Learning'] }),
      makeArticle({ tags: ['machine learning'] }),
      makeArticle({ tags: ['Machine Learning', 'machine learning'] }),
    ]
    const files = createFeedFiles(articles, SITE)
    expect(files.filter((file) => file.path.startsWith('tags/')).map((file) => file.path)).toEqual([
      'tags/machine-learning/rss.xml',
      'tags/machine-learning/atom.xml',
      'tags/machine-learning/feed.json',
    ])
    const feed = read(files, 'tags/machine-learning/feed.json')
    expect(feed.title).toBe('Dawn: Machine Learning')
    expect(feed.items).toHaveLength(3)
  })

  it('gives C, C++ and C# feeds of their own (regression: the "C#" feed held the C++ article)', () => {
    const cpp = makeArticle({ title: 'Templates', tags: ['C++'] })
    const sharp = makeArticle({ title: 'LINQ', tags: ['C#'] })
    const c = makeArticle({ title: 'Pointers', tags: ['C'] })
    const files = createFeedFiles([cpp, sharp, c], SITE)
    const titles = (folder: string) =>
      read(files, `tags/${folder}/feed.json`).items.map((item) => item.title)
    expect(titles('c-plus-plus')).toEqual(['Templates'])
    expect(titles('c-sharp')).toEqual(['LINQ'])
    expect(titles('c')).toEqual(['Pointers'])
    expect(read(files, 'tags/c-sharp/feed.json').title).toBe('Dawn: C#')
  })

  it('applies the limit to every feed', () => {
    const articles = Array.from({ length: 4 }, () => makeArticle({ tags: ['Web'] }))
    const files = createFeedFiles(articles, SITE, { limit: 3 })
    expect(read(files, 'rss.xml').items).toHaveLength(3)
    expect(read(files, 'tags/web/atom.xml').items).toHaveLength(3)
  })

  it('writes no tag feeds when asked not to', () => {
    const files = createFeedFiles(loadArticles(), SITE, { tagFeeds: false })
    expect(files.map((file) => file.path)).toEqual(['rss.xml', 'atom.xml', 'feed.json', 'feed.xsl'])
  })

  it('gives identical files for the same articles in any order', () => {
    const articles = loadArticles()
    expect(createFeedFiles([...articles].reverse(), SITE)).toEqual(createFeedFiles(articles, SITE))
  })
})

describe('createFeedFiles with a content cache', () => {
  it('writes the same files as without one, and prepares each article once across builds', () => {
    const articles = loadArticles()
    const cache = new Map<string, string>()
    const first = createFeedFiles(articles, SITE, { contentCache: cache })
    expect(first).toEqual(createFeedFiles(articles, SITE))
    expect(cache.size).toBe(articles.length)

    let prepared = 0
    const counting = {
      get: (key: string) => cache.get(key),
      set: (key: string, html: string) => {
        prepared++
        return cache.set(key, html)
      },
    }
    expect(createFeedFiles(articles, SITE, { contentCache: counting })).toEqual(first)
    expect(prepared).toBe(0)
  })

  it('prepares an article again when its HTML changed', () => {
    const articles = loadArticles()
    const cache = new Map<string, string>()
    createFeedFiles(articles, SITE, { contentCache: cache })
    const edited = articles.map((article, index) =>
      index === 0 ? { ...article, html: `${article.html}<p>Edited <b>later</b>.</p>` } : article,
    )
    const files = createFeedFiles(edited, SITE, { contentCache: cache })
    expect(files).toEqual(createFeedFiles(edited, SITE))
    expect(cache.size).toBe(articles.length + 1)
  })
})

describe('createFeedFiles with a content cache that knows its keys', () => {
  it('never reads the HTML of an article whose key it has seen', () => {
    const articles = loadArticles()
    const cache = new Map<string, string>()
    const keyed = {
      get: (key: string) => cache.get(key),
      set: (key: string, html: string) => cache.set(key, html),
      keyOf: (article: { slug: string }) => `source-of-${article.slug}`,
    }
    const first = createFeedFiles(articles, SITE, { contentCache: keyed })
    expect(first).toEqual(createFeedFiles(articles, SITE))

    let htmlReads = 0
    const guarded = articles.map((article) => {
      const copy = { ...article }
      Object.defineProperty(copy, 'html', {
        get: () => {
          htmlReads++
          return article.html
        },
      })
      return copy
    })
    expect(createFeedFiles(guarded, SITE, { contentCache: keyed })).toEqual(first)
    expect(htmlReads).toBe(0)
  })
})

describe('createFeedFileRenderer', () => {
  it('plans the feeds createFeedFiles writes, and renders them to the same files', () => {
    const articles = loadArticles()
    const renderer = createFeedFileRenderer(SITE)
    const plans = renderer.plan(articles)
    expect(plans.map((plan) => plan.files[0])).toEqual([
      'rss.xml',
      ...['ai', 'html', 'machine-learning', 'web'].map((tag) => `tags/${tag}/rss.xml`),
    ])
    expect([...plans.flatMap((plan) => renderer.render(plan)), ...renderer.assets()]).toEqual(
      createFeedFiles(articles, SITE),
    )
  })

  it('lists in each plan the dated articles its feed shows, newest first, up to the limit', () => {
    const articles = [
      makeArticle({ slug: 'old', date: '2024-01-01T00:00:00.000Z' }),
      makeArticle({ slug: 'undated', date: undefined }),
      makeArticle({ slug: 'new', date: '2025-01-01T00:00:00.000Z' }),
      makeArticle({ slug: 'middle', date: '2024-06-01T00:00:00.000Z' }),
    ]
    const [main] = createFeedFileRenderer(SITE, { limit: 2, tagFeeds: false }).plan(articles)
    expect(main?.items.map((article) => article.slug)).toEqual(['new', 'middle'])
  })
})
