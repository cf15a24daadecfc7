import { fileURLToPath } from 'node:url'
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type BuiltEntryRun,
  ENTRY_MODES,
  expectEntry,
  runBuiltEntry,
} from '../../../test/built-entry.ts'
import type { FeedFile } from '../src/index.ts'
import { createFeedFiles } from '../src/index.ts'
import { loadArticles, SITE } from './support/articles.ts'

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url))
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url))

// The fixture articles, parsed by core loaded the same way, as test/support/articles.ts does.
const CHECKS = {
  createFeedFiles: `
    const { readdirSync, readFileSync } = await load('node:fs')
    const core = await load('@dawnpress/core')
    const { site } = core.parseSite(readFileSync(args.fixtures + 'site.json', 'utf8'), 'site.json')
    const articles = readdirSync(args.fixtures + 'articles')
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => core.parseArticle(readFileSync(args.fixtures + 'articles/' + name), {
        file: 'articles/' + name,
      }).article)
    return pkg.createFeedFiles(articles, site)`,
}

describe.each(ENTRY_MODES)('@dawnpress/feeds, loaded with $title', (mode) => {
  let run: BuiltEntryRun
  beforeAll(async () => {
    run = await runBuiltEntry(PACKAGE_DIR, mode, CHECKS, { fixtures: FIXTURES })
  })

  it('resolves to the built file of its format', () => {
    expectEntry(run, PACKAGE_DIR, mode)
  })

  it('writes the feed files the sources write (regression: "import_github_slugger.default is not a constructor" in tag feeds)', () => {
    const files = run.value('createFeedFiles') as FeedFile[]
    expect(files).toEqual(createFeedFiles(loadArticles(), SITE))
    const feed = (path: string) => files.find((file) => file.path === path)?.contents ?? ''
    const titles = loadArticles().map((article) => article.title)
    expect(parseRssFeed(feed('rss.xml')).items?.map((item) => item.title)).toEqual(
      expect.arrayContaining(titles),
    )
    expect(parseAtomFeed(feed('atom.xml')).entries?.length).toBe(titles.length)
    expect(parseJsonFeed(feed('feed.json')).items?.length).toBe(titles.length)
  })
})
