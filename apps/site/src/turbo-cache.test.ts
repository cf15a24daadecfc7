import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const ARTICLE = `${ROOT}content/articles/the-dawn-of-large-language-models.md`

interface DryTask {
  taskId: string
  hash: string
  cache: { status: 'HIT' | 'MISS' }
}

/** What turbo would do for `build` of the site and everything it depends on, without doing it. */
function plan(env: NodeJS.ProcessEnv = {}): Map<string, DryTask> {
  const out = execFileSync(
    process.execPath,
    [
      `${ROOT}node_modules/turbo/bin/turbo`,
      'run',
      'build',
      '--filter=@dawnpress/app-site...',
      '--dry=json',
    ],
    { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 << 20 },
  )
  const tasks = (JSON.parse(out) as { tasks: DryTask[] }).tasks
  return new Map(tasks.map((task) => [task.taskId, task]))
}

function changedTasks(before: Map<string, DryTask>, after: Map<string, DryTask>): string[] {
  return [...before.keys()].filter((id) => before.get(id)?.hash !== after.get(id)?.hash).sort()
}

describe('turbo caching of the build', () => {
  it('serves a second build entirely from the cache', () => {
    // This test runs after the site was built (test depends on build), so every task of the
    // build is in turbo's cache: a second `pnpm build` would run nothing.
    const tasks = [...plan().values()]
    expect(tasks.length).toBeGreaterThanOrEqual(7)
    expect(tasks.filter((task) => task.cache.status !== 'HIT').map((task) => task.taskId)).toEqual(
      [],
    )
  })

  it('re-runs only the tasks that read content when an article changes', () => {
    const before = plan()
    const original = readFileSync(ARTICLE)
    try {
      writeFileSync(ARTICLE, `${original}\nOne more sentence.\n`)
      expect(changedTasks(before, plan())).toEqual([
        '@dawnpress/app-site#build',
        '@dawnpress/content#build',
      ])
    } finally {
      writeFileSync(ARTICLE, original)
    }
    expect(changedTasks(before, plan())).toEqual([])
  })

  it('misses the cache when SITE_URL changes', () => {
    const before = plan()
    expect(changedTasks(before, plan({ SITE_URL: 'https://elsewhere.example/' }))).toEqual([
      '@dawnpress/app-site#build',
    ])
  })
})
