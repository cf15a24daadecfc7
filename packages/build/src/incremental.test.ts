import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { article, createProject, diffTrees, type Project, readTree } from '../test/project.ts'
import { cacheLayout } from './build-state.ts'
import { hashEngine } from './dependency-digest.ts'

let project: Project
let cold = 0

afterEach(() => project?.dispose())

/** Builds the project from nothing into a folder of its own, and reads what it wrote. */
async function coldBuild(skip: ('cards' | 'pages')[] = ['cards']): Promise<Map<string, Buffer>> {
  cold++
  const build = await project.open({
    overrides: { outDir: `cold-${cold}`, cacheDir: `cold-cache-${cold}`, skip },
  })
  const result = await build.build()
  expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([])
  return readTree(join(project.root, `cold-${cold}`))
}

/** Asserts that the project's dist/ is byte for byte what a cold build writes. */
async function expectSameAsCold(skip: ('cards' | 'pages')[] = ['cards']): Promise<void> {
  expect(diffTrees(readTree(join(project.root, 'dist')), await coldBuild(skip))).toEqual([])
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_DATE: '2024-05-06T07:08:09Z',
      GIT_COMMITTER_DATE: '2024-05-06T07:08:09Z',
    },
    encoding: 'utf8',
  })

describe('incremental builds', () => {
  it('match a cold build after each kind of change, parsing only what changed', async () => {
    project = createProject({
      'first.md': article('First', '2025-03-01', ['notes']),
      'second.md': article('Second', '2025-03-02', ['ai']),
      'third.md': article('Third', '2025-03-03', ['notes']),
    })
    const build = await project.open({ overrides: { skip: ['cards'] } })
    expect((await build.build()).parsed).toBe(3)
    const draft = (text: string) => text.replace('---\n\n', 'draft: true\n---\n\n')
    const slug = (text: string, value: string) => text.replace('---\n\n', `slug: ${value}\n---\n\n`)
    const steps: { change: string; apply: () => void; parsed?: number; fails?: boolean }[] = [
      {
        change: 'an article is edited',
        apply: () =>
          project.write(
            'content/articles/second.md',
            article('Second, revised', '2025-03-02', ['ai']),
          ),
        parsed: 1,
      },
      {
        change: 'an article is added',
        apply: () =>
          project.write('content/articles/fourth.md', article('Fourth', '2025-03-04', ['ai'])),
        parsed: 1,
      },
      {
        change: 'an article is deleted',
        apply: () => project.remove('content/articles/first.md'),
        parsed: 0,
      },
      {
        change: 'an article becomes a draft',
        apply: () =>
          project.write(
            'content/articles/third.md',
            draft(article('Third', '2025-03-03', ['notes'])),
          ),
        parsed: 1,
      },
      {
        change: 'a new file takes the slug of another',
        apply: () =>
          project.write(
            'content/articles/clash.md',
            slug(article('Clash', '2025-03-05', ['ai']), 'fourth'),
          ),
        fails: true,
      },
      {
        change: 'the clash is resolved with a slug of its own',
        apply: () =>
          project.write(
            'content/articles/clash.md',
            slug(article('Clash', '2025-03-05', ['ai']), 'fifth'),
          ),
        parsed: 1,
      },
      {
        // Regression: feeds reused by a key that ignored slugs linked the old URL (a 404).
        change: 'an article file is renamed, which changes its slug and URL',
        apply: () =>
          renameSync(
            join(project.root, 'content/articles/second.md'),
            join(project.root, 'content/articles/second-renamed.md'),
          ),
      },
      {
        change: 'the site config changes',
        apply: () => {
          const config = JSON.parse(project.read('content/site.json')) as { title: string }
          project.write('content/site.json', JSON.stringify({ ...config, title: 'Renamed' }))
        },
      },
    ]
    for (const step of steps) {
      const before = readTree(join(project.root, 'dist'))
      step.apply()
      const result = await build.build()
      if (step.fails) {
        expect(result.status, step.change).toBe('failed')
        expect(readTree(join(project.root, 'dist')), step.change).toEqual(before)
        continue
      }
      expect(result.status, step.change).toBe('built')
      if (step.parsed !== undefined) expect(result.parsed, step.change).toBe(step.parsed)
      expect(
        diffTrees(readTree(join(project.root, 'dist')), await coldBuild()),
        step.change,
      ).toEqual([])
    }
    expect(project.read('dist/rss.xml')).toContain('/articles/second-renamed/')
    expect(project.read('dist/rss.xml')).not.toContain('/articles/second/')
  })

  it('give the same results across processes (a new engine reads the cache from disk)', async () => {
    project = createProject({
      'first.md': article('First', '2025-03-01'),
      'second.md': article('Second', '2025-03-02'),
    })
    await (await project.open({ overrides: { skip: ['cards'] } })).build()
    project.write('content/articles/second.md', article('Second, revised', '2025-03-02'))
    const result = await (await project.open({ overrides: { skip: ['cards'] } })).build()
    expect(result).toMatchObject({ status: 'built', parsed: 1, reused: 1 })
    await expectSameAsCold()
  })

  it('keep the files of a feed whose items did not change, and render one whose did', async () => {
    project = createProject({
      'first.md': article('First', '2025-03-01', ['notes']),
      'second.md': article('Second', '2025-03-02', ['ai']),
    })
    const build = await project.open({ overrides: { skip: ['cards'] } })
    await build.build()
    const inode = (path: string) => statSync(join(project.root, 'dist', path)).ino
    const notes = inode('tags/notes/rss.xml')
    const ai = inode('tags/ai/atom.xml')
    project.write('content/articles/second.md', article('Second, revised', '2025-03-02', ['ai']))
    const result = await build.build()
    expect(result.files.reused).toBe(3)
    expect(inode('tags/notes/rss.xml')).toBe(notes)
    expect(inode('tags/ai/atom.xml')).not.toBe(ai)
    expect(project.read('dist/tags/ai/atom.xml')).toContain('Second, revised')
  })

  it('rebuild when an output file was changed by hand, whatever its size and mtime', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    const build = await project.open({ overrides: { skip: ['cards'] } })
    await build.build()
    const file = join(project.root, 'dist/rss.xml')
    const { mtime } = statSync(file)
    const text = readFileSync(file, 'utf8')
    writeFileSync(file, text.replace('<title>', '<titel>'))
    utimesSync(file, mtime, mtime)
    expect((await build.build()).status).toBe('built')
    expect(readFileSync(file, 'utf8')).toBe(text)
  })

  it('revive articles from the store after the output folder was removed', async () => {
    // The store is linked into the output: removing the output changes the store's ctime.
    project = createProject({
      'first.md': article('First', '2025-03-01'),
      'second.md': article('Second', '2025-03-02'),
    })
    await (await project.open({ overrides: { skip: ['cards'] } })).build()
    rmSync(join(project.root, 'dist'), { recursive: true })
    project.write('content/articles/second.md', article('Second, revised', '2025-03-02'))
    const result = await (await project.open({ overrides: { skip: ['cards'] } })).build()
    expect(result.parsed).toBe(1)
    await expectSameAsCold()
  })

  it('never revive a tampered articles.json, even with its size and mtime put back', async () => {
    project = createProject({
      'first.md': article('First', '2025-03-01'),
      'second.md': article('Second', '2025-03-02'),
    })
    const build = await project.open({ overrides: { skip: ['cards'] } })
    await build.build()
    // The output's articles.json and the cache's store of articles are one file on disk.
    const store = cacheLayout(join(project.root, 'node_modules/.cache/dawnpress'), {
      outDir: join(project.root, 'dist'),
      mode: 'build',
    }).articlesJson
    const { mtime } = statSync(store)
    const text = readFileSync(store, 'utf8')
    const tampered = text.replace('<p>A paragraph about First', '<p><script>x()</script>Fir')
    expect(tampered.length).toBe(text.length)
    writeFileSync(store, tampered)
    utimesSync(store, mtime, mtime)
    project.write('content/articles/second.md', article('Second, revised', '2025-03-02'))
    const fresh = await project.open({ overrides: { skip: ['cards'] } })
    const result = await fresh.build()
    expect(result.parsed).toBe(2)
    expect(project.read('dist/articles/first/index.html')).not.toContain('<script>x()')
    await expectSameAsCold()
  })

  it('notice a same-size edit whose mtime was put back, and two same-size files swapped', async () => {
    project = createProject({
      'aaa.md': article('Alpha', '2025-03-01'),
      'bbb.md': article('Bravo', '2025-03-02'),
    })
    const build = await project.open({ overrides: { skip: ['cards'] } })
    await build.build()
    const file = join(project.root, 'content/articles/aaa.md')
    const { mtime } = statSync(file)
    writeFileSync(file, article('Alpho', '2025-03-01'))
    utimesSync(file, mtime, mtime)
    expect((await build.build()).parsed).toBe(1)
    expect(project.read('dist/articles/aaa/index.html')).toContain('Alpho')

    // Swapped by renames: sizes and mtimes are the same, the inodes are not.
    const other = join(project.root, 'content/articles/bbb.md')
    const swap = join(project.root, 'content/articles/swap.tmp')
    renameSync(file, swap)
    renameSync(other, file)
    renameSync(swap, other)
    const swapped = await build.build()
    expect(swapped.status).toBe('built')
    expect(project.read('dist/articles/aaa/index.html')).toContain('Bravo')
    await expectSameAsCold()
  })

  it('notice an edit of the logo that site.json names', async () => {
    const site = JSON.parse(createProject().read('content/site.json'))
    project = createProject(
      { 'first.md': article('First', '2025-03-01') },
      { site: JSON.stringify({ ...site, card: { ...site.card, logo: 'logo.svg' } }) },
    )
    const logo = (fill: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="${fill}"/></svg>`
    project.write('content/logo.svg', logo('#ff0000'))
    const build = await project.open({ overrides: { skip: ['pages', 'feeds'] } })
    await build.build()
    const card = () => readFileSync(join(project.root, 'dist/og/first.png'))
    const before = card()
    project.write('content/logo.svg', logo('#00ff00'))
    const result = await build.build()
    expect(result.status).toBe('built')
    expect(result.cards?.rendered).toBe(2)
    expect(card().equals(before)).toBe(false)
  })

  it('treat an unreadable cache as empty: a warning and a cold build, never a crash', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    const build = await project.open({ overrides: { skip: ['cards'] } })
    await build.build()
    const { state } = cacheLayout(join(project.root, 'node_modules/.cache/dawnpress'), {
      outDir: join(project.root, 'dist'),
      mode: 'build',
    })
    writeFileSync(state, '{"version":3,"fingerprint":"Unterminated')
    const result = await (await project.open({ overrides: { skip: ['cards'] } })).build()
    expect(result.status).toBe('built')
    expect(result.problems.map((problem) => [problem.code, problem.severity])).toEqual([
      ['CACHE_UNREADABLE', 'warning'],
    ])
    // The next engine reads the state that build wrote back.
    const next = await project.open({ overrides: { skip: ['cards'] } })
    expect((await next.build()).status).toBe('current')
    expect(build.config.outDir).toBe(next.config.outDir)
  })

  it('take turns when two builds share an output and a cache, leaving a cache that reads back', async () => {
    project = createProject({
      'first.md': article('First', '2025-03-01'),
      'second.md': article('Second', '2025-03-02'),
    })
    const [one, two] = await Promise.all([
      project.open({ overrides: { skip: ['cards'] } }),
      project.open({ overrides: { skip: ['cards'] } }),
    ])
    const results = await Promise.all([one?.build(), two?.build()])
    expect(results.map((result) => result?.ok)).toEqual([true, true])
    expect(results.map((result) => result?.status).sort()).toEqual(['built', 'current'])
    const third = await (await project.open({ overrides: { skip: ['cards'] } })).build()
    expect(third.status).toBe('current')
    await expectSameAsCold()
  })

  it('keep the date git gave an undated article, identical to a cold build', async () => {
    project = createProject({
      'first.md': article('First', '2025-03-01'),
      'undated.md': article('Undated', '2025-01-01').replace('date: 2025-01-01\n', ''),
    })
    git(project.root, 'init', '-q')
    git(project.root, 'add', '.')
    git(project.root, 'commit', '-qm', 'Add articles')
    const build = await project.open({ overrides: { skip: ['cards'] } })
    await build.build()
    project.write('content/articles/first.md', article('First, revised', '2025-03-01'))
    expect((await build.build()).reused).toBe(1)
    await expectSameAsCold()
    const json = JSON.parse(project.read('dist/articles.json')) as { slug: string; date?: string }[]
    expect(json.find((entry) => entry.slug === 'undated')?.date).toBe('2024-05-06T07:08:09.000Z')
  })

  it('never take dates from a shallow clone, say so, and notice the history being fetched', async () => {
    const origin = createProject({
      'first.md': article('First', '2025-03-01'),
      'undated.md': article('Undated', '2025-01-01').replace('date: 2025-01-01\n', ''),
    })
    git(origin.root, 'init', '-q')
    git(origin.root, 'add', '.')
    git(origin.root, 'commit', '-qm', 'Add articles')
    origin.write('content/articles/first.md', article('First, revised', '2025-03-01'))
    git(origin.root, 'commit', '-qam', 'Revise')
    project = createProject()
    project.remove('content')
    git(project.root, 'clone', '-q', '--depth', '1', `file://${origin.root}`, 'clone')
    project.write('clone/dawnpress.config.ts', 'export default { outputs: { cards: false } }\n')
    const shallow = await project.open({ config: 'clone/dawnpress.config.ts' })
    const first = await shallow.build()
    expect(first.problems.map((problem) => problem.code).sort()).toEqual([
      'DATE_MISSING',
      'GIT_SHALLOW',
    ])
    const dist = join(project.root, 'clone/dist')
    const undated = () =>
      (
        JSON.parse(readFileSync(join(dist, 'articles.json'), 'utf8')) as {
          slug: string
          date?: string
        }[]
      ).find((entry) => entry.slug === 'undated')
    expect(undated()?.date).toBeUndefined()
    git(join(project.root, 'clone'), 'fetch', '-q', '--unshallow')
    const full = await shallow.build()
    expect(full.status).toBe('built')
    expect(full.problems).toEqual([])
    expect(undated()?.date).toBe('2024-05-06T07:08:09.000Z')
    origin.dispose()
  })
})

describe('the fingerprint of dawnpress itself', () => {
  it('changes when a runtime dependency is upgraded, even without a change of dawnpress', () => {
    project = createProject()
    const modules = join(project.root, 'node_modules')
    const manifest = (name: string, version: string, dependencies: Record<string, string> = {}) =>
      project.write(
        `node_modules/${name}/package.json`,
        JSON.stringify({ name, version, dependencies }),
      )
    manifest('@dawnpress/core', '1.0.0', { 'sanitize-html': '^2.0.0' })
    manifest('sanitize-html', '2.17.0', { htmlparser2: '^8.0.0' })
    manifest('htmlparser2', '8.0.1')
    const digest = () => {
      const hash = createHash('sha256')
      hashEngine(hash, { from: modules, packages: ['@dawnpress/core'] })
      return hash.digest('hex')
    }
    const before = digest()
    expect(digest()).toBe(before)
    manifest('htmlparser2', '8.0.2')
    const transitive = digest()
    expect(transitive).not.toBe(before)
    manifest('sanitize-html', '2.17.1', { htmlparser2: '^8.0.0' })
    expect(digest()).not.toBe(transitive)
    expect(readdirSync(modules)).toContain('sanitize-html')
  })
})
