import { XMLParser } from 'fast-xml-parser'
import { type HTMLElement, parse } from 'node-html-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadFixture } from '../test/articles.ts'
import { renderPages } from './render-pages.ts'
import type { OutputFile, Site, SiteArticle } from './types.ts'

let articles: SiteArticle[]
let site: Site
let files: OutputFile[]
const byPath = (path: string) => {
  const file = files.find((candidate) => candidate.path === path)
  if (!file) throw new Error(`No output at ${path}`)
  return String(file.contents)
}
const page = (path: string) => parse(byPath(path))
const meta = (root: HTMLElement, key: string) =>
  root.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content')

beforeAll(async () => {
  ;({ articles, site } = await loadFixture())
  files = [...renderPages(articles, site)]
})

describe('renderPages', () => {
  it('writes the home page, the indexes, one page per article and tag, 404, sitemap, robots and CSS', () => {
    expect(files.map((file) => file.path).sort()).toEqual([
      '404.html',
      'articles/first-light/index.html',
      'articles/hostile/index.html',
      'articles/index.html',
      'articles/middle-ground/index.html',
      'index.html',
      'robots.txt',
      'sitemap.xml',
      'style.css',
      'tags/ai/index.html',
      'tags/history/index.html',
      'tags/img-src-x-onerror-alert-1/index.html',
      'tags/index.html',
    ])
  })

  it('lists articles newest first on the home page with date, reading time, description and tags', () => {
    const cards = page('index.html').querySelectorAll('.post-card')
    expect(cards.map((card) => card.querySelector('h3')?.text)).toEqual([
      articles[0]?.title,
      'Middle ground',
      'First light',
    ])
    const oldest = cards[2] as HTMLElement
    expect(oldest.querySelector('time')?.getAttribute('datetime')).toBe('2026-01-10')
    expect(oldest.querySelector('time')?.text).toBe('January 10, 2026')
    expect(oldest.querySelector('.meta')?.text).toContain('1 min read')
    expect(oldest.querySelector('.post-card__description')?.text).toBe(
      'The oldest article in the collection.',
    )
    expect(oldest.querySelectorAll('.tag').map((tag) => tag.text)).toEqual(['AI', 'History'])
  })

  it('renders an article with its metadata, a table of contents and no repeated title', () => {
    const root = page('articles/first-light/index.html')
    expect(root.querySelectorAll('h1').map((h1) => h1.text)).toEqual(['First light'])
    expect(root.querySelector('.article__byline a')?.getAttribute('href')).toBe(
      'https://example.com/ada',
    )
    expect(root.querySelector('.prose p')?.text).toBe('Opening paragraph of the oldest article.')
    const toc = root.querySelector('.toc')
    expect(toc?.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
      '#beginnings',
      '#early-days',
      '#later',
    ])
    expect(root.querySelector('#early-days')?.tagName).toBe('H3')
  })

  it('shows the updated date and every author', () => {
    const root = page('articles/middle-ground/index.html')
    expect(root.querySelector('.article__byline')?.text).toBe(
      'By Grace Hopper, Alan Turing and Katherine Johnson',
    )
    expect(root.querySelector('.meta--updated')?.text).toBe('Updated April 1, 2026')
    expect(root.querySelector('.toc')).toBeNull()
  })

  it('links each article to the older and the newer one', () => {
    const pager = page('articles/middle-ground/index.html').querySelector('.pager')
    expect(pager?.querySelector('[rel=prev]')?.getAttribute('href')).toBe('../first-light/')
    expect(pager?.querySelector('[rel=next]')?.getAttribute('href')).toBe('../hostile/')
    const oldest = page('articles/first-light/index.html').querySelector('.pager')
    expect(oldest?.querySelector('[rel=prev]')).toBeNull()
  })

  it('gives every page a complete head with absolute canonical and card URLs', () => {
    for (const file of files.filter((candidate) => candidate.path.endsWith('.html'))) {
      const root = parse(String(file.contents))
      const head = root.querySelector('head') as HTMLElement
      expect(head.querySelector('title')?.text, file.path).toBeTruthy()
      expect(meta(head, 'description'), file.path).toBeTruthy()
      const canonical = head.querySelector('link[rel=canonical]')?.getAttribute('href') ?? ''
      expect(canonical.startsWith('https://example.com/blog/'), file.path).toBe(true)
      expect(meta(head, 'og:url')).toBe(canonical)
      expect(meta(head, 'og:title')).toBeTruthy()
      expect(meta(head, 'og:description')).toBeTruthy()
      expect(meta(head, 'og:image')).toMatch(/^https:\/\/example\.com\/blog\/og\/[a-z0-9_-]+\.png$/)
      expect(meta(head, 'og:image:width')).toBe('1200')
      expect(meta(head, 'og:image:height')).toBe('630')
      expect(meta(head, 'og:image:type')).toBe('image/png')
      expect(meta(head, 'og:image:alt')).toBeTruthy()
      expect(meta(head, 'twitter:card')).toBe('summary_large_image')
      const feeds = head
        .querySelectorAll('link[rel=alternate]')
        .slice(0, 3)
        .map((link) => link.getAttribute('type'))
      expect(feeds).toEqual([
        'application/rss+xml',
        'application/atom+xml',
        'application/feed+json',
      ])
    }
    const article = page('articles/first-light/index.html')
    expect(meta(article, 'og:type')).toBe('article')
    expect(meta(article, 'og:image')).toBe('https://example.com/blog/og/first-light.png')
    expect(meta(article, 'article:published_time')).toBe('2026-01-10T00:00:00.000Z')
    expect(meta(page('index.html'), 'og:type')).toBe('website')
  })

  it('adds JSON-LD Article data that a title with </script> cannot break out of', () => {
    const source = byPath('articles/hostile/index.html')
    const root = parse(source)
    const scripts = root.querySelectorAll('script')
    expect(scripts.map((script) => script.getAttribute('type'))).toEqual(['application/ld+json'])
    const data = JSON.parse(scripts[0]?.rawText ?? '')
    expect(data['@type']).toBe('Article')
    expect(data.headline).toBe("</script><script>alert('title')</script> & <b>bold</b>")
    expect(data.image.url).toBe('https://example.com/blog/og/hostile.png')
    expect(scripts[0]?.rawText).not.toMatch(/<\/script/i)
  })

  it('escapes every text and keeps no script, event handler or javascript: URL', () => {
    for (const file of files.filter((candidate) => candidate.path.endsWith('.html'))) {
      const root = parse(String(file.contents))
      const scripts = root.querySelectorAll('script')
      expect(scripts.every((script) => script.getAttribute('type') === 'application/ld+json')).toBe(
        true,
      )
      for (const element of root.querySelectorAll('*')) {
        for (const [name, value] of Object.entries(element.attributes)) {
          expect(name.startsWith('on'), `${file.path}: ${name}`).toBe(false)
          expect(value.trim().toLowerCase().startsWith('javascript:'), file.path).toBe(false)
        }
        expect(['B', 'IMG'].includes(element.tagName) && element.closest('h1, h2')).toBeFalsy()
      }
    }
    const root = page('articles/hostile/index.html')
    expect(root.querySelector('h1')?.text).toBe(
      "</script><script>alert('title')</script> & <b>bold</b>",
    )
    expect(root.querySelector('.article__byline')?.text).toBe('By Mallory <evil>')
    expect(root.querySelector('.article__byline a')).toBeNull()
    expect(root.querySelector('.prose img')?.getAttribute('alt')).toBe('pic')
  })

  it('links only to pages and files that exist, relative to each page', () => {
    const outputs = new Set(files.map((file) => file.path))
    const expected = new Set(['rss.xml', 'atom.xml', 'feed.json'])
    for (const file of files.filter((candidate) => candidate.path.endsWith('.html'))) {
      if (file.path === '404.html') continue
      const root = parse(String(file.contents))
      const base = new URL(file.path, 'https://site.test/')
      for (const link of root.querySelectorAll('a[href], link[href]')) {
        const href = link.getAttribute('href') as string
        if (/^(https?:|data:|#)/.test(href)) continue
        const target = new URL(href, base)
        expect(target.origin, `${file.path} → ${href}`).toBe('https://site.test')
        let path = target.pathname.slice(1)
        if (path === '' || path.endsWith('/')) path += 'index.html'
        const isTagFeed = /^tags\/[^/]+\/(rss\.xml|atom\.xml|feed\.json)$/.test(path)
        expect(outputs.has(path) || expected.has(path) || isTagFeed, `${file.path} → ${href}`).toBe(
          true,
        )
      }
    }
  })

  it('roots the links of the 404 page at the base path, since it is served at any depth', () => {
    const root = page('404.html')
    expect(root.querySelector('link[rel=stylesheet]')?.getAttribute('href')).toBe('/blog/style.css')
    expect(root.querySelector('.brand')?.getAttribute('href')).toBe('/blog/')
    expect(meta(root, 'robots')).toBe('noindex')
  })

  it('lists the topics on the home page with their article counts', () => {
    const topics = page('index.html').querySelectorAll('.topics a')
    expect(topics.map((link) => [link.getAttribute('href'), link.text])).toEqual([
      ['tags/ai/', 'AI 2 articles'],
      ['tags/history/', 'History 1 article'],
      ['tags/img-src-x-onerror-alert-1/', '<img src=x onerror=alert(1)> 1 article'],
    ])
  })

  it('gives tags that differ only in case one page', () => {
    const root = page('tags/ai/index.html')
    expect(root.querySelector('h1')?.text).toBe('AI')
    expect(root.querySelectorAll('.post-card h2').map((h2) => h2.text)).toEqual([
      'Middle ground',
      'First light',
    ])
    expect(
      root.querySelectorAll('link[rel=alternate]').map((link) => link.getAttribute('href')),
    ).toEqual([
      '../../rss.xml',
      '../../atom.xml',
      '../../feed.json',
      'rss.xml',
      'atom.xml',
      'feed.json',
    ])
  })

  it('writes a sitemap of the home page, the indexes, articles and tag pages with their last change', () => {
    const xml = new XMLParser().parse(byPath('sitemap.xml'))
    const urls = xml.urlset.url as { loc: string; lastmod?: string }[]
    expect(urls.map((url) => url.loc)).toEqual([
      'https://example.com/blog/',
      'https://example.com/blog/articles/',
      'https://example.com/blog/tags/',
      'https://example.com/blog/articles/hostile/',
      'https://example.com/blog/articles/middle-ground/',
      'https://example.com/blog/articles/first-light/',
      'https://example.com/blog/tags/ai/',
      'https://example.com/blog/tags/history/',
      'https://example.com/blog/tags/img-src-x-onerror-alert-1/',
    ])
    expect(urls[4]?.lastmod).toBe('2026-04-01T00:00:00.000Z')
    expect(urls[0]?.lastmod).toBe('2026-05-20T00:00:00.000Z')
  })

  it('announces the sitemap in robots.txt', () => {
    expect(byPath('robots.txt')).toContain('Sitemap: https://example.com/blog/sitemap.xml')
  })

  it('renders byte-identical output for the same input', () => {
    expect([...renderPages(articles, site)]).toEqual(files)
  })

  it('leaves tag feed links out when tag feeds are not built', () => {
    const root = parse(
      String(
        [...renderPages(articles, site, { tagFeeds: false })].find(
          (file) => file.path === 'tags/ai/index.html',
        )?.contents,
      ),
    )
    expect(root.querySelectorAll('link[rel=alternate]')).toHaveLength(3)
  })
})
