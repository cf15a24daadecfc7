import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startPreviewServer } from './preview-server.ts'

let root: string
let server: RunningServer

/** A raw GET, so that paths like `/../x` reach the server exactly as written. */
function get(path: string, method = 'GET') {
  const { hostname, port } = new URL(server.url)
  return new Promise<{ status: number; type: string; location: string; body: string }>(
    (resolve, reject) => {
      const req = request({ hostname, port, path, method }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            type: String(response.headers['content-type'] ?? ''),
            location: String(response.headers.location ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      })
      req.on('error', reject)
      req.end()
    },
  )
}

beforeAll(async () => {
  const parent = await mkdtemp(join(tmpdir(), 'dawnpress-preview-'))
  root = join(parent, 'dist')
  await mkdir(join(root, 'articles', 'a'), { recursive: true })
  await mkdir(join(root, 'og'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<h1>home</h1>')
  await writeFile(join(root, '404.html'), '<h1>lost</h1>')
  await writeFile(join(root, 'articles', 'a', 'index.html'), '<h1>a</h1>')
  await writeFile(join(root, 'rss.xml'), '<rss/>')
  await writeFile(join(root, 'atom.xml'), '<feed/>')
  await writeFile(join(root, 'feed.json'), '{}')
  await writeFile(join(root, 'og', 'a.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  await writeFile(join(parent, 'secret.txt'), 'secret')
  await symlink(join(parent, 'secret.txt'), join(root, 'leak.txt'))
  server = await startPreviewServer({ dir: root, port: 0 })
})

afterAll(async () => {
  await server.close()
  await rm(join(root, '..'), { recursive: true, force: true })
})

describe('startPreviewServer', () => {
  it('listens on 127.0.0.1 and serves index.html for folders', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(await get('/')).toMatchObject({ status: 200, body: '<h1>home</h1>' })
    expect(await get('/articles/a/')).toMatchObject({
      status: 200,
      type: 'text/html; charset=utf-8',
      body: '<h1>a</h1>',
    })
  })

  it('redirects a folder without its trailing slash', async () => {
    expect(await get('/articles/a?x=1')).toMatchObject({
      status: 301,
      location: '/articles/a/?x=1',
    })
  })

  it('serves feeds and cards with their own content types', async () => {
    expect((await get('/rss.xml')).type).toBe('application/rss+xml; charset=utf-8')
    expect((await get('/atom.xml')).type).toBe('application/atom+xml; charset=utf-8')
    expect((await get('/feed.json')).type).toBe('application/feed+json; charset=utf-8')
    expect((await get('/og/a.png')).type).toBe('image/png')
  })

  it('answers unknown paths with the 404 page and status 404', async () => {
    expect(await get('/nope/')).toMatchObject({ status: 404, body: '<h1>lost</h1>' })
  })

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/articles/..%2f..%2fsecret.txt', '/leak.txt'])(
    'never serves a file outside the folder (%s)',
    async (path) => {
      const response = await get(path)
      expect(response.status).toBe(404)
      expect(response.body).not.toContain('secret')
    },
  )

  it('answers HEAD without a body and refuses other methods', async () => {
    expect(await get('/', 'HEAD')).toMatchObject({ status: 200, body: '' })
    expect((await get('/', 'POST')).status).toBe(405)
  })
})
