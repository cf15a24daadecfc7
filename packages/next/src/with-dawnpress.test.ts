import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { NextConfig } from 'next'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ContentLog } from './run-content.ts'
import { prepareContent, stopContent, withDawnpress } from './with-dawnpress.ts'

const SITE = fileURLToPath(new URL('../../../content/site.json', import.meta.url))
const BUILD = 'phase-production-build'
const DEV = 'phase-development-server'
const context = { defaultConfig: {} as NextConfig }

const article = (title: string, date = '2025-01-15') =>
  `---\ntitle: ${title}\ndescription: About ${title}.\ndate: ${date}\n---\n\nA paragraph about ${title}.\n`

let root: string
let log: ContentLog & { lines: string[] }

const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), text)
}

/** The titles in the generated package, read from its data as a bundler would load it. */
const titles = () => {
  const index = readFileSync(join(root, '.dawnpress/content/dist/index.js'), 'utf8')
  return [...index.matchAll(/"title":"([^"]*)"/g)].map((match) => match[1])
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dawnpress-next-'))
  cpSync(SITE, join(root, 'content/site.json'))
  // Dawn's site.json names its logo beside it.
  cpSync(join(SITE, '../logo.svg'), join(root, 'content/logo.svg'))
  write('content/articles/hello.md', article('Hello'))
  const lines: string[] = []
  log = { lines, info: (line) => lines.push(line), error: (line) => lines.push(line) }
})

afterEach(async () => {
  await stopContent()
  rmSync(root, { recursive: true, force: true })
})

describe('withDawnpress', () => {
  it('builds the content package before next build, and returns the config as it was', async () => {
    const config = await withDawnpress({ output: 'export' }, { root })(BUILD, context)
    expect(config).toEqual({ output: 'export' })
    expect(titles()).toEqual(['Hello'])
    expect(existsSync(join(root, '.dawnpress/content/dist/index.d.ts'))).toBe(true)
    // No pages or feeds: only what the app imports.
    expect(existsSync(join(root, 'dist'))).toBe(false)
  })

  it('calls a config function with the phase, after the content is built', async () => {
    const seen: string[] = []
    const config = await withDawnpress(
      (phase) => {
        seen.push(phase, existsSync(join(root, '.dawnpress/content')) ? 'content' : 'none')
        return { basePath: '/blog' }
      },
      { root },
    )(BUILD, context)
    expect(config).toEqual({ basePath: '/blog' })
    expect(seen).toEqual([BUILD, 'content'])
  })

  it('fails next build with every content problem at its file, line and column', async () => {
    write('content/articles/broken.md', article('Broken', 'not a date'))
    const failed = withDawnpress({}, { root })(BUILD, context)
    await expect(failed).rejects.toThrow(/the content has 1 error/)
    await expect(failed).rejects.toThrow(/broken\.md:4:7 +error/)
    await expect(failed).rejects.toMatchObject({ name: 'ContentBuildError' })
  })

  it('builds nothing for next start or any other phase', async () => {
    await withDawnpress({}, { root })('phase-production-server', context)
    expect(existsSync(join(root, '.dawnpress'))).toBe(false)
  })

  it('draws the cards into public/dawnpress when asked', async () => {
    await withDawnpress({}, { root, cards: true })(BUILD, context)
    const png = readFileSync(join(root, 'public/dawnpress/og/hello.png'))
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630])
  })
})

describe('prepareContent', () => {
  it('builds once however often Next loads the config in one process', async () => {
    await Promise.all([prepareContent(BUILD, { root }, log), prepareContent(BUILD, { root }, log)])
    await prepareContent(BUILD, { root }, log)
    expect(log.lines.filter((line) => line.startsWith('dawnpress: 1 article'))).toHaveLength(1)
  })

  it('leaves the content to the process that loaded the config first', async () => {
    process.env.DAWNPRESS_NEXT_CONTENT_PID = String(process.pid + 1)
    await prepareContent(BUILD, { root }, log)
    expect(existsSync(join(root, '.dawnpress'))).toBe(false)
  })

  it('watches during next dev, rewriting the package on every save and keeping it on an error', async () => {
    await prepareContent(DEV, { root, debounce: 10 }, log)
    expect(titles()).toEqual(['Hello'])
    write('content/articles/hello.md', article('Hello again'))
    await until(() => titles()[0] === 'Hello again')
    write('content/articles/hello.md', article('Hello again', 'not a date'))
    await until(() => log.lines.some((line) => /hello\.md:4:7 +error/.test(line)))
    expect(titles()).toEqual(['Hello again'])
  })
})

async function until(check: () => boolean): Promise<void> {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > 30_000) throw new Error('Timed out waiting for the watcher')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
