import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isProblemError } from '@dawnpress/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  article,
  createProject,
  diffTrees,
  type Project,
  pngSize,
  readTree,
} from '../test/project.ts'
import { OUTPUT_MARKER } from './output-folder.ts'

let project: Project

afterEach(() => {
  project?.dispose()
  vi.unstubAllEnvs()
})

/** The problem codes a promise rejects with, or [] when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise
    return []
  } catch (error) {
    if (!isProblemError(error)) throw error
    return error.problems.map((problem) => problem.code)
  }
}

describe('createBuild', () => {
  it('writes pages, feeds, articles.json and 1200×630 cards, and reports what it did', async () => {
    project = createProject({
      'first.md': article('First', '2025-03-01', ['ai']),
      'second.md': article('Second', '2025-03-02', ['ai', 'notes']),
    })
    const build = await project.open()
    const result = await build.build()
    expect(result).toMatchObject({ status: 'built', ok: true, articles: 2, parsed: 2, reused: 0 })
    expect(result.cards).toEqual({ rendered: 3, reused: 0 })
    const out = join(project.root, 'dist')
    const files = [...readTree(out).keys()].sort()
    expect(files).toEqual(
      expect.arrayContaining([
        OUTPUT_MARKER,
        'index.html',
        'articles/first/index.html',
        'articles.json',
        'rss.xml',
        'atom.xml',
        'feed.json',
        'tags/ai/rss.xml',
        'og/first.png',
        'og/_site.png',
      ]),
    )
    expect(result.files.written).toBe(files.length)
    expect(pngSize(readFileSync(join(out, 'og/first.png')))).toEqual({ width: 1200, height: 630 })
    const json = JSON.parse(readFileSync(join(out, 'articles.json'), 'utf8'))
    expect(json.map((entry: { slug: string }) => entry.slug)).toEqual(['second', 'first'])
    expect(result.timings.map((timing) => timing.label)).toContain('pages')
  })

  it('does nothing on a second build when nothing changed, and again after a restart', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    const build = await project.open({ overrides: { skip: ['cards'] } })
    await build.build()
    const before = readTree(join(project.root, 'dist'))
    expect((await build.build()).status).toBe('current')
    const restarted = await project.open({ overrides: { skip: ['cards'] } })
    expect((await restarted.build()).status).toBe('current')
    expect(readTree(join(project.root, 'dist'))).toEqual(before)
  })

  it('returns content problems, writes nothing, and keeps the last output when an article has an error', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    const build = await project.open({ overrides: { skip: ['cards'] } })
    await build.build()
    const before = readTree(join(project.root, 'dist'))
    project.write('content/articles/broken.md', '---\ntitle: [unclosed\n---\n\nBody.\n')
    const result = await build.build()
    expect(result).toMatchObject({ status: 'failed', ok: false })
    expect(result.problems.map((problem) => [problem.file.split('/').pop(), problem.code])).toEqual(
      [['broken.md', 'FRONTMATTER_YAML']],
    )
    expect(readTree(join(project.root, 'dist'))).toEqual(before)
  })

  it('checks without writing anything', async () => {
    project = createProject({
      'first.md': article('First', '2025-03-01'),
      'bad.md': '---\ntitle: Bad\n---\n\nNo description.\n',
    })
    const build = await project.open()
    const result = await build.check()
    expect(result.ok).toBe(false)
    expect(result.problems.map((problem) => problem.code)).toEqual(['FIELD_REQUIRED'])
    expect(result.articles.map((entry) => entry.slug)).toEqual(['first'])
    expect(existsSync(join(project.root, 'dist'))).toBe(false)
  })

  it('writes only the typed package when the other outputs are off, into a folder of its own', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    const build = await project.open({ overrides: { only: ['package'], packageDir: 'pkg' } })
    const result = await build.build()
    expect(result.status).toBe('built')
    expect(existsSync(join(project.root, 'dist'))).toBe(false)
    const files = [...readTree(join(project.root, 'pkg')).keys()].sort()
    expect(files).toEqual(
      [
        OUTPUT_MARKER,
        'README.md',
        ...['article', 'index', 'pages', 'summaries', 'tags'].flatMap((entry) =>
          ['cjs', 'd.cts', 'd.ts', 'js'].map((ext) => `dist/${entry}.${ext}`),
        ),
        'dist/articles/first.cjs',
        'dist/articles/first.js',
        'dist/pages/1.cjs',
        'dist/pages/1.js',
        'dist/tags/notes/1.cjs',
        'dist/tags/notes/1.js',
        'package.json',
      ].sort(),
    )
    expect((await build.build()).status).toBe('current')
  })

  it("pages the package's article lists as the site's pages are", async () => {
    project = createProject({
      'first.md': article('First', '2025-03-01'),
      'second.md': article('Second', '2025-03-02'),
      'third.md': article('Third', '2025-03-03'),
    })
    const build = await project.open({
      overrides: { skip: ['cards'], packageDir: 'pkg' },
      config: { outputs: { pages: { pageSize: 2 } } },
    })
    await build.build()
    expect(existsSync(join(project.root, 'pkg/dist/pages/2.js'))).toBe(true)
    expect(existsSync(join(project.root, 'pkg/dist/pages/3.js'))).toBe(false)
    expect(existsSync(join(project.root, 'dist/page/2/index.html'))).toBe(true)
  })

  it('replaces only dist/ of a package folder whose package.json is its own', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    project.write('pkg/package.json', '{ "name": "mine", "type": "module" }\n')
    project.write('pkg/src/keep.ts', 'export {}\n')
    const build = await project.open({ overrides: { only: ['package'], packageDir: 'pkg' } })
    await build.build()
    expect(project.read('pkg/package.json')).toBe('{ "name": "mine", "type": "module" }\n')
    expect(project.read('pkg/src/keep.ts')).toBe('export {}\n')
    expect(readdirSync(join(project.root, 'pkg/dist')).sort()).toEqual(
      [
        'articles',
        'pages',
        'tags',
        ...['article', 'index', 'pages', 'summaries', 'tags'].flatMap((entry) =>
          ['cjs', 'd.cts', 'd.ts', 'js'].map((ext) => `${entry}.${ext}`),
        ),
      ].sort(),
    )
    // Built again after an edit: the generated dist/ is recognised as dawnpress's.
    project.write('content/articles/first.md', article('First, again', '2025-03-01'))
    expect((await build.build()).status).toBe('built')
  })
})

describe('links under a base path', () => {
  it('lead to the same page from the article page and from the feeds (regression: /about/ left the site on pages)', async () => {
    const site = JSON.parse(createProject().read('content/site.json'))
    project = createProject(
      { 'first.md': article('First', '2025-03-01', ['ai'], '\nSee [the team](/about/#team).\n') },
      { site: JSON.stringify({ ...site, url: 'https://example.org/blog/' }) },
    )
    const build = await project.open({ overrides: { skip: ['cards'] } })
    await build.build()
    const page = project.read('dist/articles/first/index.html')
    const href = /<a href="([^"]*)">the team<\/a>/.exec(page)?.[1] as string
    const fromPage = new URL(href, 'https://example.org/blog/articles/first/').href
    const feed = JSON.parse(project.read('dist/feed.json')) as { items: { content_html: string }[] }
    const fromFeed = /<a href="([^"]*)">the team<\/a>/.exec(feed.items[0]?.content_html ?? '')?.[1]
    expect(fromPage).toBe('https://example.org/blog/about/#team')
    expect(fromFeed).toBe(fromPage)
  })
})

describe('the same commit and SOURCE_DATE_EPOCH', () => {
  it('build byte-identical outputs, from an empty cache each time', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', String(Date.UTC(2026, 0, 1) / 1000))
    project = createProject(
      {
        'first.md': article('First', '2025-03-01', ['ai']),
        'later.md': article('Later', '2025-03-02', ['ai', 'notes']),
      },
      { seed: true },
    )
    const trees = []
    for (const run of ['a', 'b']) {
      const build = await project.open({
        overrides: { outDir: `out-${run}`, cacheDir: `cache-${run}`, packageDir: `pkg-${run}` },
      })
      expect((await build.build()).status).toBe('built')
      await build.dispose()
      trees.push(readTree(join(project.root, `out-${run}`)))
      trees.push(readTree(join(project.root, `pkg-${run}`)))
    }
    const [outA, pkgA, outB, pkgB] = trees as Map<string, Buffer>[]
    expect(outA?.size).toBeGreaterThan(20)
    expect(diffTrees(outA as Map<string, Buffer>, outB as Map<string, Buffer>)).toEqual([])
    expect(diffTrees(pkgA as Map<string, Buffer>, pkgB as Map<string, Buffer>)).toEqual([])
  })
})

describe("a card's warnings", () => {
  it('are problems of the article file at the field and character they are about (regression: always 1:1 title)', async () => {
    const source =
      '---\ntitle: Signs\ndescription: Ancient signs 𓀀 on a card.\ndate: 2025-03-01\n---\n\nBody.\n'
    project = createProject({ 'signs.md': source })
    const result = await (await project.open()).build()
    const warning = result.problems.find((problem) => problem.code === 'CARD_GLYPH_MISSING')
    expect(warning).toMatchObject({
      file: expect.stringMatching(/content\/articles\/signs\.md$/),
      line: 3,
      column: 'description: Ancient signs '.length + 1,
      path: ['description'],
      severity: 'warning',
    })
  })
})

describe('the output folder', () => {
  it('is never replaced when it holds files dawnpress did not write (regression: --out precious)', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    project.write('precious/thesis.txt', 'four years of work')
    const build = await project.open({ overrides: { outDir: 'precious', skip: ['cards'] } })
    expect(await rejection(build.build())).toEqual(['OUTPUT_NOT_OWNED'])
    expect(project.read('precious/thesis.txt')).toBe('four years of work')
    expect(readdirSync(join(project.root, 'precious'))).toEqual(['thesis.txt'])
  })

  it.each([
    ['the project folder (--out .)', '.'],
    ['an unset variable (--out "")', ''],
    ['the content folder', 'content'],
    ['the articles folder', 'content/articles'],
    ['a folder inside the content', 'content/articles/site'],
    ['a folder that contains the project', '..'],
  ])('refuses %s', async (_what, outDir) => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    const before = readTree(project.root)
    const build = await project.open({ overrides: { outDir, skip: ['cards'] } })
    expect(await rejection(build.build())).toEqual(['OUTPUT_NOT_OWNED'])
    expect(readTree(project.root)).toEqual(before)
  })

  it('refuses the home folder and the root of the file system', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    for (const outDir of [process.env.HOME ?? '/root', '/']) {
      const build = await project.open({ overrides: { outDir, skip: ['cards'] } })
      expect(await rejection(build.build())).toEqual(['OUTPUT_NOT_OWNED'])
    }
  })

  it('refuses a cache folder inside the output folder, which every build replaces', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    const build = await project.open({ overrides: { cacheDir: 'dist/.cache', skip: ['cards'] } })
    expect(await rejection(build.build())).toEqual(['OUTPUT_NOT_OWNED'])
  })

  it('replaces a folder that is empty or carries the marker', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    mkdirSync(join(project.root, 'empty'))
    const build = await project.open({ overrides: { outDir: 'empty', skip: ['cards'] } })
    expect((await build.build()).status).toBe('built')
    expect(existsSync(join(project.root, 'empty', OUTPUT_MARKER))).toBe(true)
  })

  it('removes the staging folders a killed build left beside the output', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    const leftover = join(project.root, '.dist.building-4242-0123abcd')
    mkdirSync(leftover)
    writeFileSync(join(leftover, 'index.html'), 'half a page')
    const foreign = join(project.root, '.dist.building-notes')
    mkdirSync(foreign)
    const build = await project.open({ overrides: { skip: ['cards'] } })
    await build.build()
    expect(existsSync(leftover)).toBe(false)
    expect(existsSync(foreign)).toBe(true)
  })

  it('refuses a package folder holding files dawnpress did not write', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    project.write('pkg/notes.md', 'mine')
    const build = await project.open({ overrides: { only: ['package'], packageDir: 'pkg' } })
    expect(await rejection(build.build())).toEqual(['OUTPUT_NOT_OWNED'])
    expect(project.read('pkg/notes.md')).toBe('mine')
  })
})

describe('scheduled articles', () => {
  const epoch = (iso: string) => String(Date.parse(iso) / 1000)
  const withEpoch = async <T>(iso: string, run: () => Promise<T>): Promise<T> => {
    const saved = process.env.SOURCE_DATE_EPOCH
    process.env.SOURCE_DATE_EPOCH = epoch(iso)
    try {
      return await run()
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH
      else process.env.SOURCE_DATE_EPOCH = saved
    }
  }

  it('are published nowhere before their date, not even in the sitemap or the package (regression: 2099)', async () => {
    project = createProject({
      'now.md': article('Now', '2026-11-01'),
      'later.md': article('Later', '2099-01-01', ['future']),
    })
    const build = await project.open({ overrides: { skip: ['cards'], packageDir: 'pkg' } })
    const result = await withEpoch('2026-12-01T00:00:00Z', () => build.build())
    expect(result.articles).toBe(1)
    const files = [...readTree(join(project.root, 'dist')).keys()]
    expect(files.filter((path) => /later|future/.test(path))).toEqual([])
    for (const path of ['sitemap.xml', 'rss.xml', 'feed.json', 'articles.json', 'index.html']) {
      expect(project.read(`dist/${path}`), path).not.toContain('later')
    }
    expect(project.read('dist/sitemap.xml')).not.toContain('2099')
    expect(project.read('pkg/dist/index.js')).not.toContain('later')
    const checked = await withEpoch('2026-12-01T00:00:00Z', () => build.check())
    expect(checked.scheduled.map((entry) => entry.slug)).toEqual(['later'])
  })

  it('are published by the first build after their time, though no file changed', async () => {
    project = createProject({ 'later.md': article('Later', '2030-01-01') })
    const build = await project.open({ overrides: { skip: ['cards'] } })
    expect((await withEpoch('2029-12-31T00:00:00Z', () => build.build())).articles).toBe(0)
    expect((await withEpoch('2029-12-31T12:00:00Z', () => build.build())).status).toBe('current')
    const due = await withEpoch('2030-01-01T00:00:00Z', () => build.build())
    expect(due).toMatchObject({ status: 'built', articles: 1 })
    expect(existsSync(join(project.root, 'dist/articles/later/index.html'))).toBe(true)
  })

  it('are shown by dev with a notice, as drafts are', async () => {
    project = createProject({
      'later.md': article('Later', '2099-01-01'),
      'draft.md': article('Draft', '2025-01-01').replace('---\n\n', 'draft: true\n---\n\n'),
    })
    const build = await project.open({ mode: 'dev', overrides: { skip: ['cards'] } })
    await build.build()
    const page = async (slug: string) =>
      Buffer.from((await build.read(`/articles/${slug}/index.html`)) as Uint8Array).toString()
    expect(await page('later')).toContain('<strong>Scheduled.</strong>')
    expect(await page('draft')).toContain('<strong>Draft.</strong>')
  })
})
