import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type BuiltEntryRun,
  ENTRY_MODES,
  expectEntry,
  runBuiltEntry,
} from '../../../test/built-entry.ts'

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url))

// What a vite.config does: make the plugin and hand it to Vite, which calls its hooks.
const CHECKS = {
  plugin: `
    const plugin = pkg.dawnpress({ cards: true })
    const config = plugin.config({ root: '/work/app' })
    return {
      name: plugin.name,
      alias: String(config.resolve.alias[0].find),
      replacement: config.resolve.alias[0].replacement,
      ignored: config.server.watch.ignored,
    }`,
  exports: 'return Object.keys(pkg).filter((key) => key !== "default").sort()',
}

// An ES module only, as Vite 8 is: every Node that runs Vite 8 loads it with import (and
// can require() it too, which needs no build of its own).
const MODES = ENTRY_MODES.filter((mode) => mode.format === 'esm')

describe.each(MODES)('@dawnpress/vite, loaded with $title', (mode) => {
  let run: BuiltEntryRun
  beforeAll(async () => {
    run = await runBuiltEntry(PACKAGE_DIR, mode, CHECKS)
  })

  it('resolves to the built file of its format', () => expectEntry(run, PACKAGE_DIR, mode))

  it('makes a plugin that resolves @content to the generated package', () => {
    expect(run.value('plugin')).toEqual({
      name: 'dawnpress',
      alias: '/^@content$/',
      replacement: '/work/app/.dawnpress/content/dist/index.js',
      ignored: ['/work/app/.dawnpress/content/**'],
    })
  })

  it('exports what the README lists', () => {
    expect(run.value('exports')).toEqual([
      'DEFAULT_CARDS_DIR',
      'DEFAULT_CONTENT_ALIAS',
      'DEFAULT_CONTENT_DIR',
      'dawnpress',
    ])
  })
})
