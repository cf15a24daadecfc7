import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, createServer, type HotPayload, type ViteDevServer } from 'vite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dawnpress } from './plugin.ts'

const SITE = fileURLToPath(new URL('../../../content/site.json', import.meta.url))

const article = (title: string, body = 'A paragraph about nothing much.', date = '2025-01-15') =>
  `---\ntitle: ${title}\ndescription: About ${title}.\ndate: ${date}\n---\n\n${body}\n`

// Past the excerpt's 200 characters, so that its last sentence is in the body alone.
const HELLO_BODY = `${'Words of the opening paragraph. '.repeat(10)}\n\nThe last sentence of the body.`

const MAIN = `import { articles, loadArticle } from '@content'
const [first] = articles
document.title = first.title
loadArticle(first.slug).then((loaded) => { document.body.innerHTML = loaded.html })
if (import.meta.hot) import.meta.hot.accept()
`

let root: string
let server: ViteDevServer | undefined

const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), text)
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dawnpress-vite-'))
  cpSync(SITE, join(root, 'content/site.json'))
  // Dawn's site.json names its logo beside it.
  cpSync(join(SITE, '../logo.svg'), join(root, 'content/logo.svg'))
  write('content/articles/hello.md', article('Hello', HELLO_BODY))
  write(
    'index.html',
    '<!doctype html><title>x</title><script type="module" src="/src/main.js"></script>\n',
  )
  write('src/main.js', MAIN)
})

afterEach(async () => {
  await server?.close()
  server = undefined
  rmSync(root, { recursive: true, force: true })
})

/** Waits until `check` holds, for what a watcher does after a save. */
async function until<T>(
  check: () => T | undefined | Promise<T | undefined>,
  what: string,
): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await check()
    if (value !== undefined && value !== false) return value
    if (Date.now() - started > 30_000) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('vite build with the dawnpress plugin', () => {
  it('builds the content first and bundles it, each body in a chunk of its own', async () => {
    await build({ root, logLevel: 'silent', plugins: [dawnpress()] })
    const assets = join(root, 'dist/assets')
    const chunks = readdirSync(assets).map((name) => readFileSync(join(assets, name), 'utf8'))
    const body = 'The last sentence of the body.'
    const withBody = chunks.filter((code) => code.includes(body))
    // The index (the page's chunk) has the description; the body is in a chunk of its own,
    // which carries the article's metadata beside it.
    const index = chunks.filter((code) => code.includes('About Hello.') && !code.includes(body))
    expect(withBody).toHaveLength(1)
    expect(index).toHaveLength(1)
    expect(readdirSync(join(root, '.dawnpress/content/dist'))).toContain('index.d.ts')
  })

  it('fails with every content problem at its file, line and column', async () => {
    write('content/articles/broken.md', article('Broken', 'Text.', 'not a date'))
    write('content/articles/untitled.md', article('Untitled').replace('title: Untitled\n', ''))
    const failed = build({ root, logLevel: 'silent', plugins: [dawnpress()] })
    await expect(failed).rejects.toThrow(/The content has 2 errors/)
    const message = await failed.catch((error: Error) => error.message)
    expect(message).toMatch(/broken\.md:4:7 +error/)
    expect(message).toMatch(/untitled\.md:1:1 +error .*"title"/)
    expect(readdirSync(root)).not.toContain('dist')
  })
  it('fails with the config problem when dawnpress.config is wrong', async () => {
    write('dawnpress.config.mjs', 'export default { contnet: "content/articles" }\n')
    const failed = build({ root, logLevel: 'silent', plugins: [dawnpress()] })
    await expect(failed).rejects.toThrow(/dawnpress is not set up correctly:/)
    await expect(failed).rejects.toThrow(/"contnet".*\[CONFIG_INVALID\]/)
  })
})

describe('vite dev with the dawnpress plugin', () => {
  /** A dev server whose client payloads are recorded. */
  async function startServer() {
    server = await createServer({
      root,
      logLevel: 'silent',
      server: { port: 0, ws: false },
      plugins: [dawnpress({ debounce: 10 })],
    })
    const sent: HotPayload[] = []
    const hot = server.environments.client.hot
    const send = hot.send.bind(hot)
    hot.send = ((payload: HotPayload) => {
      sent.push(payload)
      send(payload)
    }) as typeof hot.send
    return { server, sent }
  }

  const loadTitle = async (dev: ViteDevServer) =>
    ((await dev.ssrLoadModule('@content')) as { articles: { title: string }[] }).articles[0]?.title

  it('has the content before the first request, and reloads it on every save', async () => {
    const { server: dev, sent } = await startServer()
    expect(await loadTitle(dev)).toBe('Hello')
    await dev.environments.client.transformRequest('/src/main.js')
    write('content/articles/hello.md', article('Hello again'))
    expect(await until(async () => (await loadTitle(dev)) === 'Hello again', 'the new title')).toBe(
      true,
    )
    const update = await until(
      () => sent.find((payload) => payload.type === 'update'),
      'an HMR update',
    )
    expect(update.type === 'update' && update.updates.map((one) => one.path)).toEqual([
      '/src/main.js',
    ])
  })

  it('shows a content error in the overlay at its line, and clears it once fixed', async () => {
    const { server: dev, sent } = await startServer()
    await dev.environments.client.transformRequest('/src/main.js')
    write('content/articles/hello.md', article('Hello', 'Text.', 'not a date'))
    const error = await until(
      () => sent.find((payload) => payload.type === 'error'),
      'the overlay error',
    )
    expect(error.type === 'error' && error.err).toMatchObject({
      plugin: 'dawnpress',
      loc: { file: join(root, 'content/articles/hello.md'), line: 4, column: 7 },
    })
    // The app keeps the last content that built.
    expect(await loadTitle(dev)).toBe('Hello')
    sent.length = 0
    write('content/articles/hello.md', article('Hello', HELLO_BODY))
    await until(() => sent.find((payload) => payload.type === 'update'), 'the update after the fix')
    expect(sent.some((payload) => payload.type === 'error')).toBe(false)
  })
})
