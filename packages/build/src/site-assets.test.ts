import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import decodeIco from 'decode-ico'
import { parse } from 'node-html-parser'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import {
  article,
  createProject,
  diffTrees,
  type Project,
  pngSize,
  readTree,
} from '../test/project.ts'

let project: Project

afterEach(() => project?.dispose())

const FRENCH = `---\ntitle: Premières lueurs\ndescription: Un article en français.\ndate: 2025-03-03\nlang: fr\ntags: [notes]\n---\n\nLes chouettes hululent avant l'aube.\n`

function searchProject(): Project {
  return createProject({
    'first.md': article('First', '2025-03-01', ['ai'], '\nThe heliotrope opens at dawn.\n'),
    'second.md': article('Second', '2025-03-02'),
    'premieres.md': FRENCH,
  })
}

const bundle = (tree: Map<string, Buffer>) =>
  new Map([...tree].filter(([path]) => path.startsWith('pagefind/')))
const label = (result: { timings: readonly { label: string }[] }) =>
  result.timings.map((timing) => timing.label).find((name) => name.startsWith('search'))

describe('search and icons in a build', () => {
  it('writes a Pagefind index per language, the search page, the icons and the manifest, and links them from every page', async () => {
    project = searchProject()
    const result = await (await project.open({ overrides: { skip: ['cards'] } })).build()
    expect(result.ok).toBe(true)
    const out = join(project.root, 'dist')
    const entry = JSON.parse(readFileSync(join(out, 'pagefind/pagefind-entry.json'), 'utf8'))
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'fr'])
    expect(entry.languages.en.page_count).toBe(2)
    expect(entry.languages.fr.page_count).toBe(1)
    for (const file of ['pagefind.js', 'pagefind-ui.js', 'pagefind-ui.css']) {
      expect(existsSync(join(out, 'pagefind', file)), file).toBe(true)
    }
    expect(label(result)).toBe('search (3 pages)')

    const home = parse(readFileSync(join(out, 'index.html'), 'utf8'))
    expect(home.querySelector('form[role=search]')?.getAttribute('action')).toBe('search/')
    const search = parse(readFileSync(join(out, 'search/index.html'), 'utf8'))
    expect(search.querySelector('script[src]')?.getAttribute('src')).toBe(
      '../pagefind/pagefind-ui.js',
    )
    expect(search.querySelector('.search-languages a')?.getAttribute('href')).toBe('./?lang=fr')

    const head = parse(readFileSync(join(out, 'articles/first/index.html'), 'utf8')).querySelector(
      'head',
    )
    const links = (
      head?.querySelectorAll('link[rel=icon], link[rel=apple-touch-icon], link[rel=manifest]') ?? []
    ).map((link) => link.getAttribute('href') as string)
    expect(links).toEqual([
      '../../favicon.ico',
      '../../favicon.svg',
      '../../apple-touch-icon.png',
      '../../manifest.webmanifest',
    ])
    for (const link of links) {
      expect(existsSync(join(out, 'articles/first', link)), link).toBe(true)
    }
    const themes = (head?.querySelectorAll('meta[name=theme-color]') ?? []).map((meta) =>
      meta.getAttribute('media'),
    )
    expect(themes).toEqual(['(prefers-color-scheme: light)', '(prefers-color-scheme: dark)'])

    const ico = decodeIco(readFileSync(join(out, 'favicon.ico')))
    expect(ico.map((image) => image.width)).toEqual([16, 32, 48])
    expect(pngSize(readFileSync(join(out, 'apple-touch-icon.png')))).toEqual({
      width: 180,
      height: 180,
    })
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.webmanifest'), 'utf8'))
    expect(manifest).toMatchObject({ name: 'Dawn', start_url: '/' })
    for (const icon of manifest.icons as { src: string; sizes: string }[]) {
      const { width, height } = pngSize(readFileSync(join(out, icon.src)))
      expect(`${width}x${height}`).toBe(icon.sizes)
    }
  })

  it('writes byte-identical indexes and icons in two cold builds', async () => {
    project = searchProject()
    await (await project.open({ overrides: { skip: ['cards'] } })).build()
    const first = readTree(join(project.root, 'dist'))
    rmSync(join(project.root, 'dist'), { recursive: true })
    const cold = await project.open({ overrides: { skip: ['cards'], cacheDir: 'other-cache' } })
    await cold.build()
    const second = readTree(join(project.root, 'dist'))
    expect(bundle(first).size).toBeGreaterThan(5)
    expect(diffTrees(first, second)).toEqual([])
  })

  it('indexes again after an article changed, as a cold build would, and links the last index when no article page changed', async () => {
    project = searchProject()
    const build = await project.open({ overrides: { skip: ['cards'] } })
    await build.build()
    const before = bundle(readTree(join(project.root, 'dist')))
    project.write(
      'content/articles/second.md',
      article('Second', '2025-03-02', ['notes'], '\nA marigold.\n'),
    )
    const edited = await build.build()
    expect(label(edited)).toBe('search (3 pages)')
    const after = bundle(readTree(join(project.root, 'dist')))
    expect(diffTrees(before, after).length).toBeGreaterThan(0)

    const cold = await project.open({
      overrides: { skip: ['cards'], cacheDir: 'cold-cache', outDir: 'cold' },
    })
    await cold.build()
    expect(diffTrees(after, bundle(readTree(join(project.root, 'cold'))))).toEqual([])

    // The feeds' options shape no article page: the index is linked, not made again.
    project.write(
      'dawnpress.config.ts',
      'export default { outputs: { feeds: { limit: 1 }, cards: false } }\n',
    )
    const relinked = await (await project.open()).build()
    expect(relinked.status).toBe('built')
    expect(label(relinked)).toBe('search (reused)')
    expect(diffTrees(after, bundle(readTree(join(project.root, 'dist'))))).toEqual([])
  })

  it('leaves the last index in place when a build fails', async () => {
    project = searchProject()
    const build = await project.open({ overrides: { skip: ['cards'] } })
    await build.build()
    const before = bundle(readTree(join(project.root, 'dist')))
    project.write('content/articles/broken.md', '---\ntitle: [unclosed\n---\n\nBody.\n')
    expect((await build.build()).status).toBe('failed')
    expect(diffTrees(before, bundle(readTree(join(project.root, 'dist'))))).toEqual([])
  })

  it('serves the search page with a notice in dev, which keeps no index, and serves the icons', async () => {
    project = searchProject()
    const build = await project.open({ mode: 'dev', overrides: { skip: ['cards'] } })
    await build.build()
    const page = Buffer.from((await build.read('/search/index.html')) as Uint8Array).toString()
    expect(page).toContain('Search works on a built site')
    expect(await build.read('/pagefind/pagefind.js')).toBeUndefined()
    expect(pngSize(Buffer.from((await build.read('/icon-192.png')) as Uint8Array))).toEqual({
      width: 192,
      height: 192,
    })
  })

  it('takes icons from the public folder over the drawn ones, and links a public favicon.svg beside a PNG logo', async () => {
    project = searchProject()
    const png = await sharp({
      create: { width: 64, height: 64, channels: 4, background: '#f59e0b' },
    })
      .png()
      .toBuffer()
    project.write('content/mark.png', png)
    const site = JSON.parse(readFileSync(join(project.root, 'content/site.json'), 'utf8'))
    project.write(
      'content/site.json',
      JSON.stringify({ ...site, card: { ...site.card, logo: 'mark.png' } }),
    )
    const ico = Buffer.from('hand-drawn favicon.ico')
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>'
    project.write('content/public/favicon.ico', ico)
    project.write('content/public/favicon.svg', svg)
    const result = await (await project.open({ overrides: { skip: ['cards'] } })).build()
    expect(result.problems).toEqual([])
    const out = join(project.root, 'dist')
    expect(readFileSync(join(out, 'favicon.ico'))).toEqual(ico)
    expect(readFileSync(join(out, 'favicon.svg'), 'utf8')).toBe(svg)
    // The rest of the set is still drawn from the logo.
    expect(pngSize(readFileSync(join(out, 'apple-touch-icon.png')))).toEqual({
      width: 180,
      height: 180,
    })
    const head = parse(readFileSync(join(out, 'index.html'), 'utf8'))
    expect(
      head.querySelectorAll('link[rel=icon]').map((link) => link.getAttribute('href')),
    ).toEqual(['favicon.ico', 'favicon.svg'])
  })

  it('indexes an article once, not again at the redirect page of its old slug', async () => {
    project = createProject({
      'first.md': article(
        'First',
        '2025-03-01',
        ['ai'],
        '\nThe heliotrope opens at dawn.\n',
      ).replace('date: 2025-03-01', 'date: 2025-03-01\nredirect_from: [old-first]'),
    })
    const result = await (await project.open({ overrides: { skip: ['cards'] } })).build()
    expect(result.ok).toBe(true)
    const out = join(project.root, 'dist')
    expect(existsSync(join(out, 'articles/old-first/index.html'))).toBe(true)
    const entry = JSON.parse(readFileSync(join(out, 'pagefind/pagefind-entry.json'), 'utf8'))
    expect(entry.languages.en.page_count).toBe(1)
  })

  it('writes no index, search page or icons when they are turned off', async () => {
    project = searchProject()
    project.write(
      'dawnpress.config.ts',
      'export default { outputs: { search: false, icons: false, cards: false } }\n',
    )
    const result = await (await project.open()).build()
    expect(result.ok).toBe(true)
    const files = [...readTree(join(project.root, 'dist')).keys()]
    expect(
      files.filter((path) => /^(pagefind|search)\/|favicon|icon-|manifest/.test(path)),
    ).toEqual([])
    const home = readFileSync(join(project.root, 'dist/index.html'), 'utf8')
    expect(home).not.toMatch(/rel="(icon|manifest)"|role="search"/)
  })
})
