import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { isProblemError } from '@dawnpress/core'
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith'
import { parse } from 'node-html-parser'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { article, createProject, type Project, REPO_CONTENT } from '../test/project.ts'

let project: Project

afterEach(() => {
  project?.dispose()
  vi.unstubAllEnvs()
})

const out = (path: string) => join(project.root, 'dist', path)
const rss = (path = 'rss.xml') => parseRssFeed(readFileSync(out(path), 'utf8'))

describe('the feeds a build writes', () => {
  it('give each card enclosure the size of the card file the build wrote', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    await (await project.open()).build()
    const [item] = rss().items ?? []
    expect(item?.enclosures?.[0]).toMatchObject({
      url: 'https://dawnpress.example/og/first.png',
      type: 'image/png',
      length: statSync(out('og/first.png')).size,
    })
  })

  it('have no card enclosure when cards are not built, and name feed.xsl, which is written', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    await (await project.open({ overrides: { skip: ['cards'] } })).build()
    expect(rss().items?.[0]?.enclosures).toBeUndefined()
    expect(readFileSync(out('rss.xml'), 'utf8')).toContain('<?xml-stylesheet href="feed.xsl"')
    expect(readFileSync(out('tags/notes/atom.xml'), 'utf8')).toContain(
      '<?xml-stylesheet href="../../feed.xsl"',
    )
    expect(readFileSync(out('feed.xsl'), 'utf8')).toContain('<xsl:stylesheet')
  })

  it('leave out articles dated after SOURCE_DATE_EPOCH, the build time', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', String(Date.UTC(2025, 2, 2) / 1000))
    project = createProject({
      'first.md': article('First', '2025-03-01'),
      'later.md': article('Later', '2025-03-03'),
    })
    await (await project.open({ overrides: { skip: ['cards'] } })).build()
    expect(rss().items?.map((item) => item.title)).toEqual(['First'])
    expect(parseJsonFeed(readFileSync(out('feed.json'), 'utf8')).items?.length).toBe(1)
  })

  it('take the options of the config', async () => {
    project = createProject({
      'first.md': article('First', '2025-03-01'),
      'second.md': article('Second', '2025-03-02'),
    })
    const build = await project.open({
      overrides: { skip: ['cards'] },
      config: {
        outputs: {
          feeds: {
            limit: 1,
            content: 'summary',
            tagFeeds: false,
            stylesheet: false,
            logo: '/logo.png',
            icon: '/icon.png',
          },
        },
      },
    })
    await build.build()
    const feed = rss()
    expect(feed.items?.map((item) => item.title)).toEqual(['Second'])
    expect(feed.items?.[0]?.content).toBeUndefined()
    expect(feed.image?.url).toBe('https://dawnpress.example/logo.png')
    expect(parseAtomFeed(readFileSync(out('atom.xml'), 'utf8')).icon).toBe(
      'https://dawnpress.example/icon.png',
    )
    expect(existsSync(out('tags/notes/rss.xml'))).toBe(false)
    expect(existsSync(out('feed.xsl'))).toBe(false)
    expect(readFileSync(out('rss.xml'), 'utf8')).not.toContain('xml-stylesheet')
  })

  it("date a day without a time in the site's time zone, and take cardImages: false", async () => {
    const site = JSON.parse(readFileSync(join(REPO_CONTENT, 'site.json'), 'utf8'))
    project = createProject(
      { 'first.md': article('First', '2025-03-01') },
      { site: JSON.stringify({ ...site, timeZone: 'Pacific/Auckland' }) },
    )
    const build = await project.open({ config: { outputs: { feeds: { cardImages: false } } } })
    await build.build()
    // The start of 1 March in Auckland is 11:00 on 28 February in UTC.
    const [item] = rss().items ?? []
    expect(new Date(item?.pubDate as string).toISOString()).toBe('2025-02-28T11:00:00.000Z')
    expect(item?.enclosures).toBeUndefined()
    expect(existsSync(out('og/first.png'))).toBe(true)
    // The page shows the day the author wrote, not the UTC one.
    const time = parse(readFileSync(out('articles/first/index.html'), 'utf8')).querySelector(
      '.meta time',
    )
    expect([time?.getAttribute('datetime'), time?.textContent]).toEqual([
      '2025-03-01',
      'March 1, 2025',
    ])
  })

  it('carry code blocks as plain code with their language, no colours, since readers drop styles', async () => {
    const body = '\n```ts\nconst answer: number = 42\n```\n'
    project = createProject({ 'first.md': article('First', '2025-03-01', ['notes'], body) })
    await (await project.open({ overrides: { skip: ['cards'] } })).build()
    const content = parseJsonFeed(readFileSync(out('feed.json'), 'utf8')).items?.[0]?.content_html
    // node-html-parser keeps <pre> as raw text unless told otherwise.
    const code = parse(content ?? '', { blockTextElements: {} }).querySelector('figure.code-block')
    expect(code?.querySelector('figcaption')?.textContent).toBe('TypeScript')
    expect(code?.querySelector('pre code')?.textContent).toBe('const answer: number = 42')
    expect(content).not.toMatch(/style=|--shiki/)
    // The page has the colours, for both schemes.
    expect(readFileSync(out('articles/first/index.html'), 'utf8')).toContain('--shiki-dark')
  })

  it('refuse feed options that are not of the documented shape', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    for (const feeds of [{ content: 'excerpt' }, { logo: 'logo.png' }, { stylesheet: 1 }]) {
      const opened = project.open({ config: { outputs: { feeds } } as never })
      const codes = await opened.then(
        async (build) => {
          await build.build()
          return []
        },
        (error: unknown) =>
          isProblemError(error) ? error.problems.map((entry) => entry.code) : [error],
      )
      expect(codes, JSON.stringify(feeds)).toEqual(['CONFIG_INVALID'])
    }
  })
})
