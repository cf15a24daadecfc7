import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type BuiltEntryRun,
  ENTRY_MODES,
  expectEntry,
  runBuiltEntry,
  WITH_V8_FLAGS,
} from '../../../test/built-entry.ts'
import { readPngHeader } from './png.ts'

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url))

const ARTICLE = {
  slug: 'first-light',
  title: 'First light, with 日本語',
  description: 'A card drawn by the built package.',
  date: '2026-03-02T00:00:00.000Z',
  readingTime: { minutes: 3 },
  tags: ['essays'],
}
const SITE = { title: 'Dawn', url: 'https://dawnpress.example/', language: 'en' }
const ARABIC = { ...ARTICLE, slug: 'fajr', title: 'فجر نماذج اللغة الكبيرة', lang: 'ar' }

// renderCard draws in this thread; writeCards with `workers: 1` starts dist/worker.js, which
// both formats use.
const CHECKS = {
  renderCard: `
    const png = await pkg.renderCard(args.article, { site: args.site })
    return Buffer.from(png).toString('base64')`,
  // Arabic is shaped with HarfBuzz, an ES module with a top-level await loaded by import(),
  // which both formats can do on every Node version.
  renderArabic: `
    const { png, warnings } = await pkg.createCardRenderer({ site: args.site }).renderWithWarnings(args.arabic)
    return { size: png.byteLength, warnings }`,
  writeCards: `
    return pkg.writeCards({
      articles: [args.article],
      site: args.site,
      outDir: args.dir + '/dist',
      cacheDir: args.dir + '/cache',
      workers: 1,
    })`,
}

describe.each(ENTRY_MODES)('@dawnpress/og, loaded with $title', (mode) => {
  let run: BuiltEntryRun
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dawnpress-og-entry-'))
    run = await runBuiltEntry(PACKAGE_DIR, mode, CHECKS, {
      article: ARTICLE,
      arabic: ARABIC,
      site: SITE,
      dir,
    })
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('resolves to the built file of its format', () => {
    expectEntry(run, PACKAGE_DIR, mode)
  })

  it('renders a card as a 1200×630 PNG', () => {
    const png = Buffer.from(run.value('renderCard') as string, 'base64')
    expect(readPngHeader(png)).toMatchObject({ width: 1200, height: 630 })
  })

  it('shapes an Arabic title with HarfBuzz', () => {
    expect(run.value('renderArabic')).toEqual({ size: expect.any(Number), warnings: [] })
  })

  it('writes cards on a worker thread', async () => {
    expect(run.value('writeCards')).toEqual({ rendered: 1, reused: 0, removed: 0, warnings: [] })
    const png = await readFile(join(dir, 'dist/og/first-light.png'))
    expect(readPngHeader(png)).toMatchObject({ width: 1200, height: 630 })
  })
})

describe(`@dawnpress/og, loaded with ${WITH_V8_FLAGS.title}`, () => {
  it('writes cards on a worker thread (regression: ERR_WORKER_INVALID_EXEC_ARGV)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dawnpress-og-entry-'))
    try {
      const { writeCards } = CHECKS
      const run = await runBuiltEntry(
        PACKAGE_DIR,
        WITH_V8_FLAGS,
        { writeCards },
        {
          article: ARTICLE,
          site: SITE,
          dir,
        },
      )
      expect(run.value('writeCards')).toEqual({ rendered: 1, reused: 0, removed: 0, warnings: [] })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
