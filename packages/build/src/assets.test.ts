import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { parse } from 'node-html-parser'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { article, createProject, diffTrees, type Project, readTree } from '../test/project.ts'

let project: Project

afterEach(() => project?.dispose())

/** A PNG of a given size, different for each colour. */
function png(width: number, height: number, color = '#f59e0b'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .png()
    .toBuffer()
}

const FIRST = `---
title: First
description: With pictures.
date: 2025-03-01
image: ./images/cover.png
---

![The training loop](./images/loop.png)

Read [the second part](./second.md#setup), get [the data](./data/results.csv), and see
<img src="images/chart.svg" alt="A chart">.

![Again](./images/loop.png)
`

async function imageProject(): Promise<Project> {
  const created = createProject({
    'first.md': FIRST,
    'second.md': article(
      'Second',
      '2025-03-02',
      ['notes'],
      '\n## Setup\n\nBack to [the first](first.md).\n',
    ),
  })
  created.write('content/articles/images/loop.png', await png(1600, 900))
  created.write('content/articles/images/cover.png', await png(1200, 800, '#223344'))
  created.write(
    'content/articles/images/chart.svg',
    '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150"><rect width="300" height="150"/></svg>',
  )
  created.write('content/articles/data/results.csv', 'a,b\n1,2\n')
  return created
}

const page = (root: string, slug: string) =>
  parse(readFileSync(join(root, `dist/articles/${slug}/index.html`), 'utf8'))

