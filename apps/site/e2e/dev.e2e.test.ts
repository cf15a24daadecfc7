import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, type RunningScript, resultPath, runScript } from './harness.ts'

const CONTENT = fileURLToPath(new URL('../../../content/', import.meta.url))
const SEED = 'the-dawn-of-large-language-models'

let work: string
let dev: RunningScript
let browser: Browser
let page: Page
const seedFile = () => join(work, 'content', 'articles', `${SEED}.md`)

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'dawnpress-dev-e2e-'))
  await cp(CONTENT, join(work, 'content'), { recursive: true })
  dev = await runScript('dev', ['--content', join(work, 'content'), '--port', '0'])
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
})

afterAll(async () => {
  await browser?.close()
  await dev?.stop()
  await rm(work, { recursive: true, force: true })
})

describe('pnpm dev in a browser', () => {
  it('shows a new title in the open page as soon as the file is saved', async () => {
    await page.goto(new URL(`/articles/${SEED}/`, dev.url).href)
    expect(await page.locator('h1').textContent()).toBe('The Dawn of Large Language Models')
    // A value set on the page survives only if nothing but the dev script reloads it.
    await page.evaluate(() => {
      ;(window as unknown as { marker: string }).marker = 'before the edit'
    })
    const source = await readFile(seedFile(), 'utf8')
    const edited = source.replace(/^title:.*$/m, "title: 'The Dawn of Language Models, Revised'")
    expect(edited).not.toBe(source)
    await writeFile(seedFile(), edited)
    await page.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'The Dawn of Language Models, Revised',
      undefined,
      { timeout: 20_000 },
    )
    expect(await page.title()).toBe('The Dawn of Language Models, Revised · Dawn')
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
      undefined,
    )
  })

  it('shows a content error over the page, then takes it away once fixed', async () => {
    const source = await readFile(seedFile(), 'utf8')
    const broken = source.replace(/^date:.*$/m, 'date: not-a-date')
    expect(broken).not.toBe(source)
    await writeFile(seedFile(), broken)
    const overlay = page.locator('#dawnpress-overlay')
    await overlay.waitFor({ state: 'visible', timeout: 20_000 })
    expect(await overlay.textContent()).toContain('FIELD_INVALID')
    expect(await page.locator('h1').first().textContent()).toBe(
      'The Dawn of Language Models, Revised',
    )
    await page.screenshot({ path: await resultPath('dev-error-overlay.png') })
    expect(dev.output()).toContain('FIELD_INVALID')

    await writeFile(seedFile(), source)
    await overlay.waitFor({ state: 'detached', timeout: 20_000 })
  })
})
