import { mkdtempSync, rmSync } from 'node:fs'
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

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url))
const CONTENT = fileURLToPath(new URL('../../../content/', import.meta.url))

// What a next.config does: wrap the config, and Next calls the result with the phase.
const CHECKS = {
  build: `
    // The report is this process's stdout: keep the build's own line out of it.
    const write = process.stdout.write
    process.stdout.write = () => true
    const config = await pkg
      .withDawnpress({ output: 'export' }, { root: args.root })('phase-production-build', { defaultConfig: {} })
      .finally(() => { process.stdout.write = write })
    const fs = await load('node:fs')
    const index = fs.readFileSync(args.root + '/.dawnpress/content/dist/index.js', 'utf8')
    return { config, seed: index.includes('the-dawn-of-large-language-models') }`,
  start: `
    return await pkg.withDawnpress((phase) => ({ basePath: '/' + phase }))(
      'phase-production-server', { defaultConfig: {} })`,
  exports: 'return Object.keys(pkg).filter((key) => key !== "default").sort()',
}

describe.each(ENTRY_MODES)('@dawnpress/next, loaded with $title', (mode) => {
  let run: BuiltEntryRun
  let root: string
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'dawnpress-next-entry-'))
    const { cpSync } = await import('node:fs')
    cpSync(CONTENT, join(root, 'content'), { recursive: true })
    run = await runBuiltEntry(PACKAGE_DIR, mode, CHECKS, { root })
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('resolves to the built file of its format', () => expectEntry(run, PACKAGE_DIR, mode))

  it('builds the content package before next build, and returns the config', () => {
    expect(run.value('build')).toEqual({ config: { output: 'export' }, seed: true })
  })

  it('calls a config function with the phase, and builds nothing for next start', () => {
    expect(run.value('start')).toEqual({ basePath: '/phase-production-server' })
  })

  it('exports what the README lists', () => {
    expect(run.value('exports')).toEqual([
      'ContentBuildError',
      'DEFAULT_CARDS_DIR',
      'DEFAULT_CONTENT_DIR',
      'withDawnpress',
    ])
  })
})
