import { articleSchema } from '@dawnpress/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { extendedSchema, loadFixture } from '../test/fixture.ts'
import { type GeneratedFile, renderContentSources } from './render-content-sources.ts'

let fixture: Awaited<ReturnType<typeof loadFixture>>
let files: GeneratedFile[]

beforeAll(async () => {
  fixture = await loadFixture()
  files = renderContentSources({ ...fixture, schema: extendedSchema })
})

function file(path: string): string {
  const found = files.find((candidate) => candidate.path === path)
  if (!found) throw new Error(`No generated file ${path}`)
  return found.contents
}

/** Evaluates data.js's `articles` the way the bundle does at run time. */
function metadata(): Record<string, unknown>[] {
  const literal = /^export const articles = JSON\.parse\((.*)\)$/m.exec(file('data.js'))?.[1]
  return JSON.parse(JSON.parse(literal ?? 'null'))
}

describe('renderContentSources', () => {
  it('writes the entry, the types, the data and one body module per published article', () => {
    expect(files.map((generated) => generated.path)).toEqual([
      'bodies/first-light.js',
      'bodies/second-wind.js',
      'bodies/undated.js',
      'data.d.ts',
      'data.js',
      'index.ts',
      'types.ts',
    ])
  })

  it('lists metadata newest first, undated last, with drafts left out', () => {
    expect(metadata().map((article) => article.slug)).toEqual([
      'second-wind',
      'first-light',
      'undated',
    ])
  })

  it('keeps bodies out of the metadata and puts each body in its own module', () => {
    const data = file('data.js')
    expect(data).not.toContain('BODY-MARKER')
    expect(metadata().every((article) => !('html' in article))).toBe(true)
    expect(file('bodies/first-light.js')).toContain('FIRST-LIGHT-BODY-MARKER')
    expect(file('bodies/first-light.js')).not.toContain('SECOND-WIND-BODY-MARKER')
    expect(files.some((generated) => generated.contents.includes('DRAFT-BODY-MARKER'))).toBe(false)
  })

  it('reaches every body through a dynamic import only', () => {
    const data = file('data.js')
    expect(data).not.toMatch(/^import /m)
    expect(data).toContain(`case 'first-light':\n      return import('./bodies/first-light.js')`)
  })

  it('stores dates as ISO 8601 UTC strings and keeps the extended fields', () => {
    const [second, first] = metadata()
    expect(second).toMatchObject({
      date: '2025-03-01T07:30:00.000Z',
      updated: '2025-04-02T00:00:00.000Z',
      featured: true,
      authors: [{ name: 'Ada' }, { name: 'Grace', url: 'https://grace.example/' }],
    })
    expect(first).toMatchObject({ date: '2025-01-10T00:00:00.000Z', series: 'dawn' })
    expect(first?.readingTime).toEqual({ minutes: 1, words: expect.any(Number) })
  })

  it('gives the same files for the same articles in any order', () => {
    const reversed = renderContentSources({
      ...fixture,
      articles: [...fixture.articles].reverse(),
      schema: extendedSchema,
    })
    expect(reversed).toEqual(files)
  })

  it('prints the frontmatter type from the schema, so extended fields appear', () => {
    const types = file('types.ts')
    expect(types).toContain("  series?: 'dawn' | 'dusk' | undefined")
    expect(types).toContain('  featured: boolean')
    const plain = renderContentSources({ ...fixture, schema: articleSchema })
    expect(plain.find((generated) => generated.path === 'types.ts')?.contents).not.toContain(
      'featured',
    )
  })

  it('rejects two articles with one slug, and a slug that is not a safe file name', () => {
    const article = fixture.articles.find((candidate) => !candidate.draft)
    if (!article) throw new Error('fixture has no published article')
    expect(() => renderContentSources({ ...fixture, articles: [article, { ...article }] })).toThrow(
      /Two articles have the slug "/,
    )
    expect(() =>
      renderContentSources({ ...fixture, articles: [{ ...article, slug: '../escape' }] }),
    ).toThrow(TypeError)
  })
})
