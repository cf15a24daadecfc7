import { XMLParser } from 'fast-xml-parser'
import { parse } from 'node-html-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadFixture, manyArticles } from '../test/articles.ts'
import { paginate } from './pagination.ts'
import { renderPages } from './render-pages.ts'
import type { OutputFile, Site, SiteArticle } from './types.ts'

let site: Site
let articles: SiteArticle[]
let files: Map<string, string>
const page = (path: string) => {
  const contents = files.get(path)
  if (contents === undefined) throw new Error(`No output at ${path}`)
  return parse(contents)
}

beforeAll(async () => {
  const fixture = await loadFixture()
  site = fixture.site
  articles = manyArticles({ ...(fixture.articles[2] as SiteArticle), tags: ['AI'] }, 23)
  const output: OutputFile[] = [...renderPages(articles, site, { pageSize: 10 })]
  files = new Map(output.map((file) => [file.path, String(file.contents)]))
})

/** The site path of an output file, as a link resolves to it. */
function follow(from: string, href: string): string {
  const url = new URL(href, new URL(from, 'https://site.test/'))
  return `${url.pathname.slice(1)}${url.pathname.endsWith('/') ? 'index.html' : ''}`
}

describe('paginated lists', () => {
  it('cuts a list into pages with their neighbours, one page for an empty list', () => {
    const pages = paginate([1, 2, 3], '/tags/a/', 2)
    expect(
      pages.map(({ items, path, previous, next }) => ({ items, path, previous, next })),
    ).toEqual([
      { items: [1, 2], path: '/tags/a/', previous: undefined, next: '/tags/a/page/2/' },
      { items: [3], path: '/tags/a/page/2/', previous: '/tags/a/', next: undefined },
    ])
    expect(paginate([], '/', 10)).toHaveLength(1)
  })

  it('puts pageSize articles on each home page, page 1 at / and no /page/1/', () => {
    expect([...files.keys()].filter((path) => /(^|\/)page\//.test(path)).sort()).toEqual([
      'page/2/index.html',
      'page/3/index.html',
      'tags/ai/page/2/index.html',
      'tags/ai/page/3/index.html',
    ])
    expect(page('index.html').querySelectorAll('.post-card')).toHaveLength(10)
    expect(page('page/3/index.html').querySelectorAll('.post-card')).toHaveLength(3)
    expect(page('page/2/index.html').querySelector('title')?.text).toBe('Dawn <Test> · Page 2 of 3')
  })

  it('links the pages with rel prev and next that resolve, and reaches every article (regression: 10,000 articles on one page)', () => {
    for (const first of ['index.html', 'tags/ai/index.html']) {
      const seen: string[] = []
      let path: string | undefined = first
      let previous: string | undefined
      while (path !== undefined) {
        const root = page(path)
        seen.push(
          ...root
            .querySelectorAll('.post-card h2 a, .post-card h3 a')
            .map((a) => follow(path as string, a.getAttribute('href') as string)),
        )
        const prev = root.querySelector('head link[rel=prev]')?.getAttribute('href')
        expect(prev === undefined ? undefined : follow(path, prev)).toBe(previous)
        const next = root.querySelector('head link[rel=next]')?.getAttribute('href')
        const shown = root.querySelector('.pagination a[rel=next]')?.getAttribute('href')
        expect(shown).toBe(next)
        previous = path
        path = next === undefined ? undefined : follow(path, next)
        if (path !== undefined) expect(files.has(path), path).toBe(true)
      }
      expect(seen).toEqual(articles.map((article) => `articles/${article.slug}/index.html`))
    }
  })

  it('lists every page of every list in the sitemap, and no page that does not exist', () => {
    const xml = new XMLParser().parse(files.get('sitemap.xml') as string)
    const locs = (xml.urlset.url as { loc: string }[]).map((url) => url.loc)
    const base = 'https://example.com/blog/'
    for (const path of ['', 'page/2/', 'page/3/', 'tags/ai/page/3/', 'articles/', 'tags/']) {
      expect(locs).toContain(base + path)
    }
    for (const loc of locs) {
      const path = loc.slice(base.length)
      expect(files.has(path === '' || path.endsWith('/') ? `${path}index.html` : path), loc).toBe(
        true,
      )
    }
  })

  it('lists every article on /articles/ by year, and every tag on /tags/ (regression: both were 404)', () => {
    const archive = page('articles/index.html')
    expect(archive.querySelectorAll('.archive__list a')).toHaveLength(23)
    expect(archive.querySelectorAll('.archive h2').map((h2) => h2.text)).toEqual([
      '2026',
      '2025',
      '2024',
    ])
    const tags = page('tags/index.html')
    expect(tags.querySelectorAll('.topics a').map((a) => [a.getAttribute('href'), a.text])).toEqual(
      [['ai/', 'AI 23 articles']],
    )
    expect(page('index.html').querySelector('.site-nav a[href="articles/"]')?.text).toBe('Articles')
  })

  it('refuses a page size that is not a whole number from 1', () => {
    expect(() => [...renderPages(articles, site, { pageSize: 0 })]).toThrow(TypeError)
  })
})
