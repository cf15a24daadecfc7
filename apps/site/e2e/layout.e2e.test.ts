import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BuiltSite, buildSite } from './built-site.ts'
import { launchBrowser } from './harness.ts'
import { HOSTILE_PAGE_SIZE, hostileFiles, hostileSlugs } from './hostile-corpus.ts'

let site: BuiltSite
let browser: Browser
let phone: Page

beforeAll(async () => {
  site = await buildSite(hostileFiles(), { outputs: { pages: { pageSize: HOSTILE_PAGE_SIZE } } })
  browser = await launchBrowser()
  phone = await browser.newPage({ viewport: { width: 360, height: 740 } })
})

afterAll(async () => {
  await browser?.close()
  await site?.stop()
})

const open = async (page: Page, path: string) => {
  const response = await page.goto(new URL(path.replace(/^\//, ''), site.url).href)
  expect(response?.status(), path).toBe(200)
}

describe('the hostile site in a browser', () => {
  it('builds every kind of page', () => {
    for (const path of [
      '/',
      '/page/2/',
      '/articles/',
      '/tags/',
      '/tags/many/page/2/',
      '/articles/old-renamed/',
    ]) {
      expect(site.pages).toContain(path)
    }
  })

  it.each(['light', 'dark'] as const)(
    'fits every page in a 360 px viewport, %s (regression: a long URL made a phone page 672 px wide, long titles 895 px)',
    async (scheme) => {
      await phone.emulateMedia({ colorScheme: scheme })
      const wide: string[] = []
      for (const path of site.pages.filter((page) => page !== '/articles/old-renamed/')) {
        await open(phone, path)
        const width = await phone.evaluate(() => document.documentElement.scrollWidth)
        if (width > 360) wide.push(`${path}: ${width} px`)
      }
      expect(wide).toEqual([])
    },
  )

  it('lays the Arabic article out right to left, with the quote rule on the right and the table mirrored', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await open(page, '/articles/arabic/')
    const layout = await page.evaluate(() => {
      const style = (selector: string) =>
        getComputedStyle(document.querySelector(selector) as Element)
      const box = (selector: string) =>
        (document.querySelector(selector) as Element).getBoundingClientRect()
      const quote = style('.prose blockquote')
      const cell = box('.prose tbody td')
      const text = document.createRange()
      text.selectNodeContents(document.querySelector('.prose tbody td') as Node)
      const words = text.getBoundingClientRect()
      return {
        html: [document.documentElement.lang, document.documentElement.dir],
        direction: style('.prose').direction,
        header: style('.site-header').direction,
        code: style('.prose pre').direction,
        quote: [quote.borderRightWidth, quote.borderLeftWidth],
        // The first column is the rightmost, and a cell's text starts at its right edge.
        firstColumnOnTheRight: box('.prose th:first-child').left > box('.prose th:last-child').left,
        textAtTheRight: Math.abs(cell.right - words.right) < Math.abs(cell.left - words.left),
      }
    })
    expect(layout).toEqual({
      html: ['ar', 'rtl'],
      direction: 'rtl',
      header: 'ltr',
      code: 'ltr',
      quote: ['3px', '0px'],
      firstColumnOnTheRight: true,
      textAtTheRight: true,
    })
    await page.close()
  })

  it('gives titles of mixed direction their own direction in lists', async () => {
    await open(phone, '/articles/')
    const directions = await phone.evaluate(() =>
      Object.fromEntries(
        Array.from(document.querySelectorAll('.archive__list a')).map((a) => [
          a.textContent,
          getComputedStyle(a).direction,
        ]),
      ),
    )
    expect(directions['فجر النماذج اللغوية الكبيرة']).toBe('rtl')
    expect(directions['عربي first, then English: a mixed title']).toBe('rtl')
    expect(directions['A link that never ends']).toBe('ltr')
  })

  it('links the pages of every list with rel prev and next, reaching every article, each page in sitemap.xml', async () => {
    const sitemap = new XMLParser().parse(await readFile(join(site.outDir, 'sitemap.xml'), 'utf8'))
    const locs = new Set(
      (sitemap.urlset.url as { loc: string }[]).map((url) => new URL(url.loc).pathname),
    )
    const reached = new Set<string>()
    let pages = 0
    let next: string | null = '/'
    let previous: string | undefined
    while (next !== null) {
      const path: string = next
      await open(phone, path)
      pages++
      expect(locs.has(path), path).toBe(true)
      const found = await phone.evaluate(() => ({
        articles: Array.from(
          document.querySelectorAll<HTMLAnchorElement>('.post-card__title a'),
        ).map((a) => new URL(a.href).pathname),
        prev:
          (document.querySelector('head link[rel=prev]') as HTMLLinkElement | null)?.href ?? null,
        next:
          (document.querySelector('head link[rel=next]') as HTMLLinkElement | null)?.href ?? null,
        shown:
          (document.querySelector('.pagination a[rel=next]') as HTMLAnchorElement | null)?.href ??
          null,
      }))
      expect(found.articles.length).toBeLessThanOrEqual(HOSTILE_PAGE_SIZE)
      for (const article of found.articles) reached.add(article)
      expect(found.prev === null ? undefined : new URL(found.prev).pathname).toBe(previous)
      expect(found.shown).toBe(found.next)
      previous = path
      next = found.next === null ? null : new URL(found.next).pathname
    }
    expect(pages).toBe(Math.ceil(hostileSlugs().length / HOSTILE_PAGE_SIZE))
    expect([...reached].sort()).toEqual(
      hostileSlugs()
        .map((slug) => `/articles/${slug}/`)
        .sort(),
    )
    expect(locs.has('/page/1/')).toBe(false)
    expect(locs.has('/articles/old-renamed/')).toBe(false)
  })

  it('sends an old slug on to the renamed article', async () => {
    await phone.goto(new URL('articles/old-renamed/', site.url).href)
    await phone.waitForURL('**/articles/renamed/')
    expect(await phone.locator('h1').textContent()).toBe('Renamed')
  })

  it('shows the body of every block as written: one <h1>, no bullet beside a task, a readable h6, bold CJK', async () => {
    await open(phone, '/articles/blocks/')
    const found = await phone.evaluate(() => ({
      h1: document.querySelectorAll('h1').length,
      marker: Array.from(document.querySelectorAll('.prose li')).map(
        (li) => getComputedStyle(li).listStyleType,
      ),
      h6: Number.parseFloat(
        getComputedStyle(document.querySelector('.prose h6') as Element).fontSize,
      ),
      bold: Array.from(document.querySelectorAll('.prose strong')).map(
        (strong) => strong.textContent,
      ),
    }))
    expect(found.h1).toBe(1)
    expect(found.marker.slice(0, 2)).toEqual(['none', 'none'])
    expect(found.h6).toBeGreaterThanOrEqual(15)
    expect(found.bold).toContain('「注意」')
  })
})