describe('images and files beside the articles', () => {
  it('copies them under content-hashed names, and gives each image its size, srcset and loading', async () => {
    project = await imageProject()
    const build = await project.open()
    const result = await build.build()
    expect(result.problems).toEqual([])
    const out = join(project.root, 'dist')
    const assets = [...readTree(out).keys()].filter((path) => path.startsWith('assets/')).sort()
    expect(assets).toEqual([
      expect.stringMatching(/^assets\/chart\.[0-9a-f]{10}\.svg$/),
      expect.stringMatching(/^assets\/cover\.[0-9a-f]{10}-480\.webp$/),
      expect.stringMatching(/^assets\/cover\.[0-9a-f]{10}-960\.webp$/),
      expect.stringMatching(/^assets\/cover\.[0-9a-f]{10}\.png$/),
      expect.stringMatching(/^assets\/loop\.[0-9a-f]{10}-1440\.webp$/),
      expect.stringMatching(/^assets\/loop\.[0-9a-f]{10}-480\.webp$/),
      expect.stringMatching(/^assets\/loop\.[0-9a-f]{10}-960\.webp$/),
      expect.stringMatching(/^assets\/loop\.[0-9a-f]{10}\.png$/),
      expect.stringMatching(/^assets\/results\.[0-9a-f]{10}\.csv$/),
    ])
    const variant = await sharp(join(out, assets[5] as string)).metadata()
    expect([variant.format, variant.width, variant.height]).toEqual(['webp', 480, 270])

    const first = page(project.root, 'first')
    const [loop, chart, again] = first.querySelectorAll('.prose img')
    // Every image on the page is a file of the output.
    for (const img of first.querySelectorAll('img')) {
      const src = img.getAttribute('src') as string
      expect(existsSync(join(out, 'articles/first', src)), src).toBe(true)
    }
    expect(loop?.attributes).toMatchObject({
      alt: 'The training loop',
      width: '1600',
      height: '900',
      // The article has a cover, which is on the first screen: every body image waits.
      loading: 'lazy',
      decoding: 'async',
    })
    expect(
      loop
        ?.getAttribute('srcset')
        ?.split(', ')
        .map((item) => item.split(' ')[1]),
    ).toEqual(['480w', '960w', '1440w', '1600w'])
    expect(chart?.attributes).toMatchObject({ alt: 'A chart', width: '300', height: '150' })
    expect(chart?.getAttribute('srcset')).toBeUndefined()
    expect(again?.getAttribute('src')).toBe(loop?.getAttribute('src'))

    const cover = first.querySelector('.article__cover')
    expect(cover?.attributes).toMatchObject({ width: '1200', height: '800', loading: 'eager' })
    expect(cover?.getAttribute('src')).toMatch(/^\.\.\/\.\.\/assets\/cover\.[0-9a-f]{10}\.png$/)

    const links = first.querySelectorAll('.prose a').map((a) => a.getAttribute('href'))
    expect(links).toContain('../second/#setup')
    expect(links).toContainEqual(
      expect.stringMatching(/^\.\.\/\.\.\/assets\/results\.[0-9a-f]{10}\.csv$/),
    )
    expect(page(project.root, 'second').querySelector('.prose a[href="../first/"]')).not.toBeNull()
  })

  it('loads the first image at once in an article without a cover, and only that one', async () => {
    project = await imageProject()
    project.write('content/articles/first.md', FIRST.replace('image: ./images/cover.png\n', ''))
    const result = await (await project.open({ overrides: { skip: ['cards'] } })).build()
    expect(result.problems).toEqual([])
    const images = page(project.root, 'first').querySelectorAll('.prose img')
    expect(images.map((img) => img.getAttribute('loading'))).toEqual(['eager', 'lazy', 'lazy'])
    expect(page(project.root, 'first').querySelector('.article__cover')).toBeNull()
  })

  it('follows ../ from an article in a subfolder to another article and to an image', async () => {
    project = await imageProject()
    project.write(
      'content/articles/notes/third.md',
      article(
        'Third',
        '2025-03-04',
        ['notes'],
        '\nBack to [setup](../second.md#setup).\n\n![The loop](../images/loop.png)\n',
      ),
    )
    const result = await (await project.open({ overrides: { skip: ['cards'] } })).build()
    expect(result.problems).toEqual([])
    const third = page(project.root, 'third')
    const href = third.querySelector('.prose a[href*="second"]')?.getAttribute('href') as string
    const url = new URL(href, 'https://x.example/articles/third/')
    expect(url.pathname + url.hash).toBe('/articles/second/#setup')
    const src = third.querySelector('.prose img')?.getAttribute('src') as string
    expect(existsSync(join(project.root, 'dist/articles/third', src))).toBe(true)
  })

  it('checks the body as build does: a missing image and a link to a missing article, at their places', async () => {
    project = await imageProject()
    project.write(
      'content/articles/first.md',
      `${FIRST}\n![Gone](./images/gone.png) and [nowhere](./nowhere.md).\n`,
    )
    const checked = await (await project.open()).check()
    const line = FIRST.split('\n').length + 1
    expect(checked.problems.map(({ code, line, column }) => ({ code, line, column }))).toEqual([
      { code: 'ASSET_MISSING', line, column: 9 },
      { code: 'LINK_TARGET_MISSING', line, column: 42 },
    ])
  })

  it('makes every asset URL of the feeds and the content package absolute, pointing at a file of the output', async () => {
    project = await imageProject()
    const build = await project.open({ overrides: { packageDir: 'pkg' } })
    expect((await build.build()).problems).toEqual([])
    const out = join(project.root, 'dist')
    const site = 'https://dawnpress.example/'
    const urls = new Set<string>()
    const collect = (html: string) => {
      for (const element of parse(html).querySelectorAll('img, a')) {
        for (const name of ['src', 'href']) {
          const value = element.getAttribute(name)
          if (value) urls.add(value)
        }
        for (const candidate of element.getAttribute('srcset')?.split(', ') ?? []) {
          urls.add(candidate.split(' ')[0] as string)
        }
      }
    }
    const rss = new XMLParser().parse(readFileSync(join(out, 'rss.xml'), 'utf8'))
    for (const item of rss.rss.channel.item) collect(item['content:encoded'] ?? item.description)
    const json = JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8'))
    for (const item of json.items) collect(item.content_html)
    const pkg = await import(join(project.root, 'pkg/dist/index.js'))
    const body = await pkg.loadArticle('first')
    collect(body.html)
    expect(pkg.getArticle('first').image).toMatch(/^https:\/\/dawnpress\.example\/assets\/cover\./)
    const assetUrls = [...urls].filter((url) => url.includes('/assets/'))
    expect(assetUrls.length).toBeGreaterThan(5)
    for (const url of assetUrls) {
      expect(url.startsWith(`${site}assets/`), url).toBe(true)
      expect(existsSync(join(out, url.slice(site.length))), url).toBe(true)
    }
  })

  it('reports a missing, outside, linked-out or unreadable file and a missing or unpublished article at its place, in check and build alike', async () => {
    project = await imageProject()
    const build = await project.open({ overrides: { skip: ['cards'] } })
    expect((await build.build()).ok).toBe(true)
    const before = readTree(join(project.root, 'dist'))
    const outside = join(tmpdir(), `dawnpress-outside-${process.pid}.png`)
    writeFileSync(outside, await png(10, 10))
    symlinkSync(outside, join(project.root, 'content/articles/images/linked.png'))
    project.write('content/articles/images/fake.png', 'not an image')
    project.write(
      'content/articles/draft.md',
      '---\ntitle: Draft\ndescription: D.\ndate: 2025-03-04\ndraft: true\n---\n\nBody.\n',
    )
    project.write(
      'content/articles/bad.md',
      [
        '---',
        'title: Bad',
        'description: Broken.',
        'date: 2025-03-03',
        '---',
        '',
        '![Gone](./images/gone.png) ![Up](../../secret.png)',
        '![Linked](images/linked.png) ![Fake](images/fake.png) ![Data](data/results.csv)',
        '[Missing](./missing.md) and [the draft](./draft.md)',
        '',
      ].join('\n'),
    )
    const expected = [
      // At the URL, where the fix goes.
      [7, 9, 'ASSET_MISSING', 'error'],
      [7, 34, 'ASSET_OUTSIDE_CONTENT', 'error'],
      [8, 11, 'ASSET_OUTSIDE_CONTENT', 'error'],
      [8, 38, 'IMAGE_UNSUPPORTED', 'error'],
      [8, 63, 'IMAGE_UNSUPPORTED', 'error'],
      [9, 11, 'LINK_TARGET_MISSING', 'error'],
      [9, 41, 'LINK_TARGET_UNPUBLISHED', 'warning'],
    ]
    const shown = (
      problems: readonly {
        file: string
        line: number
        column: number
        code: string
        severity: string
      }[],
    ) =>
      problems
        .filter((problem) => problem.file.endsWith('bad.md'))
        .map((problem) => [problem.line, problem.column, problem.code, problem.severity])
    const checked = await build.check()
    expect(shown(checked.problems)).toEqual(expected)
    const result = await build.build()
    expect(result.status).toBe('failed')
    expect(shown(result.problems)).toEqual(expected)
    expect(readTree(join(project.root, 'dist'))).toEqual(before)
  })

  it('rewrites a reused article again when an image it shows changes, or an article it links to moves', async () => {
    project = await imageProject()
    const build = await project.open({ overrides: { skip: ['cards'] } })
    await build.build()
    const src = () => page(project.root, 'first').querySelector('.prose img')?.getAttribute('src')
    const old = src()
    project.write('content/articles/images/loop.png', await png(1600, 900, '#10b981'))
    const changed = await build.build()
    expect(changed).toMatchObject({ status: 'built', parsed: 1 })
    expect(src()).not.toBe(old)
    expect(existsSync(join(project.root, 'dist/articles/first', src() as string))).toBe(true)
    expect(existsSync(join(project.root, 'dist/articles/first', old as string))).toBe(false)
    // The feeds carry the new image too: a feed is reused only when what it shows is the same.
    expect(readFileSync(join(project.root, 'dist/rss.xml'), 'utf8')).toContain(
      (src() as string).replace('../../', ''),
    )

    project.write(
      'content/articles/second.md',
      project
        .read('content/articles/second.md')
        .replace('title: Second', 'title: Second\nslug: part-two'),
    )
    await build.build()
    expect(
      page(project.root, 'first').querySelector('.prose a[href="../part-two/#setup"]'),
    ).not.toBeNull()
    expect((await build.build()).status).toBe('current')

    // A cold build of the same files writes the same bytes.
    const incremental = readTree(join(project.root, 'dist'))
    project.remove('node_modules/.cache')
    project.remove('dist')
    await (await project.open({ overrides: { skip: ['cards'] } })).build()
    expect(diffTrees(readTree(join(project.root, 'dist')), incremental)).toEqual([])
  })

  it('draws the cover on the card, and a new cover draws a new card', async () => {
    project = await imageProject()
    const build = await project.open()
    await build.build()
    const card = readFileSync(join(project.root, 'dist/og/first.png'))
    const { data, info } = await sharp(card).raw().toBuffer({ resolveWithObject: true })
    // The cover (#223344) fills the panel at the right.
    const at = (x: number, y: number) => [
      ...data.subarray(
        (y * info.width + x) * info.channels,
        (y * info.width + x) * info.channels + 3,
      ),
    ]
    const near = (actual: number[], expected: number[]) =>
      actual.every((value, index) => Math.abs(value - (expected[index] as number)) <= 3)
    // JPEG keeps colours to within a step or two.
    expect(near(at(1000, 315), [0x22, 0x33, 0x44])).toBe(true)
    project.write('content/articles/images/cover.png', await png(1200, 800, '#aa0000'))
    const result = await build.build()
    expect(result.cards).toEqual({ rendered: 1, reused: 2 })
    const redrawn = await sharp(join(project.root, 'dist/og/first.png')).raw().toBuffer()
    expect([...redrawn.subarray((315 * 1200 + 1000) * 3, (315 * 1200 + 1000) * 3 + 3)]).toEqual([
      0xaa, 0, 0,
    ])
  })
})

