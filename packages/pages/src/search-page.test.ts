import { type HTMLElement, parse } from 'node-html-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadFixture } from '../test/articles.ts'
import { renderPages } from './render-pages.ts'
import type { OutputFile, Site, SiteArticle } from './types.ts'

let articles: SiteArticle[]
let site: Site
const render = (options: Parameters<typeof renderPages>[2]) => {
  const files = [...renderPages(articles, site, options)]
  return (path: string): HTMLElement => {
    const file = files.find((candidate: OutputFile) => candidate.path === path)
    if (!file) throw new Error(`No output at ${path}`)
    return parse(String(file.contents))
  }
}

beforeAll(async () => {
  ;({ articles, site } = await loadFixture())
})

describe('search', () => {
  it('renders no search page, box or link unless the build writes an index', () => {
    const files = [...renderPages(articles, site)].map((file) => file.path)
    expect(files).not.toContain('search/index.html')
    const page = render({})
    expect(page('index.html').querySelector('form[role=search]')).toBeNull()
    expect(page('index.html').querySelector('.site-nav a[href$="search/"]')).toBeNull()
  })

  it('puts a plain GET form to the search page on the home page, which works without JavaScript', () => {
    const form = render({ search: true })('index.html').querySelector('form[role=search]')
    expect(form?.getAttribute('method')).toBe('get')
    expect(form?.getAttribute('action')).toBe('search/')
    const input = form?.querySelector('input[name=q]')
    expect(input?.getAttribute('type')).toBe('search')
    expect(form?.querySelector(`label[for="${input?.getAttribute('id')}"]`)).not.toBeNull()
  })

  it('links the search page from every page and loads Pagefind from the written bundle, not a CDN', () => {
    const page = render({ search: true })
    expect(
      page('articles/first-light/index.html').querySelector('.site-nav a[href="../../search/"]'),
    ).not.toBeNull()
    const search = page('search/index.html')
    const sources = search
      .querySelectorAll('script[src], link[rel=stylesheet]')
      .map((element) => element.getAttribute('src') ?? element.getAttribute('href'))
    expect(sources).toEqual([
      '../style.css',
      '../pagefind/pagefind-ui.css',
      '../pagefind/pagefind-ui.js',
    ])
    expect(search.querySelector('#search')).not.toBeNull()
    expect(search.querySelector('noscript')?.text).toContain('needs JavaScript')
    expect(search.querySelector('meta[name=robots]')?.getAttribute('content')).toBe('noindex')
    // Results link under the site's base path (the fixture's URL has one).
    const basePath = new URL(site.url).pathname
    expect(search.querySelector('script:not([src])')?.text).toContain(
      `baseUrl: ${JSON.stringify(basePath)}`,
    )
  })

  it('marks only the article for indexing, leaving navigation and footer out', () => {
    const root = render({ search: true })('articles/first-light/index.html')
    const bodies = root.querySelectorAll('[data-pagefind-body]')
    expect(bodies.map((element) => element.tagName)).toEqual(['ARTICLE'])
    expect(bodies[0]?.querySelector('h1')?.text).toBe('First light')
    expect(bodies[0]?.querySelector('.site-nav, .site-footer, .pager')).toBeNull()
  })

  it('keeps the search page itself out of the index', () => {
    const root = render({ search: true })('search/index.html')
    expect(root.querySelector('[data-pagefind-body]')).toBeNull()
    expect(root.querySelector('.search-page')?.getAttribute('data-pagefind-ignore')).toBe('all')
  })

  it('says in a preview that search works on a built site, and loads no bundle there', () => {
    const root = render({ search: true, preview: new Date('2026-06-01T00:00:00Z') })(
      'search/index.html',
    )
    expect(root.querySelector('.notice')?.text).toContain('Search works on a built site')
    expect(root.querySelector('script[src]')).toBeNull()
  })

  it('offers the index of each other language the articles are written in, as Pagefind keeps one per language', () => {
    const french = { ...(articles[0] as SiteArticle), slug: 'premiere-lumiere', lang: 'fr' }
    const files = [...renderPages([french, ...articles], site, { search: true })]
    const root = parse(String(files.find((file) => file.path === 'search/index.html')?.contents))
    const links = root
      .querySelectorAll('.search-languages a')
      .map((link) => link.getAttribute('href'))
    expect(links).toEqual(['./?lang=fr', './'])
    expect(root.querySelector('.search-languages a')?.getAttribute('hreflang')).toBe('fr')
  })

  it('styles the search box in the stylesheet only when search is on', () => {
    const css = (options: Parameters<typeof renderPages>[2]) =>
      String(
        [...renderPages(articles, site, options)].find((file) => file.path === 'style.css')
          ?.contents,
      )
    expect(css({ search: true })).toContain('.search-form')
    expect(css({})).not.toContain('.search-form')
  })
})
