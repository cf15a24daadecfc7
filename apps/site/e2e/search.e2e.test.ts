import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSite } from './built-site.ts'
import { launchBrowser, type RunningScript, resultPath, runScript } from './harness.ts'

const SEED_TITLE = 'The Dawn of Large Language Models'
/** A word of the seed article's body that no other part of the site has. */
const WORD = 'Transformer'

let preview: RunningScript
let browser: Browser
let page: Page
/** Every request the page made that left the preview server. */
const outside: string[] = []

beforeAll(async () => {
  preview = await runScript('preview', ['--port', '0'])
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  // Offline: anything but the preview server is refused, and noted.
  await page.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(preview.url)) return route.continue()
    outside.push(url)
    return route.abort()
  })
})

afterAll(async () => {
  await browser?.close()
  await preview?.stop()
})

describe('search on the built site, offline', () => {
  it('finds the seed article from the home page’s search box', async () => {
    await page.goto(preview.url)
    const box = page.locator('form[role=search] input[name=q]')
    await box.fill(WORD)
    await box.press('Enter')
    await page.waitForURL(/\/search\/\?q=Transformer$/)
    const result = page.locator('.pagefind-ui__result-link', { hasText: SEED_TITLE })
    await expect.poll(() => result.count(), { timeout: 15_000 }).toBe(1)
    expect(new URL((await result.getAttribute('href')) as string, preview.url).pathname).toBe(
      '/articles/the-dawn-of-large-language-models/',
    )
    expect(await page.locator('.pagefind-ui__result-excerpt mark').first().textContent()).toMatch(
      /transformer/i,
    )
    await page.screenshot({ path: await resultPath('search.png'), fullPage: true })
    expect(outside).toEqual([])
  })

  it('searches as the reader types on the search page, and finds nothing for a word the site lacks', async () => {
    await page.goto(new URL('search/', preview.url).href)
    const input = page.locator('.pagefind-ui__search-input')
    await input.fill('fine-tuning')
    await expect
      .poll(() => page.locator('.pagefind-ui__result-link', { hasText: SEED_TITLE }).count(), {
        timeout: 15_000,
      })
      .toBe(1)
    await input.fill('zygomorphic')
    await expect
      .poll(() => page.locator('.pagefind-ui__message').textContent(), { timeout: 15_000 })
      .toMatch(/No results/i)
    expect(outside).toEqual([])
  })

  it('serves the icons and the manifest the pages link to', async () => {
    await page.goto(preview.url)
    const hrefs = await page
      .locator('link[rel=icon], link[rel=apple-touch-icon], link[rel=manifest]')
      .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href))
    expect(hrefs.map((href) => new URL(href).pathname)).toEqual([
      '/favicon.ico',
      '/favicon.svg',
      '/apple-touch-icon.png',
      '/manifest.webmanifest',
    ])
    // Fetched from the test, not the page: under request interception Chromium fails a
    // page's own fetch of /favicon.ico (it treats that path as its favicon request).
    const types = await Promise.all(
      hrefs.map(async (href) => {
        const response = await fetch(href)
        return [response.status, response.headers.get('content-type')]
      }),
    )
    expect(types).toEqual([
      [200, 'image/x-icon'],
      [200, 'image/svg+xml'],
      [200, 'image/png'],
      [200, 'application/manifest+json'],
    ])
  })

  it('shows an article’s markup in its title and body as text in the results, never as elements', async () => {
    const site = await buildSite({
      'content/site.json': JSON.stringify({
        title: 'Hostile',
        description: 'Markup in search results.',
        url: 'https://hostile.example/',
        author: { name: 'Ada' },
      }),
      'content/articles/a.md': `---
title: 'Zebra <img src=x onerror="window.pwned=1">'
description: An article whose title and body hold markup as text.
date: 2025-01-01
---

Zebraword \`<img src=x onerror="window.pwned=2">\` and &lt;img src=x onerror="window.pwned=3"&gt;.
`,
    })
    const hostile = await browser.newPage()
    await hostile.route('**/*', (route) =>
      route.request().url().startsWith(site.url) ? route.continue() : route.abort(),
    )
    try {
      await hostile.goto(new URL('search/?q=zebraword', site.url).href)
      const link = hostile.locator('.pagefind-ui__result-link')
      await expect.poll(() => link.count(), { timeout: 15_000 }).toBe(1)
      expect(await link.textContent()).toBe('Zebra <img src=x onerror="window.pwned=1">')
      expect(await hostile.locator('.pagefind-ui__result-excerpt').textContent()).toContain(
        '<img src=x onerror="window.pwned=2">',
      )
      expect(
        await hostile.locator('.pagefind-ui__results img, .pagefind-ui__results script').count(),
      ).toBe(0)
      expect(await hostile.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined()
    } finally {
      await hostile.close()
      await site.stop()
    }
  })
})
