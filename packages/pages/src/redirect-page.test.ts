import { XMLParser } from 'fast-xml-parser'
import { parse } from 'node-html-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadFixture, WORLD_DIR } from '../test/articles.ts'
import { renderPages } from './render-pages.ts'

let files: Map<string, string>

beforeAll(async () => {
  const { articles, site } = await loadFixture(WORLD_DIR)
  files = new Map(
    [...renderPages(articles, site)].map((file) => [file.path, String(file.contents)]),
  )
})

describe('pages at the old slugs of a renamed article', () => {
  it.each(['first-name', 'second-name'])(
    'sends /articles/%s/ on to the article, out of search indexes',
    (old) => {
      const root = parse(files.get(`articles/${old}/index.html`) as string)
      const refresh = root.querySelector('meta[http-equiv=refresh]')?.getAttribute('content')
      expect(refresh).toBe('0; url=../renamed/')
      expect(root.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(
        'https://dawn.example/articles/renamed/',
      )
      expect(root.querySelector('meta[name=robots]')?.getAttribute('content')).toBe('noindex')
      const link = root.querySelector('main a')
      expect([link?.getAttribute('href'), link?.text]).toEqual(['../renamed/', 'A renamed article'])
      expect(root.querySelector('link[rel=stylesheet]')?.getAttribute('href')).toBe(
        '../../style.css',
      )
    },
  )

  it('leaves the redirect pages out of the sitemap', () => {
    const xml = new XMLParser().parse(files.get('sitemap.xml') as string)
    const locs = (xml.urlset.url as { loc: string }[]).map((url) => url.loc)
    expect(locs).toContain('https://dawn.example/articles/renamed/')
    expect(locs.some((loc) => /first-name|second-name/.test(loc))).toBe(false)
  })
})

describe("an article's headings on its page", () => {
  it("shows the body's level-1 headings one level lower, so the title is the one <h1> (regression: a second <h1>)", () => {
    const root = parse(files.get('articles/renamed/index.html') as string)
    expect(root.querySelectorAll('h1').map((h1) => h1.text)).toEqual(['A renamed article'])
    const prose = root.querySelector('.prose')
    expect(prose?.querySelectorAll('h2, h3, h6').map((h) => [h.tagName, h.id, h.text])).toEqual([
      ['H2', 'introduction', 'Introduction'],
      ['H3', 'detail', 'Detail'],
      ['H6', 'smallest', 'Smallest'],
    ])
    expect(root.querySelectorAll('.toc a').map((a) => a.getAttribute('href'))).toEqual([
      '#introduction',
      '#detail',
    ])
  })

  it('leaves out a leading "# Title" that repeats the title, and shifts nothing else', () => {
    const root = parse(files.get('articles/plain/index.html') as string)
    expect(root.querySelectorAll('h1').map((h1) => h1.text)).toEqual(['Plain'])
    expect(root.querySelectorAll('.prose input[type=checkbox]')).toHaveLength(2)
  })
})
