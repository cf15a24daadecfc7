import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { article, createProject, type Project } from '../test/project.ts'

const require = createRequire(import.meta.url)
// The built engine, as a user runs it: parse workers load the config from dist/worker-setup.js
// (the sources, under vitest, have no built module beside them). Its types are the sources'.
const { createBuild } = (await import(
  new URL('../dist/index.js', import.meta.url).href
)) as typeof import('./index.ts')
let project: Project

afterEach(() => project?.dispose())

/** Enough articles for two parse workers (one per 400 files). */
const COUNT = 820

const CONFIG = `import { articleSchema } from '@dawnpress/core'
import { threadId } from 'node:worker_threads'
import { z } from 'zod'

export default {
  schema: articleSchema.extend({
    series: z.enum(['dawn', 'dusk']).describe('The series the article belongs to.'),
    // Which thread parsed the article: 0 is the main thread.
    parsedOn: z.unknown().default(null).transform(() => threadId),
  }),
  outputs: { cards: false, package: { dir: 'pkg', name: 'blog-content' } },
}
`

function seriesArticle(index: number, series = 'dawn'): string {
  return article(`Article ${index}`, '2025-03-01').replace('---\n\n', `series: ${series}\n---\n\n`)
}

function writeProject(): Project {
  const articles: Record<string, string> = {}
  for (let index = 0; index < COUNT; index++) {
    articles[`a${String(index).padStart(4, '0')}.md`] = seriesArticle(index)
  }
  const created = createProject(articles)
  created.write('dawnpress.config.ts', CONFIG)
  // The config imports zod and core as a user's would: from the project's own node_modules.
  for (const name of ['zod', '@dawnpress/core']) {
    const target = join(created.root, 'node_modules', name)
    mkdirSync(dirname(target), { recursive: true })
    symlinkSync(dirname(require.resolve(`${name}/package.json`)), target)
  }
  return created
}

describe('a config with an extended schema', () => {
  it('is known to check: a wrong value is an error at its line and column, never an unknown field', async () => {
    project = writeProject()
    project.write('content/articles/a0100.md', seriesArticle(100, 'noon'))
    const build = await createBuild({ root: project.root })
    const result = await build.check()
    await build.dispose()
    expect(
      result.problems.map(({ code, line, column, path }) => ({ code, line, column, path })),
    ).toEqual([{ code: 'FIELD_INVALID', line: 6, column: 9, path: ['series'] }])
    expect(result.problems[0]?.file).toMatch(/a0100\.md$/)
    expect(result.problems[0]?.message).toContain('"dawn", "dusk"')
  })

  it('parses on worker threads, each loading the config, and builds with the new field', async () => {
    project = writeProject()
    const build = await createBuild({ root: project.root })
    const result = await build.build()
    await build.dispose()
    expect(result.problems).toEqual([])
    const json = JSON.parse(project.read('dist/articles.json')) as {
      series: string
      parsedOn: number
    }[]
    expect(json).toHaveLength(COUNT)
    expect(new Set(json.map((entry) => entry.series))).toEqual(new Set(['dawn']))
    const threads = new Set(json.map((entry) => entry.parsedOn))
    expect(threads.has(0)).toBe(false)
    expect(threads.size).toBeGreaterThanOrEqual(2)
  })

  it('gives the content package the field in its types', async () => {
    project = writeProject()
    const build = await createBuild({ root: project.root })
    await build.build()
    await build.dispose()
    const types = readFileSync(join(project.root, 'pkg/dist/index.d.ts'), 'utf8')
    expect(types).toContain("  series: 'dawn' | 'dusk'")
    expect(types).toContain('The series the article belongs to.')
  })

  it('is known to dev as well, which shows the same error', async () => {
    project = writeProject()
    project.write('content/articles/a0007.md', seriesArticle(7, 'noon'))
    const build = await createBuild({ root: project.root, mode: 'dev' })
    const result = await build.build()
    await build.dispose()
    expect(result.problems.map((problem) => [problem.code, problem.line, problem.path])).toEqual([
      ['FIELD_INVALID', 6, ['series']],
    ])
  })
})

describe('the config file', () => {
  const draft = article('Unfinished', '2025-03-01').replace('---\n\n', 'draft: true\n---\n\n')

  it.each(['dawnpress.config.js', 'dawnpress.config.mjs'])(
    'is found at the project root as %s',
    async (name) => {
      project = createProject({ 'a.md': article('First', '2025-03-01') })
      project.write(name, 'export default { outputs: { cards: false, feeds: false } }\n')
      const build = await createBuild({ root: project.root })
      await build.build()
      await build.dispose()
      expect(build.config.configFile).toBe(join(project.root, name))
      expect(existsSync(join(project.root, 'dist/rss.xml'))).toBe(false)
      expect(existsSync(join(project.root, 'dist/index.html'))).toBe(true)
    },
  )

  it('is taken from a path given instead, as --config gives it', async () => {
    project = createProject({ 'a.md': article('First', '2025-03-01') })
    project.write(
      'site.config.mjs',
      "export default { outDir: 'public-site', outputs: { cards: false } }\n",
    )
    const build = await createBuild({ root: project.root, config: 'site.config.mjs' })
    await build.build()
    await build.dispose()
    expect(existsSync(join(project.root, 'public-site/index.html'))).toBe(true)
  })

  it('keeps drafts out of dev with drafts: { dev: false }', async () => {
    project = createProject({ 'a.md': article('First', '2025-03-01'), 'draft.md': draft })
    project.write(
      'dawnpress.config.mjs',
      'export default { drafts: { dev: false }, outputs: { cards: false } }\n',
    )
    const dev = await createBuild({ root: project.root, mode: 'dev' })
    await dev.build()
    expect(await dev.read('/articles/draft/index.html')).toBeUndefined()
    expect(await dev.read('/articles/a/index.html')).toBeDefined()
    await dev.dispose()
  })
})
