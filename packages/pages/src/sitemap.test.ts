import { XMLParser } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadFixture, manyArticles } from '../test/articles.ts'
import { renderPages } from './render-pages.ts'
import { renderSitemaps, SITEMAP_LIMITS } from './sitemap.ts'
import { groupByTag } from './tags.ts'
import type { Site, SiteArticle } from './types.ts'

let site: Site
let one: SiteArticle

beforeAll(async () => {
  const fixture = await loadFixture()
  site = fixture.site
  one = { ...(fixture.articles[2] as SiteArticle), tags: ['AI'] }
})

const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' })

/** Every `<loc>` of a set of sitemap files, and each part's URL count and size. */
function read(files: { path: string; contents: string }[]) {
  const [index, ...parts] = files
  const root = parser.parse(index?.contents ?? '')
  const partLocs: string[] = (root.sitemapindex?.sitemap ?? []).map(
    (entry: { loc: string }) => entry.loc,
  )
  const urls = parts.flatMap((part) => parser.parse(part.contents).urlset.url)
  return {
    index: root,
    partLocs,
    locs: urls.map((url: { loc: string }) => url.loc),
    sizes: parts.map((part) => ({
      urls: parser.parse(part.contents).urlset.url.length,
      bytes: Buffer.byteLength(part.contents),
    })),
  }
}

describe('the sitemap', () => {
  it('is one sitemap.xml of every URL while they fit in one', () => {
    const articles = manyArticles(one, 30)
    const files = renderSitemaps(articles, groupByTag(articles), site, 10)
    expect(files.map((file) => file.path)).toEqual(['sitemap.xml'])
    const urls = parser.parse(files[0]?.contents ?? '').urlset.url
    // 3 home pages, the two indexes, 30 articles, 3 pages of the one tag.
    expect(urls).toHaveLength(38)
  })

  it('splits past 50,000 URLs into parts under a sitemap index, each within the limits (regression: 135,016 URLs in one sitemap.xml at 100,000 articles)', () => {
    const articles = manyArticles(one, 50_001)
    const files = renderSitemaps(articles, groupByTag(articles), site, 1_000)
    expect(files.map((file) => file.path)).toEqual([
      'sitemap.xml',
      'sitemap-1.xml',
      'sitemap-2.xml',
    ])
    const { partLocs, locs, sizes } = read(files)
    expect(partLocs).toEqual([
      new URL('sitemap-1.xml', site.url).href,
      new URL('sitemap-2.xml', site.url).href,
    ])
    // 51 home pages, the two indexes, the articles and 51 pages of the tag, each once.
    expect(locs).toHaveLength(51 + 2 + 50_001 + 51)
    expect(new Set(locs).size).toBe(locs.length)
    for (const size of sizes) {
      expect(size.urls).toBeLessThanOrEqual(SITEMAP_LIMITS.urls)
      expect(size.bytes).toBeLessThanOrEqual(SITEMAP_LIMITS.bytes)
    }
  })

  it('starts a new part before one would pass the byte limit', () => {
    const articles = manyArticles(one, 20)
    const limits = { urls: 1_000, bytes: 1_500 }
    const files = renderSitemaps(articles, groupByTag(articles), site, 10, limits)
    const { locs, sizes } = read(files)
    expect(sizes.length).toBeGreaterThan(2)
    for (const size of sizes) expect(size.bytes).toBeLessThanOrEqual(limits.bytes)
    expect(locs).toHaveLength(2 + 2 + 20 + 2)
  })

  it('dates each part in the index by the newest page it lists', () => {
    const articles = manyArticles(one, 6)
    const files = renderSitemaps(articles, groupByTag(articles), site, 10, {
      urls: 4,
      bytes: SITEMAP_LIMITS.bytes,
    })
    const { index } = read(files)
    const lastmods = index.sitemapindex.sitemap.map((entry: { lastmod?: string }) => entry.lastmod)
    expect(lastmods[0]).toBe(articles[0]?.date)
    expect(lastmods).toHaveLength(3)
  })

  it('is what the site writes, in every part', () => {
    const articles = manyArticles(one, 3)
    const written = [...renderPages(articles, site, { pageSize: 10 })]
    const sitemaps = renderSitemaps(articles, groupByTag(articles), site, 10)
    for (const file of sitemaps) {
      expect(written.find((output) => output.path === file.path)?.contents).toBe(file.contents)
    }
  })
})
