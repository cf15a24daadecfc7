/**
 * `pnpm --filter @dawnpress/app-site screenshots`: builds the showcase publication (the
 * repository's `content/` articles and `test/fixtures/showcase/`, an Arabic article and a
 * tag with more articles than a page holds), serves it, and writes the README's
 * screenshots into `docs/`: the home page, an article, the Arabic article and a tag page,
 * at 1280 and 360 px, light and dark, as `<page>-<width>-<scheme>.png`.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildSite } from '../e2e/built-site.ts'
import { launchBrowser } from '../e2e/harness.ts'

const APP = fileURLToPath(new URL('..', import.meta.url))
const CONTENT = join(APP, '../../content')
const SHOWCASE = join(APP, 'test/fixtures/showcase/articles')
const DOCS = join(APP, 'docs')

/** The pages shown, by the name their files start with. */
export const SHOTS = {
  home: '/',
  article: '/articles/the-dawn-of-large-language-models/',
  arabic: '/articles/fajr-alnamadhij/',
  tag: '/tags/field-notes/',
} as const

/** The viewports, by width: a laptop and a small phone. */
export const VIEWPORTS = { 1280: 900, 360: 780 } as const

async function articlesIn(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const name of (await readdir(dir)).filter((file) => file.endsWith('.md')).sort()) {
    files[`content/articles/${name}`] = await readFile(join(dir, name), 'utf8')
  }
  return files
}

const site = await buildSite({
  'content/site.json': await readFile(join(CONTENT, 'site.json'), 'utf8'),
  ...(await articlesIn(join(CONTENT, 'articles'))),
  ...(await articlesIn(SHOWCASE)),
})
const browser = await launchBrowser()
try {
  for (const [width, height] of Object.entries(VIEWPORTS)) {
    const page = await browser.newPage({ viewport: { width: Number(width), height } })
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
      for (const [name, path] of Object.entries(SHOTS)) {
        const response = await page.goto(new URL(path.slice(1), site.url).href)
        if (response?.status() !== 200) throw new Error(`${path} answered ${response?.status()}`)
        const file = join(DOCS, `${name}-${width}-${scheme}.png`)
        await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' })
        process.stdout.write(`${file}\n`)
      }
    }
    await page.close()
  }
} finally {
  await browser.close()
  await site.stop()
}
