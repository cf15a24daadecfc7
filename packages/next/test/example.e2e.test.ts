/**
 * examples/next as an outside project has it: installed with npm from the packed
 * @dawnpress/next (and the packages it needs), built with Turbopack and with webpack, and
 * served by `next dev` while an article is edited.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'node-html-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ExampleProject, freePort, installExample } from '../../../test/example-project.ts'

const HELLO = 'content/articles/hello-next.md'

let example: ExampleProject
let original: string

beforeAll(async () => {
  example = await installExample('next', 'packages/next')
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

/** The static export in out/: a list page, a page per article, each card as og:image. */
function expectBuiltSite(dir: string): void {
  const out = join(dir, 'out')
  const home = parse(readFileSync(join(out, 'index.html'), 'utf8'))
  expect(home.querySelector('h1')?.text).toBe('Night Shift')
  // Newest first.
  expect(home.querySelectorAll('.articles a').map((link) => link.getAttribute('href'))).toEqual([
    '/articles/static-pages/',
    '/articles/hello-next/',
  ])
  // One page per slug of generateStaticParams.
  for (const slug of ['hello-next', 'static-pages']) {
    const page = parse(readFileSync(join(out, 'articles', slug, 'index.html'), 'utf8'))
    const meta = (property: string) =>
      page.querySelector(`meta[property="${property}"]`)?.getAttribute('content')
    expect(meta('og:image')).toBe(`https://night-shift.example/dawnpress/og/${slug}.png`)
    expect(meta('og:image:width')).toBe('1200')
    expect(pngSize(readFileSync(join(out, 'dawnpress/og', `${slug}.png`)))).toEqual({
      width: 1200,
      height: 630,
    })
  }
  const page = parse(readFileSync(join(out, 'articles/hello-next/index.html'), 'utf8'))
  expect(page.querySelector('title')?.text).toBe('Hello from Next.js · Night Shift')
  expect(page.querySelector('article h1')?.text).toBe('Hello from Next.js')
  expect(page.querySelector('.body h2')?.text).toBe('Built before the app')
  expect(page.querySelector('.body')?.text).toContain('Save this file while')
}

describe('examples/next built from the packed packages', () => {
  it('builds with Turbopack: a list page, a page per article and the cards', async () => {
    const { stdout } = await example.runOk('npm', ['run', 'build'])
    expect(stdout).toMatch(/Next\.js 16\.\d+\.\d+ \(Turbopack\)/)
    expect(stdout).toMatch(/dawnpress: 2 articles into \.dawnpress\/content/)
    expectBuiltSite(example.dir)
  })

  it('builds the same site with webpack', async () => {
    const { stdout } = await example.runOk('npm', ['run', 'build:webpack'])
    expect(stdout).toMatch(/Next\.js 16\.\d+\.\d+ \(webpack\)/)
    expectBuiltSite(example.dir)
  })

  it('fails next build with a content error at its file, line and column', async () => {
    await example.write(HELLO, original.replace('date: 2026-11-21', 'date: not a date'))
    try {
      const result = await example.run('npm', ['run', 'build'])
      expect(result.code).not.toBe(0)
      expect(`${result.stdout}\n${result.stderr}`).toMatch(
        /content\/articles\/hello-next\.md:4:7 +error/,
      )
    } finally {
      await example.write(HELLO, original)
    }
  })
})

describe('examples/next under next dev', () => {
  it('serves a saved edit without a restart', async () => {
    const port = await freePort()
    const server = example.start('node_modules/.bin/next', [
      'dev',
      '--hostname',
      '127.0.0.1',
      '--port',
      String(port),
    ])
    try {
      await server.waitFor(/Ready in/, 120_000)
      const url = `http://127.0.0.1:${port}/articles/hello-next/`
      const title = async () => parse(await (await fetch(url)).text()).querySelector('h1')?.text
      expect(await title()).toBe('Hello from Next.js')
      await example.write(
        HELLO,
        original.replace('title: Hello from Next.js', 'title: Hello again from Next.js'),
      )
      const started = Date.now()
      while ((await title()) !== 'Hello again from Next.js') {
        if (Date.now() - started > 60_000) throw new Error(`No new title:\n${server.output()}`)
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
      expect(server.output()).toMatch(/dawnpress: 2 articles into \.dawnpress\/content/)
    } finally {
      await server.stop()
      await example.write(HELLO, original)
    }
  })
})
