/**
 * The outputs of `pnpm build`, as the repository builds them: turbo never restores a task
 * that writes from content/ (its cache cannot remove a deleted article's files), the engine's
 * own cache makes those tasks fast instead, and `pnpm build` writes what `dawnpress build`
 * writes.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const TURBO = `${ROOT}node_modules/turbo/bin/turbo`
const DIST = `${ROOT}apps/site/dist/`

interface DryTask {
  taskId: string
  cache: { local: boolean; status: 'HIT' | 'MISS' }
}

/** What turbo would do for `build` of the site and everything it depends on. */
function plan(): DryTask[] {
  const out = execFileSync(
    process.execPath,
    [
      TURBO,
      'run',
      'build',
      '--filter=@dawnpress/app-site...',
      '--filter=@dawnpress/content',
      '--dry=json',
    ],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 },
  )
  return (JSON.parse(out) as { tasks: DryTask[] }).tasks
}

/** Every file below `dir` with its bytes, keyed by relative path. */
function readTree(dir: string): Map<string, Buffer> {
  const tree = new Map<string, Buffer>()
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name)
      tree.set(path.slice(dir.length).replace(/^\//, ''), readFileSync(path))
    }
  }
  return tree
}

/** `pnpm build` of the two tasks that read content/, for real. */
function buildContent(): void {
  execFileSync(
    process.execPath,
    [
      TURBO,
      'run',
      'build',
      '--filter=@dawnpress/app-site',
      '--filter=@dawnpress/content',
      '--output-logs=errors-only',
    ],
    { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' },
  )
}

/** The paths in a packed tarball of @dawnpress/content. */
function packedFiles(): string[] {
  const temp = mkdtempSync(join(tmpdir(), 'dawnpress-pack-'))
  try {
    const execPath = process.env.npm_execpath ?? ''
    const [command, ...prefix] = /pnpm\.[cm]?js$/.test(execPath)
      ? [process.execPath, execPath]
      : ['pnpm']
    execFileSync(command ?? 'pnpm', [...prefix, 'pack', '--pack-destination', temp], {
      cwd: `${ROOT}packages/content`,
      stdio: 'pipe',
    })
    const tarball = readdirSync(temp).find((name) => name.endsWith('.tgz')) as string
    return execFileSync('tar', ['-tzf', join(temp, tarball)], { encoding: 'utf8' }).split('\n')
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

describe('pnpm build', () => {
  it('never restores the tasks that read content/ from turbo’s cache, and caches the packages and the cards', () => {
    const tasks = new Map(plan().map((task) => [task.taskId, task]))
    for (const id of ['@dawnpress/app-site#build', '@dawnpress/content#build']) {
      expect(tasks.get(id)?.cache.local, id).toBe(false)
    }
    // Cards are content-addressed: restoring them never serves a stale file, and a remote
    // cache lets a second machine render none that another has rendered.
    expect(tasks.get('@dawnpress/app-site#cards')?.cache.local).toBe(true)
    // Everything else was built before the tests: a second `pnpm build` rebuilds none of it.
    const packages = [...tasks.values()].filter((task) => task.cache.local)
    expect(packages.length).toBeGreaterThanOrEqual(7)
    expect(
      packages.filter((task) => task.cache.status !== 'HIT').map((task) => task.taskId),
    ).toEqual([])
  })

  // This test writes into the repository's own content/ folder, which the tests of dawnpress
  // and @dawnpress/content read: apps/site/turbo.json runs it after theirs (regression: a
  // CLI test ran while the short-lived article was there and bundled 2 articles, not 1).
  it('leaves no file of a deleted article in the site or the packed content package (regression: turbo restored them)', () => {
    const file = `${ROOT}content/articles/a-short-lived-article.md`
    const text =
      '---\ntitle: A short-lived article\ndescription: Written, built, deleted.\ndate: 2026-01-02\ntags: [ephemera]\n---\n\nSoon gone.\n'
    try {
      writeFileSync(file, text)
      buildContent()
      expect(existsSync(`${DIST}articles/a-short-lived-article/index.html`)).toBe(true)
      expect(existsSync(`${DIST}og/a-short-lived-article.png`)).toBe(true)
      expect(packedFiles()).toContain('package/dist/articles/a-short-lived-article.js')
    } finally {
      rmSync(file, { force: true })
    }
    buildContent()
    const site = [...readTree(DIST).keys()]
    expect(site.filter((path) => /short-lived|ephemera/.test(path))).toEqual([])
    expect(readFileSync(`${DIST}rss.xml`, 'utf8')).not.toContain('short-lived')
    const content = [...readTree(`${ROOT}packages/content/dist/`).keys()]
    expect(content.filter((path) => path.includes('short-lived'))).toEqual([])
    expect(packedFiles().filter((path) => path.includes('short-lived'))).toEqual([])
  }, 180_000)

  it('writes the same files as dawnpress build of the same content, byte for byte', () => {
    const temp = mkdtempSync(join(tmpdir(), 'dawnpress-same-'))
    try {
      execFileSync(
        process.execPath,
        [
          `${ROOT}packages/cli/bin/dawnpress.js`,
          'build',
          '--out',
          join(temp, 'site'),
          '--cache',
          join(temp, 'cache'),
        ],
        { cwd: ROOT, stdio: 'pipe' },
      )
      const cli = readTree(join(temp, 'site'))
      const pnpm = readTree(DIST)
      expect([...cli.keys()].sort()).toEqual([...pnpm.keys()].sort())
      const differ = [...pnpm].filter(([path, bytes]) => !cli.get(path)?.equals(bytes))
      expect(differ.map(([path]) => path)).toEqual([])
    } finally {
      rmSync(temp, { recursive: true, force: true })
    }
  }, 120_000)
})
