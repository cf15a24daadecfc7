/**
 * examples/vite as an outside project has it: installed with npm from the packed
 * @dawnpress/vite (and the packages it needs), built with `npm run build`, and run with
 * `vite dev` in Chromium while its articles are edited.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'node-html-parser'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ExampleProject, freePort, installExample } from '../../../test/example-project.ts'
import { launchChromium } from './chromium.ts'

const HELLO = 'content/articles/hello-vite.md'

let example: ExampleProject
let original: string

beforeAll(async () => {
  example = await installExample('vite', 'packages/vite')
  original = await example.read(HELLO)
})

afterAll(async () => {
  await example?.dispose()
})

/** Width and height from a PNG's header, after checking its signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe('examples/vite built from the packed packages', () => {
  it('prerenders the list and a page per article, with each card as og:image', async () => {
    await example.runOk('npm', ['run', 'build'])
    const dist = join(example.dir, 'dist')
    const home = parse(readFileSync(join(dist, 'index.html'), 'utf8'))
    expect(home.querySelector('h1')?.text).toBe('Field Notes')
    // Newest first.
    expect(home.querySelectorAll('ul.articles a').map((link) => link.getAttribute('href'))).toEqual(
      ['/articles/second-note/', '/articles/hello-vite/'],
    )

    const page = parse(readFileSync(join(dist, 'articles/hello-vite/index.html'), 'utf8'))
    expect(page.querySelector('title')?.text).toBe('Hello from Vite · Field Notes')
    expect(page.querySelector('article h1')?.text).toBe('Hello from Vite')
    expect(page.querySelector('.body h2')?.text).toBe('Why a content package')
    const meta = (property: string) =>
      page.querySelector(`meta[property="${property}"]`)?.getAttribute('content')
    expect(meta('og:image')).toBe('https://notes.example/dawnpress/og/hello-vite.png')
    expect(meta('og:image:width')).toBe('1200')
    expect(pngSize(readFileSync(join(dist, 'dawnpress/og/hello-vite.png')))).toEqual({
      width: 1200,
      height: 630,
    })

    // The metadata is in the app's chunk; each body is a chunk of its own.
    const entry = home.querySelector('script[type="module"]')?.getAttribute('src') ?? ''
    const assets = join(dist, 'assets')
    const chunks = readdirSync(assets).filter((name) => name.endsWith('.js'))
    const withBody = chunks.filter((name) =>
      readFileSync(join(assets, name), 'utf8').includes('Save this file while'),
    )
    expect(withBody).toHaveLength(1)
    expect(entry).toMatch(/^\/assets\/.+\.js$/)
    expect(`/assets/${withBody[0]}`).not.toBe(entry)
    expect(readFileSync(join(dist, entry), 'utf8')).toContain('Hello from Vite')
  })

  it('fails vite build with a content error at its file, line and column', async () => {
    await example.write(HELLO, original.replace('date: 2026-11-20', 'date: not a date'))
    try {
      const result = await example.run('npm', ['run', 'build'])
      expect(result.code).not.toBe(0)
      expect(`${result.stdout}\n${result.stderr}`).toMatch(
        /content\/articles\/hello-vite\.md:4:7 +error/,
      )
    } finally {
      await example.write(HELLO, original)
    }
  })
})

describe('examples/vite under vite dev, in Chromium', () => {
  let browser: Browser
  let page: Page
  let server: ReturnType<ExampleProject['start']>
  let url: string

  beforeAll(async () => {
    const port = await freePort()
    server = example.start(process.execPath, [
      'node_modules/vite/bin/vite.js',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ])
    url = (await server.waitFor(/http:\/\/127\.0\.0\.1:\d+\//))[0]
    browser = await launchChromium()
    page = await browser.newPage()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await example.write(HELLO, original)
  })

  it('shows a saved edit without a restart or a reload', async () => {
    await page.goto(`${url}articles/hello-vite/`)
    await page.waitForSelector('article h1')
    expect(await page.textContent('article h1')).toBe('Hello from Vite')
    // Gone if the page reloads.
    await page.evaluate('window.kept = "this page"')
    await example.write(
      HELLO,
      original
        .replace('title: Hello from Vite', 'title: Hello again from Vite')
        .replace('Save this file while', 'You saved this file while'),
    )
    await page.waitForFunction(
      'document.querySelector("article h1")?.textContent === "Hello again from Vite"',
      undefined,
      { timeout: 30_000 },
    )
    expect(await page.textContent('.body')).toContain('You saved this file while')
    expect(await page.evaluate('window.kept')).toBe('this page')
    expect(server.output()).not.toMatch(/server restarted/i)
    await page.screenshot({ path: await screenshotPath('vite-dev-after-save.png') })
  })

  it('shows a content error in the overlay at its line, and clears it once fixed', async () => {
    await example.write(HELLO, original.replace('date: 2026-11-20', 'date: not a date'))
    const overlay = page.locator('vite-error-overlay')
    await overlay.waitFor({ timeout: 30_000 })
    const file = (await overlay.locator('.file').textContent()) ?? ''
    expect(file).toMatch(/content\/articles\/hello-vite\.md:4:7$/)
    const message = (await overlay.locator('.message').textContent()) ?? ''
    expect(message).toMatch(/hello-vite\.md:4:7 +error/)
    expect(message).toContain('> 4 | date: not a date')
    expect(await overlay.locator('.plugin').textContent()).toContain('dawnpress')
    await page.screenshot({ path: await screenshotPath('vite-dev-overlay.png') })

    await example.write(HELLO, original)
    await overlay.waitFor({ state: 'detached', timeout: 30_000 })
    expect(await page.textContent('article h1')).toBe('Hello from Vite')
  })
})

/** Screenshots are kept in packages/vite/test-results (ignored by git) to look at. */
async function screenshotPath(name: string): Promise<string> {
  const dir = fileURLToPath(new URL('../test-results/', import.meta.url))
  await mkdir(dir, { recursive: true })
  return join(dir, name)
}
