import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extendedSchema, loadFixture } from '../test/fixture.ts'
import { typeCheck } from '../test/type-check.ts'
import { writeContentPackage } from './write-content-package.ts'

let temp: string
let fixture: Awaited<ReturnType<typeof loadFixture>>

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'dawnpress-bundle-'))
  fixture = await loadFixture()
})

afterAll(async () => {
  await rm(temp, { recursive: true, force: true })
})

async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort()
  return new Map(
    await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file))] as const)),
  )
}

describe('writeContentPackage', () => {
  it('writes byte-identical files when run twice', async () => {
    const outDir = join(temp, 'twice')
    const first = await writeContentPackage({ ...fixture, outDir, schema: extendedSchema })
    const before = await readTree(outDir)
    await writeContentPackage({ ...fixture, outDir, schema: extendedSchema })
    expect(await readTree(outDir)).toEqual(before)
    expect([...before.keys()]).toEqual(first.files)
    expect(first.articles).toBe(3)
    expect(first.entry).toBe(join(outDir, 'index.ts'))
  })

  it('removes the body of an article that is gone on the next write', async () => {
    const outDir = join(temp, 'shrink')
    await writeContentPackage({ ...fixture, outDir, schema: extendedSchema })
    const fewer = fixture.articles.filter((article) => article.slug !== 'undated')
    const result = await writeContentPackage({
      ...fixture,
      articles: fewer,
      outDir,
      schema: extendedSchema,
    })
    expect(result.files).not.toContain('bodies/undated.js')
    expect(await readdir(join(outDir, 'bodies'))).toEqual(['first-light.js', 'second-wind.js'])
  })

  it('refuses to replace a folder it did not write', async () => {
    const outDir = join(temp, 'foreign')
    await mkdir(outDir)
    await writeFile(join(outDir, 'notes.txt'), 'keep me')
    await expect(writeContentPackage({ ...fixture, outDir })).rejects.toThrow(
      /holds files that writeContentPackage did not write/,
    )
    expect(await readFile(join(outDir, 'notes.txt'), 'utf8')).toBe('keep me')
  })

  describe('the generated types, checked by the TypeScript compiler', () => {
    let dir: string

    beforeAll(async () => {
      dir = join(temp, 'types')
      await writeContentPackage({
        ...fixture,
        outDir: join(dir, 'generated'),
        schema: extendedSchema,
      })
      await writeFile(join(dir, 'package.json'), '{ "type": "module" }')
    })

    it('accept real slugs and expose the extended schema fields', async () => {
      await writeFile(
        join(dir, 'good.ts'),
        [
          "import { type Article, type ArticleMeta, articles, getArticle, hasArticle, loadArticle, site, type Slug } from './generated/index.js'",
          "const meta: ArticleMeta = getArticle('first-light')",
          "const series: 'dawn' | 'dusk' | undefined = meta.series",
          'const featured: boolean = meta.featured',
          'const date: string | undefined = meta.date',
          'const slug: Slug = articles[0]!.slug',
          "const article: Promise<Article> = loadArticle('second-wind')",
          'const title: string = site.title',
          "const input: string = 'undated'",
          'if (hasArticle(input)) getArticle(input)',
          '// @ts-expect-error metadata has no body',
          'meta.html',
          'export { article, date, featured, series, slug, title }',
        ].join('\n'),
      )
      expect(typeCheck(dir, ['good.ts'])).toEqual([])
    }, 60_000)

    it('reject a slug that does not exist and the slug of a draft', async () => {
      await writeFile(
        join(dir, 'bad.ts'),
        [
          "import { getArticle, loadArticle } from './generated/index.js'",
          "getArticle('nope')",
          "loadArticle('unfinished')",
        ].join('\n'),
      )
      const errors = typeCheck(dir, ['bad.ts'])
      expect(errors.map(({ file, line, code }) => ({ file, line, code }))).toEqual([
        { file: 'bad.ts', line: 2, code: 2345 },
        { file: 'bad.ts', line: 3, code: 2345 },
      ])
    }, 60_000)
  })
})
