import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type BuiltEntryRun,
  ENTRY_MODES,
  expectEntry,
  runBuiltEntry,
} from '../../../test/built-entry.ts'
import { type GeneratedFile, renderContentPackage } from '../src/index.ts'
import { extendedSchema, loadFixture } from './fixture.ts'

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url))
const FIXTURE = fileURLToPath(new URL('./fixtures/extended/', import.meta.url))

// The fixture publication with the schema of test/fixture.ts, built from the zod and core
// this package resolves, in the same format.
const CHECKS = {
  renderContentPackage: `
    const { z } = await load('zod')
    const core = await load('@dawnpress/core')
    const schema = core.articleSchema.extend({
      series: z.enum(['dawn', 'dusk']).optional().describe('The series the article belongs to.'),
      featured: z.boolean().default(false),
    })
    const collection = core.defineCollection({
      directory: args.fixture + 'articles',
      schema,
      drafts: true,
      gitDates: false,
    })
    const { articles } = await core.loadCollection(collection)
    const { site } = await core.loadSite(args.fixture + 'site.json')
    return pkg.renderContentPackage({ articles, site, schema })`,
}

describe.each(ENTRY_MODES)('@dawnpress/bundle, loaded with $title', (mode) => {
  let run: BuiltEntryRun
  beforeAll(async () => {
    run = await runBuiltEntry(PACKAGE_DIR, mode, CHECKS, { fixture: FIXTURE })
  })

  it('resolves to the built file of its format', () => {
    expectEntry(run, PACKAGE_DIR, mode)
  })

  it('renders the content package the sources render, types from the schema included', async () => {
    const files = run.value('renderContentPackage') as GeneratedFile[]
    expect(files).toEqual(
      renderContentPackage({ ...(await loadFixture()), schema: extendedSchema }),
    )
    const types = files.find((file) => file.path === 'dist/index.d.ts')?.contents
    expect(types).toContain("  series?: 'dawn' | 'dusk' | undefined")
  })
})
