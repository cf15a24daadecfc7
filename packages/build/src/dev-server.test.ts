import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'node-html-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pngSize } from '../test/project.ts'
import { type DevServer, startDevServer } from './dev-server.ts'

const FIXTURE_DIR = fileURLToPath(new URL('../../pages/test/fixtures/blog/', import.meta.url))

let work: string
let server: DevServer
const logs: string[] = []
const article = () => join(work, 'content', 'articles', 'first-light.md')

async function page(path: string) {
  const response = await fetch(new URL(path, server.url))
  return { status: response.status, root: parse(await response.text()) }
}

/** Waits for the event stream to announce a version other than `known`. */
async function nextVersion(known: number): Promise<number> {
  const response = await fetch(new URL('/__dawnpress/events', server.url))
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  let text = ''
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) throw new Error('The event stream ended.')
      text += decoder.decode(value)
      for (const match of text.matchAll(/event: version\ndata: (\d+)\n\n/g)) {
        if (Number(match[1]) !== known) return Number(match[1])
      }
    }
  } finally {
    await reader.cancel()
  }
}

/** Runs a change on disk and waits until the server has rebuilt after it. */
async function change(action: () => Promise<unknown>): Promise<void> {
  const before = servedVersion((await page('/')).root)
  const announced = nextVersion(before)
  await action()
  await announced
  await server.idle()
}

function servedVersion(root: ReturnType<typeof parse>): number {
  const script = root.querySelector('script[data-dawnpress-dev]')?.rawText ?? ''
  return Number(/const served = (\d+)/.exec(script)?.[1])
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'dawnpress-dev-test-'))
  await cp(FIXTURE_DIR, join(work, 'content'), { recursive: true })
  server = await startDevServer({
    root: work,
    port: 0,
    log: (line) => logs.push(line),
    debounce: 20,
  })
  await server.idle()
}, 120_000)

afterAll(async () => {
  await server?.close()
  await rm(work, { recursive: true, force: true })
})

