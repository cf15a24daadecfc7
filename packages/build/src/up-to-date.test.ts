import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { article, createProject, type Project } from '../test/project.ts'
import type { ConfigOverrides } from './resolve-config.ts'
import type { BuildResult } from './run-build.ts'
import { findUpToDate } from './up-to-date.ts'

let project: Project

afterEach(() => {
  project?.dispose()
  delete process.env.SITE_URL
  delete process.env.SOURCE_DATE_EPOCH
})

const OVERRIDES: ConfigOverrides = { skip: ['cards'] }

/** A build as `dawnpress build` runs it: a new engine, as a new process would have. */
async function buildAgain(overrides: ConfigOverrides = OVERRIDES): Promise<BuildResult> {
  const build = await project.open({ overrides })
  try {
    return await build.build()
  } finally {
    await build.dispose()
  }
}

const ask = (overrides: ConfigOverrides = OVERRIDES) =>
  findUpToDate({ root: project.root, overrides })

function createBuiltProject(): Promise<BuildResult> {
  project = createProject({
    'first.md': article('First', '2025-03-01'),
    'second.md': article('Second', '2025-03-02', ['ai']),
  })
  return buildAgain()
}

describe('findUpToDate', () => {
  it('finds the last build current, as the engine does, with what it built', async () => {
    expect((await createBuiltProject()).status).toBe('built')
    const found = await ask()
    expect(found).toMatchObject({
      status: 'current',
      ok: true,
      problems: [],
      articles: 2,
      parsed: 0,
      outDir: join(project.root, 'dist'),
    })
    expect(found?.files.reused).toBeGreaterThan(10)
    expect(found?.timings.map((timing) => timing.label)).toEqual(['fingerprint'])
    expect((await buildAgain()).status).toBe('current')
  })

  // Each change must send the build to the engine, which then builds; after that build,
  // the answer is "current" again.
  const CHANGES: {
    what: string
    change: () => void
    overrides?: ConfigOverrides
  }[] = [
    {
      what: 'an article changed, its size and mtime kept',
      change: () => {
        const file = join(project.root, 'content/articles/first.md')
        const { atime, mtime } = statSync(file)
        writeFileSync(file, readFileSync(file, 'utf8').replace('A paragraph', 'A Paragraph'))
        utimesSync(file, atime, mtime)
      },
    },
    {
      what: 'an article was added',
      change: () => project.write('content/articles/third.md', article('Third', '2025-03-03')),
    },
    {
      what: 'an article was removed',
      change: () => project.remove('content/articles/second.md'),
    },
    {
      what: 'the site config changed',
      change: () => {
        const site = JSON.parse(project.read('content/site.json'))
        project.write('content/site.json', JSON.stringify({ ...site, title: 'Another' }))
      },
    },
    {
      what: 'the logo changed',
      change: () =>
        project.write(
          'content/logo.svg',
          project.read('content/logo.svg').replace('<svg', '<svg '),
        ),
    },
    {
      what: 'a public folder appeared beside the articles',
      change: () => project.write('content/public/robots.txt', 'User-agent: *\n'),
    },
    {
      what: 'a file of the output was edited',
      change: () => project.write('dist/rss.xml', 'edited by hand'),
    },
    {
      what: 'a file of the output was removed',
      change: () => project.remove('dist/feed.json'),
    },
    {
      what: 'the command asks for other outputs',
      change: () => {},
      overrides: { skip: ['cards', 'search'] },
    },
    {
      what: 'SITE_URL changed',
      change: () => {
        process.env.SITE_URL = 'https://elsewhere.example/'
      },
    },
    {
      what: 'a config file appeared',
      change: () =>
        project.write('dawnpress.config.mjs', 'export default { drafts: { dev: false } }\n'),
    },
  ]

  it.each(CHANGES)('leaves the answer to the engine when $what', async ({ change, overrides }) => {
    await createBuiltProject()
    // Every mtime below the hashing time, so that only what changes differs.
    await new Promise((resolve) => setTimeout(resolve, 20))
    change()
    expect(await ask(overrides)).toBeUndefined()
    expect((await buildAgain(overrides)).status).toBe('built')
    expect((await ask(overrides))?.status).toBe('current')
  })

  it('leaves a build with SOURCE_DATE_EPOCH to the engine, which decides what it publishes', async () => {
    await createBuiltProject()
    process.env.SOURCE_DATE_EPOCH = String(Math.floor(Date.now() / 1000))
    expect(await ask()).toBeUndefined()
  })

  it('gives the warnings of the last build again, as the engine does', async () => {
    project = createProject({
      'first.md': article('First', '2025-03-01', ['ai']),
      'second.md': article('Second', '2025-03-02', ['ai']),
      'third.md': article('Third', '2025-03-03', ['AI']),
    })
    const built = await buildAgain()
    expect(built.problems.map((problem) => problem.code)).toEqual(['TAG_VARIANT'])
    expect((await ask())?.problems).toEqual(built.problems)
    const current = await buildAgain()
    expect(current.status).toBe('current')
    expect(current.problems).toEqual(built.problems)
  })

  it('finds nothing current once a scheduled article has come due', async () => {
    const due = new Date(Date.now() + 1500).toISOString()
    project = createProject({
      'first.md': article('First', '2025-03-01'),
      'later.md': article('Later', due),
    })
    const built = await buildAgain()
    expect(built.articles).toBe(1)
    expect((await ask())?.status).toBe('current')
    await new Promise((resolve) => setTimeout(resolve, Date.parse(due) - Date.now() + 50))
    expect(await ask()).toBeUndefined()
    expect((await buildAgain()).articles).toBe(2)
  })

  it('answers for no build made from a config given as an object', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    const build = await project.open({ config: {}, overrides: OVERRIDES })
    expect((await build.build()).status).toBe('built')
    await build.dispose()
    expect(await ask()).toBeUndefined()
  })
})

