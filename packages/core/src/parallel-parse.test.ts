import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { workerHeapMb } from './parallel-parse.ts'
import { DEFAULT_MAX_FILE_SIZE } from './parse-files.ts'

// The worker thread exists only in the build, so this test runs the built package.
const built = (await import(
  new URL('../dist/index.js', import.meta.url).href
)) as typeof import('./index.ts')

function corpus(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'dawnpress-threads-'))
  for (let index = 0; index < count; index++) {
    const day = String((index % 28) + 1).padStart(2, '0')
    const body = index === 3 ? '' : `## Part ${index}\n\nWords ${'and more '.repeat(index)}.\n`
    writeFileSync(
      join(dir, `article-${index}.md`),
      `---\ntitle: Article ${index}\ndescription: Number ${index}.\ndate: 2025-01-${day}\n---\n\n${body}`,
    )
  }
  return dir
}

describe('isArticleSchema', () => {
  it('knows the default schema from every bundle of the package, and no extension of it (regression: the default schema from another bundle parsed on one thread)', async () => {
    const esm = (await import(new URL('../dist/internal.js', import.meta.url).href)) as {
      isArticleSchema(schema: unknown): boolean
    }
    const { createRequire } = await import('node:module')
    const cjs = createRequire(import.meta.url)('../dist/index.cjs') as typeof built
    expect(cjs.articleSchema).not.toBe(built.articleSchema)
    expect(esm.isArticleSchema(built.articleSchema)).toBe(true)
    expect(esm.isArticleSchema(cjs.articleSchema)).toBe(true)
    expect(esm.isArticleSchema(built.articleSchema.extend({}))).toBe(false)
    expect(esm.isArticleSchema({})).toBe(false)
  })
})

describe('workerHeapMb', () => {
  it('bounds a parse worker at 128 times the largest file, and never below 512 MiB', () => {
    expect(workerHeapMb(DEFAULT_MAX_FILE_SIZE)).toBe(512)
    expect(workerHeapMb(1024)).toBe(512)
    expect(workerHeapMb(16 * 2 ** 20)).toBe(2048)
    expect(workerHeapMb(16 * 2 ** 20 + 1)).toBe(2049)
  })
})

// Starting worker threads takes seconds on a loaded machine.
describe('loadCollection on several threads', { timeout: 60_000 }, () => {
  it('gives exactly what one thread gives, problems included', async () => {
    const directory = corpus(40)
    const collection = built.defineCollection({ directory, gitDates: false })
    const one = await built.loadCollection(collection, { threads: 1 })
    const two = await built.loadCollection(collection, { threads: 2 })
    expect(one.articles).toHaveLength(39)
    expect(one.problems.map((problem) => problem.code)).toEqual(['BODY_EMPTY'])
    expect(JSON.stringify(two)).toBe(JSON.stringify(one))
  })

  it('reads ---JSON and ---YAML files on worker threads as on one (regression: a "---JSON" file crashed the whole run)', async () => {
    const directory = corpus(40)
    writeFileSync(
      join(directory, 'article-1.md'),
      '---JSON\n{"title": "One", "description": "In JSON.", "date": "2025-01-02", "tags": ["ai"]}\n---\n\nText.\n',
    )
    for (const name of ['article-5.md', 'article-6.md']) {
      writeFileSync(
        join(directory, name),
        '---\ntitle: T\ndescription: D.\ntags: [AI]\n---\n\nText.\n',
      )
    }
    writeFileSync(
      join(directory, 'article-2.md'),
      '---YAML\ntitle: Two\ndescription: 3\n---\n\nText.\n',
    )
    const collection = built.defineCollection({ directory, gitDates: false })
    const one = await built.loadCollection(collection, { threads: 1 })
    const two = await built.loadCollection(collection, { threads: 2 })
    expect(one.articles.map((article) => article.title)).toContain('One')
    const located = one.problems.map((problem) => [
      problem.file.split('/').at(-1),
      problem.code,
      problem.line,
      problem.column,
    ])
    expect(located).toEqual([
      ['article-1.md', 'TAG_VARIANT', 2, 76],
      ['article-2.md', 'FIELD_INVALID', 3, 14],
      ['article-3.md', 'BODY_EMPTY', 5, 1],
      ['article-5.md', 'DATE_MISSING', 1, 1],
      ['article-6.md', 'DATE_MISSING', 1, 1],
    ])
    expect(JSON.stringify(two)).toBe(JSON.stringify(one))
  })
})

describe('Markdown plugins on several threads', () => {
  // A plugin as a config file would define it: it marks every rule it renders.
  const pluginSource = `export function marked(md, label) {
  md.renderer.rules.hr = () => '<hr class="' + label + '">\\n'
}`

  function setupModule(dir: string): string {
    writeFileSync(join(dir, 'plugin.mjs'), pluginSource)
    const file = join(dir, 'setup.mjs')
    writeFileSync(
      file,
      `import { articleSchema } from ${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)}
import { marked } from './plugin.mjs'
export default () => ({ schema: articleSchema, markdown: { plugins: [[marked, 'from-setup']] } })`,
    )
    return file
  }

  it('runs plugins on worker threads that the setup module makes, as on one thread', async () => {
    const directory = corpus(40)
    writeFileSync(
      join(directory, 'article-5.md'),
      '---\ntitle: Five\ndescription: Five.\n---\n\nA\n\n---\n\nB\n',
    )
    const { marked } = (await import(
      `data:text/javascript,${encodeURIComponent(pluginSource)}`
    )) as { marked: (md: never, label: never) => void }
    const collection = built.defineCollection({
      directory,
      gitDates: false,
      markdown: { plugins: [[marked, 'from-setup']] },
    })
    const one = await built.loadCollection(collection, { threads: 1 })
    const workerSetup = { module: setupModule(directory) }
    const two = await built.loadCollection(collection, { threads: 2, workerSetup })
    const five = two.articles.find((article) => article.slug === 'article-5')
    expect(five?.html).toContain('<hr class="from-setup">')
    expect(JSON.stringify(two)).toBe(JSON.stringify(one))
  })

  it('parses a collection with plugins on this thread when no setup says how workers make them', async () => {
    const directory = corpus(40)
    writeFileSync(
      join(directory, 'article-5.md'),
      '---\ntitle: Five\ndescription: Five.\n---\n\nA\n\n---\n\nB\n',
    )
    const plugin = (md: { renderer: { rules: Record<string, () => string> } }) => {
      md.renderer.rules.hr = () => '<hr class="here">\n'
    }
    const collection = built.defineCollection({
      directory,
      gitDates: false,
      markdown: { plugins: [plugin] },
    })
    const { articles } = await built.loadCollection(collection, { threads: 2 })
    expect(articles.find((article) => article.slug === 'article-5')?.html).toContain(
      '<hr class="here">',
    )
  })
})
