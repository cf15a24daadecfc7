import { fileURLToPath } from 'node:url'
import { parse } from 'node-html-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type BuiltEntryRun,
  ENTRY_MODES,
  expectEntry,
  runBuiltEntry,
} from '../../../test/built-entry.ts'
import { renderPages } from '../src/index.ts'
import { FIXTURE_DIR, loadFixture } from './articles.ts'

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url))

// The fixture blog, loaded with core in the same format, as test/articles.ts loads it.
const CHECKS = {
  renderPages: `
    const core = await load('@dawnpress/core')
    const collection = core.defineCollection({ directory: args.fixture + 'articles', gitDates: false })
    const { articles } = await core.loadCollection(collection)
    const { site } = await core.loadSite(args.fixture + 'site.json')
    return [...pkg.renderPages(articles, site)].map((file) => ({ path: file.path, contents: String(file.contents) }))`,
}

describe.each(ENTRY_MODES)('@dawnpress/pages, loaded with $title', (mode) => {
  let run: BuiltEntryRun
  beforeAll(async () => {
    run = await runBuiltEntry(PACKAGE_DIR, mode, CHECKS, { fixture: FIXTURE_DIR })
  })

  it('resolves to the built file of its format', () => {
    expectEntry(run, PACKAGE_DIR, mode)
  })

  it('renders the pages the sources render (regression: "import_github_slugger.default is not a constructor")', async () => {
    const files = run.value('renderPages') as { path: string; contents: string }[]
    const { articles, site } = await loadFixture()
    const expected = [...renderPages(articles, site)].map((file) => ({
      path: file.path,
      contents: String(file.contents),
    }))
    expect(files).toEqual(expected)
    const home = parse(files.find((file) => file.path === 'index.html')?.contents ?? '')
    expect(home.querySelectorAll('a[href^="articles/"]').length).toBeGreaterThanOrEqual(3)
  })
})