describe('findUpToDate, with a config file', () => {
  // TypeScript, which jiti compiles into Node's module cache and runs afresh each time (a
  // native ES module would run once per process).
  /** A project whose config file imports its feed limit from a local module. */
  async function createConfiguredProject(): Promise<BuildResult> {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    project.write('settings.ts', 'export const limit: number = 5\n')
    project.write(
      'dawnpress.config.ts',
      "import { limit } from './settings.ts'\nexport default { outputs: { cards: false, feeds: { limit: Number(process.env.DAWNPRESS_TEST_LIMIT ?? limit) } } }\n",
    )
    return buildAgain({})
  }

  afterEach(() => {
    delete process.env.DAWNPRESS_TEST_LIMIT
  })

  it('finds the last build current, having run the config file as the engine does', async () => {
    expect((await createConfiguredProject()).status).toBe('built')
    expect((await ask({}))?.status).toBe('current')
    expect((await buildAgain({})).status).toBe('current')
  })

  const CHANGES: { what: string; change: () => void }[] = [
    {
      what: 'a module the config imports changed',
      change: () => project.write('settings.ts', 'export const limit: number = 6\n'),
    },
    {
      what: 'the config file changed',
      change: () => {
        const file = join(project.root, 'dawnpress.config.ts')
        writeFileSync(file, `${readFileSync(file, 'utf8')}// a comment\n`)
      },
    },
    {
      what: 'what the config reads from the environment changed',
      change: () => {
        process.env.DAWNPRESS_TEST_LIMIT = '7'
      },
    },
  ]

  it.each(CHANGES)('leaves the answer to the engine when $what', async ({ change }) => {
    await createConfiguredProject()
    await new Promise((resolve) => setTimeout(resolve, 20))
    change()
    expect(await ask({})).toBeUndefined()
    expect((await buildAgain({})).status).toBe('built')
    expect((await ask({}))?.status).toBe('current')
  })

  it('answers for the config file the request names, and no other', async () => {
    await createConfiguredProject()
    project.write(
      'other.config.mjs',
      'export default { outputs: { cards: false, feeds: false } }\n',
    )
    const build = await project.open({ config: 'other.config.mjs', overrides: {} })
    expect((await build.build()).status).toBe('built')
    await build.dispose()
    const other = await findUpToDate({
      root: project.root,
      config: 'other.config.mjs',
      overrides: {},
    })
    expect(other?.status).toBe('current')
    // The two builds write the same folder: the last one's state is the only one current.
    expect(await ask({})).toBeUndefined()
  })

  it('leaves a config file that fails to run to the engine, which reports it', async () => {
    await createConfiguredProject()
    project.write('settings.ts', 'throw new Error("broken settings")\n')
    expect(await ask({})).toBeUndefined()
    await expect(project.open({ overrides: {} })).rejects.toThrow(/broken settings/)
  })
})

describe('the built @dawnpress/build/up-to-date', () => {
  const dist = fileURLToPath(new URL('../dist/', import.meta.url))

  /** Every module a built file imports, statically or not, followed through relative ones. */
  function importsOf(file: string, seen = new Set<string>()): Set<string> {
    const found = new Set<string>()
    if (seen.has(file)) return found
    seen.add(file)
    const code = readFileSync(file, 'utf8')
    for (const match of code.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)) {
      const name = match[1] as string
      if (name.startsWith('.')) {
        for (const inner of importsOf(join(dirname(file), name), seen)) found.add(inner)
      } else {
        found.add(name)
      }
    }
    return found
  }

  it('loads nothing but Node and jiti (regression: a current build spent 0.3 s loading zod and markdown-it)', () => {
    const external = [...importsOf(join(dist, 'up-to-date.js'))]
    expect(external).toContain('jiti')
    const allowed = new Set([
      'child_process',
      'crypto',
      'fs',
      'module',
      'path',
      'url',
      'util',
      'jiti',
    ])
    expect(external.filter((name) => !allowed.has(name.replace(/^node:/, '')))).toEqual([])
    // The test can fail: the engine's entry does load them.
    expect([...importsOf(join(dist, 'index.js'))]).toEqual(expect.arrayContaining(['zod']))
  })
})