describe('the public folder', () => {
  it('is copied as it is, and may replace robots.txt, but not a page, feed or card', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    project.write('content/public/robots.txt', 'User-agent: *\nDisallow: /drafts/\n')
    project.write('content/public/downloads/paper.pdf', '%PDF-1.4\n')
    project.write('content/public/.well-known/security.txt', 'Contact: mailto:a@example.org\n')
    project.write('content/public/.DS_Store', 'junk')
    const build = await project.open({ overrides: { skip: ['cards'] } })
    expect((await build.build()).problems).toEqual([])
    const out = join(project.root, 'dist')
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toBe(
      'User-agent: *\nDisallow: /drafts/\n',
    )
    expect(readFileSync(join(out, 'downloads/paper.pdf'), 'utf8')).toBe('%PDF-1.4\n')
    expect(existsSync(join(out, '.well-known/security.txt'))).toBe(true)
    expect(existsSync(join(out, '.DS_Store'))).toBe(false)
    expect((await build.build()).status).toBe('current')

    project.write('content/public/downloads/paper.pdf', '%PDF-1.7\n')
    expect((await build.build()).status).toBe('built')
    expect(readFileSync(join(out, 'downloads/paper.pdf'), 'utf8')).toBe('%PDF-1.7\n')

    const before = readTree(out)
    project.write('content/public/rss.xml', '<rss/>')
    const clash = await build.build()
    expect(clash.status).toBe('failed')
    expect(
      clash.problems.map((problem) => [problem.file.split('/').slice(-2).join('/'), problem.code]),
    ).toEqual([['public/rss.xml', 'PUBLIC_PATH_TAKEN']])
    expect(readTree(out)).toEqual(before)
  })

  it('refuses a link out of the folder', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    const secret = join(tmpdir(), `dawnpress-secret-${process.pid}.txt`)
    writeFileSync(secret, 'secret')
    project.write('content/public/ok.txt', 'ok')
    symlinkSync(secret, join(project.root, 'content/public/leak.txt'))
    const result = await (await project.open({ overrides: { skip: ['cards'] } })).build()
    expect(result.status).toBe('failed')
    expect(result.problems.map((problem) => problem.code)).toEqual(['PUBLIC_LINK_OUTSIDE'])
    expect(existsSync(join(project.root, 'dist/leak.txt'))).toBe(false)
  })
})
