import { type HTMLElement, parse } from 'node-html-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadFixture, WORLD_DIR } from '../test/articles.ts'
import { renderPages } from './render-pages.ts'

let files: Map<string, string>
const page = (path: string): HTMLElement => {
  const contents = files.get(path)
  if (contents === undefined) throw new Error(`No output at ${path}`)
  return parse(contents)
}

beforeAll(async () => {
  const { articles, site } = await loadFixture(WORLD_DIR)
  files = new Map(
    [...renderPages(articles, site)].map((file) => [file.path, String(file.contents)]),
  )
})

const arabicPage = () => page('articles/arabic/index.html')

describe('pages in a language written right to left', () => {
  it('sets dir="rtl" with the article\'s lang on its page (regression: an Arabic article was laid out left to right)', () => {
    const html = arabicPage().querySelector('html') as HTMLElement
    expect([html.getAttribute('lang'), html.getAttribute('dir')]).toEqual(['ar', 'rtl'])
    const home = page('index.html').querySelector('html') as HTMLElement
    expect([home.getAttribute('lang'), home.getAttribute('dir')]).toEqual(['en-GB', 'ltr'])
  })

  it("keeps the site's own words in its language and direction on the Arabic page", () => {
    const root = arabicPage()
    for (const selector of ['.site-header', '.site-footer', '.skip-link', '.pager']) {
      const element = root.querySelector(selector)
      expect([element?.getAttribute('lang'), element?.getAttribute('dir')], selector).toEqual([
        'en-GB',
        'ltr',
      ])
    }
    // Single words ("By", "Contents") read in the article's direction, beside its text.
    for (const selector of ['.article__byline span', '.toc__title']) {
      const element = root.querySelector(selector)
      expect([element?.getAttribute('lang'), element?.getAttribute('dir')], selector).toEqual([
        'en-GB',
        undefined,
      ])
    }
  })

  it('gives each title in a list its own direction: the Arabic one rtl, the others auto', () => {
    const titles = page('index.html').querySelectorAll('.post-card__title')
    expect(titles.map((a) => [a.getAttribute('lang'), a.getAttribute('dir')])).toEqual([
      ['ar', 'rtl'],
      [undefined, 'auto'],
      [undefined, 'auto'],
    ])
    const archive = page('articles/index.html').querySelectorAll('.archive__list a')
    expect(archive[0]?.getAttribute('dir')).toBe('rtl')
    expect(page('tags/index.html').querySelector('.topics span')?.getAttribute('dir')).toBe('auto')
  })

  it('names the page language as Open Graph writes a locale', () => {
    const locale = (root: HTMLElement) =>
      root.querySelector('meta[property="og:locale"]')?.getAttribute('content')
    expect(locale(page('index.html'))).toBe('en_GB')
    expect(locale(arabicPage())).toBe('ar')
  })
})
