import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type BuiltEntryRun,
  ENTRY_MODES,
  expectEntry,
  runBuiltEntry,
} from '../../../test/built-entry.ts'
import { REPO_CONTENT } from './project.ts'

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url))

// The engine as a user's script drives it: a whole build of the seed content (without cards,
// which og's own entry tests cover), then a check, from the built entry of each format.
const CHECKS = {
  build: `
    const { readdirSync, readFileSync } = await load('node:fs')
    const build = await pkg.createBuild({ root: args.root, overrides: { skip: ['cards'] } })
    try {
      const result = await build.build()
      const checked = await build.check()
      const json = JSON.parse(readFileSync(args.root + '/dist/articles.json', 'utf8'))
      return {
        status: result.status,
        problems: result.problems.filter((problem) => problem.severity === 'error').length,
        checked: checked.problems.filter((problem) => problem.severity === 'error').length,
        slugs: json.map((article) => article.slug),
        files: readdirSync(args.root + '/dist').sort(),
      }
    } finally {
      await build.dispose()
    }`,
  defineConfig: `return pkg.defineConfig({ outputs: { cards: false } }).outputs`,
}

describe.each(ENTRY_MODES)('@dawnpress/build, loaded with $title', (mode) => {
  let root: string
  let run: BuiltEntryRun
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'dawnpress-entry-'))
    cpSync(REPO_CONTENT, join(root, 'content'), { recursive: true })
    run = await runBuiltEntry(PACKAGE_DIR, mode, CHECKS, { root })
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('resolves to the built file of its format', () => {
    expectEntry(run, PACKAGE_DIR, mode)
  })

  it('builds the seed content with createBuild and checks it', () => {
    const outcome = run.value('build') as Record<string, unknown>
    expect(outcome).toMatchObject({ status: 'built', problems: 0, checked: 0 })
    expect(outcome.slugs).toContain('the-dawn-of-large-language-models')
    expect(outcome.files).toEqual(
      expect.arrayContaining(['articles.json', 'atom.xml', 'feed.json', 'index.html', 'rss.xml']),
    )
  })

  it('gives back the config defineConfig is given', () => {
    expect(run.value('defineConfig')).toEqual({ cards: false })
  })
})
