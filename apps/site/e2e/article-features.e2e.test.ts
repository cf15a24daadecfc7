import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createBuild, type RunningServer, startPreviewServer } from '@dawnpress/build'
import { XMLParser } from 'fast-xml-parser'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, resultPath } from './harness.ts'

// An article with a relative image, a cover image, a TypeScript code block, a link to
// another article's file and a GitHub alert, built by the engine and read in Chromium.
const FIXTURE = fileURLToPath(new URL('./fixtures/features/', import.meta.url))
const ARTICLE = '/articles/training-loops/'

let root: string
let server: RunningServer
let browser: Browser
let page: Page

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'dawnpress-features-'))
  cpSync(FIXTURE, join(root, 'content'), { recursive: true })
  const build = await createBuild({ root })
  const result = await build.build()
  await build.dispose()
  expect(result.problems).toEqual([])
  server = await startPreviewServer({ dir: join(root, 'dist'), port: 0 })
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.goto(new URL(ARTICLE, server.url).href)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (root) rmSync(root, { recursive: true, force: true })
})

describe('an article with images, code, a link to another article and an alert', () => {
  it('shows the image beside the article, at its size, from a WebP copy', async () => {
    const image = page.locator('.prose img').first()
    await image.scrollIntoViewIfNeeded()
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete)).toBe(true)
    const shown = await image.evaluate((img: HTMLImageElement) => ({
      natural: [img.naturalWidth, img.naturalHeight],
      attributes: [img.getAttribute('width'), img.getAttribute('height')],
      current: img.currentSrc,
      alt: img.alt,
    }))
    expect(shown.attributes).toEqual(['1600', '900'])
    expect(shown.natural[0]).toBeGreaterThan(0)
    expect(shown.current).toMatch(/\/assets\/training-loop\.[0-9a-f]{10}-\d+\.webp$/)
    expect(shown.alt).toMatch(/^The training loop/)
  })

  it('shows the cover at the top, loaded at once', async () => {
    const cover = page.locator('.article__cover')
    // The browser picks the srcset variant for the viewport; all are WebP copies of the JPEG.
    await expect
      .poll(() => cover.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0)
    expect(await cover.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\.webp$/)
    expect(await cover.getAttribute('width')).toBe('1200')
    expect(await cover.getAttribute('loading')).toBe('eager')
  })

  it('highlights the TypeScript code and labels its language', async () => {
    const block = page.locator('figure.code-block').first()
    expect(await block.locator('figcaption').textContent()).toBe('TypeScript')
    const colors = await block
      .locator('pre span[style]')
      .evaluateAll((spans) => new Set(spans.map((span) => getComputedStyle(span).color)).size)
    expect(colors).toBeGreaterThan(2)
  })

  it("copies a code block's text with its Copy button", async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(server.url).origin,
    })
    const block = page.locator('figure.code-block').first()
    const button = block.locator('button.code-block__copy')
    expect(await button.textContent()).toBe('Copy')
    await button.click()
    await expect.poll(() => button.textContent()).toBe('Copied')
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(await block.locator('code').textContent())
    expect(copied).toContain('for (')
  })

  it('renders the alert as GitHub does', async () => {
    const alert = page.locator('.markdown-alert-note')
    expect(await alert.isVisible()).toBe(true)
    expect(await alert.textContent()).toContain('The loop above leaves out evaluation')
  })

  it("follows the link to the other article's file to its page and heading", async () => {
    await page.locator('.prose a', { hasText: 'the article on evaluation' }).click()
    await page.waitForURL(/\/articles\/evaluation\/#held-out-data$/)
    expect(await page.locator('h2#held-out-data').textContent()).toBe('Held-out data')
    await page.screenshot({ path: await resultPath('article-features.png'), fullPage: true })
    await page.goBack()
  })

  it('shares a card that shows the cover, and feeds whose every asset URL is served', async () => {
    const card = await page.locator('meta[property="og:image"]').getAttribute('content')
    const cardUrl = new URL(new URL(card as string).pathname, server.url).href
    const response = await page.request.get(cardUrl)
    expect(response.headers()['content-type']).toBe('image/png')
    const png = await response.body()
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630])

    const rss = new XMLParser().parse(
      await (await page.request.get(new URL('/rss.xml', server.url).href)).text(),
    )
    const items = [rss.rss.channel.item].flat()
    const html = items.map((item) => String(item['content:encoded'] ?? '')).join('\n')
    const urls = [...html.matchAll(/https:\/\/dawnpress\.example(\/assets\/[^"\s,]+)/g)].map(
      (match) => match[1] as string,
    )
    expect(urls.length).toBeGreaterThanOrEqual(4)
    expect(html).toContain('https://dawnpress.example/articles/evaluation/#held-out-data')
    for (const path of new Set(urls)) {
      expect((await page.request.get(new URL(path, server.url).href)).status(), path).toBe(200)
    }
  })
})