describe('startDevServer', () => {
  it('serves every page from memory with a reload script, and each card when asked for', async () => {
    const { status, root } = await page('/articles/first-light/')
    expect(status).toBe(200)
    expect(root.querySelector('h1')?.text).toBe('First light')
    expect(root.querySelector('script[data-dawnpress-dev]')).not.toBeNull()
    expect(root.querySelector('#dawnpress-overlay')).toBeNull()
    const card = await fetch(new URL('/og/first-light.png', server.url))
    expect(card.headers.get('content-type')).toBe('image/png')
    expect(pngSize(Buffer.from(await card.arrayBuffer()))).toEqual({ width: 1200, height: 630 })
    const feed = await fetch(new URL('/feed.json', server.url))
    expect(feed.headers.get('content-type')).toBe('application/feed+json; charset=utf-8')
    expect(logs[0]).toMatch(/^dawnpress dev: built 3 articles in \d+ ms$/)
  })

  it('rebuilds a saved article, re-parsing only that file, and announces a new version', async () => {
    const before = servedVersion((await page('/')).root)
    const announced = nextVersion(before)
    const card = Buffer.from(
      await (await fetch(new URL('/og/first-light.png', server.url))).arrayBuffer(),
    )
    logs.length = 0
    const source = await readFile(article(), 'utf8')
    await writeFile(article(), source.replace('title: First light', 'title: First light, edited'))
    expect(await announced).toBeGreaterThan(before)
    await server.idle()
    expect((await page('/articles/first-light/')).root.querySelector('h1')?.text).toBe(
      'First light, edited',
    )
    expect(logs.join('\n')).toMatch(/rebuilt in \d+ ms \(1 parsed\)/)
    const newCard = Buffer.from(
      await (await fetch(new URL('/og/first-light.png', server.url))).arrayBuffer(),
    )
    expect(newCard.equals(card)).toBe(false)
  }, 60_000)

  it('shows a content error over the last valid page and in the terminal, and keeps running', async () => {
    logs.length = 0
    const source = await readFile(article(), 'utf8')
    const line = source.split('\n').indexOf('date: 2026-01-10') + 1
    await change(() => writeFile(article(), source.replace('date: 2026-01-10', 'date: someday')))
    const { status, root } = await page('/articles/first-light/')
    expect(status).toBe(200)
    expect(root.querySelector('h1')?.text).toBe('First light, edited')
    const overlay = root.querySelector('#dawnpress-overlay')
    expect(overlay?.text).toContain('FIELD_INVALID')
    expect(overlay?.text).toContain(`${article()}:${line}:`)
    expect(logs.join('\n')).toContain(`first-light.md:${line}:7  error    The field "date"`)

    await change(() => writeFile(article(), source))
    expect(
      (await page('/articles/first-light/')).root.querySelector('#dawnpress-overlay'),
    ).toBeNull()
    // The fixture's own warning (a tag spelled two ways) stays; the error is gone.
    expect(logs.at(-1)).toContain('TAG_VARIANT')
    expect(logs.at(-1)).not.toContain('FIELD_INVALID')
  }, 60_000)

  it('reads ---JSON frontmatter, and shows another engine as a problem of that file without freezing (regression: "unexpected failure")', async () => {
    const json = join(work, 'content', 'articles', 'as-json.md')
    await change(() =>
      writeFile(
        json,
        '---JSON\n{ "title": "As JSON", "description": "JSON frontmatter.", "date": "2026-01-11" }\n---\n\nBody.\n',
      ),
    )
    expect((await page('/articles/as-json/')).root.querySelector('h1')?.text).toBe('As JSON')
    await change(() => writeFile(json, '---toml\ntitle = "As TOML"\n---\n\nBody.\n'))
    const { status, root } = await page('/articles/first-light/')
    expect(status).toBe(200)
    expect(root.querySelector('#dawnpress-overlay')?.text).toContain('FRONTMATTER_ENGINE')
    // The server still sees saves: the file goes, and with it the problem.
    await change(() => rm(json))
    expect(
      (await page('/articles/first-light/')).root.querySelector('#dawnpress-overlay'),
    ).toBeNull()
    expect((await page('/articles/as-json/')).status).toBe(404)
  }, 60_000)

  it("shows the body's problems too: a missing image and a link to a missing article, at their lines", async () => {
    const source = await readFile(article(), 'utf8')
    const broken = `${source}\n![A diagram](./diagram.png) and [more](./more.md).\n`
    const line = broken.trimEnd().split('\n').length
    await change(() => writeFile(article(), broken))
    const overlay = (await page('/articles/first-light/')).root.querySelector('#dawnpress-overlay')
    expect(overlay?.text).toContain('ASSET_MISSING')
    expect(overlay?.text).toContain('LINK_TARGET_MISSING')
    expect(overlay?.text).toContain(`${article()}:${line}:`)
    await change(() => writeFile(article(), source))
    expect(
      (await page('/articles/first-light/')).root.querySelector('#dawnpress-overlay'),
    ).toBeNull()
  }, 60_000)

  it('picks up new and deleted articles', async () => {
    const added = join(work, 'content', 'articles', 'fresh.md')
    await change(() =>
      writeFile(added, '---\ntitle: Fresh\ndescription: New.\ndate: 2027-01-01\n---\n\nBody.\n'),
    )
    expect((await page('/')).root.querySelector('.post-card h3')?.text).toBe('Fresh')
    await change(() => rm(added))
    expect((await page('/articles/fresh/')).status).toBe(404)
  }, 60_000)

  it('shows drafts, which builds never publish', async () => {
    const draft = join(work, 'content', 'articles', 'draft.md')
    await change(() =>
      writeFile(
        draft,
        '---\ntitle: Work in progress\ndescription: Soon.\ndate: 2027-02-01\ndraft: true\n---\n\nBody.\n',
      ),
    )
    expect((await page('/articles/draft/')).status).toBe(200)
    await change(() => rm(draft))
  }, 60_000)

  it('answers unknown paths with the 404 page, reload script included', async () => {
    const { status, root } = await page('/nowhere/')
    expect(status).toBe(404)
    expect(root.querySelector('h1')?.text).toBe('Page not found')
    expect(root.querySelector('script[data-dawnpress-dev]')).not.toBeNull()
  })

  it('says which port is in use instead of failing with a stack trace', async () => {
    const port = Number(new URL(server.url).port)
    await expect(startDevServer({ root: work, port, log: () => {} })).rejects.toMatchObject({
      name: 'ProblemError',
      message: expect.stringContaining(`Port ${port} is in use`),
    })
  })
})
