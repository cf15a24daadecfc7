import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { article, createProject, type Project } from '../test/project.ts'
import type { Build } from './create-build.ts'
import type { BuildResult } from './run-build.ts'
import type { Watcher } from './watch.ts'

let project: Project
let watcher: Watcher | undefined

afterEach(async () => {
  await watcher?.close()
  project?.dispose()
})

/** Ways editors and tools save a file; all but the first give it a new inode. */
const SAVES: Record<string, (file: string, text: string) => void> = {
  'in place': (file, text) => writeFileSync(file, text),
  // vim (backupcopy=no): the old file is renamed to a backup and a new one written.
  vim: (file, text) => {
    renameSync(file, `${file}~`)
    writeFileSync(file, text)
    rmSync(`${file}~`)
  },
  // JetBrains' safe write: a temporary file renamed over the original.
  'JetBrains safe write': (file, text) => {
    writeFileSync(`${file}___jb_tmp___`, text)
    renameSync(file, `${file}___jb_old___`)
    renameSync(`${file}___jb_tmp___`, file)
    rmSync(`${file}___jb_old___`)
  },
  // sed -i: a temporary file in the same folder, renamed over the original.
  'sed -i': (file, text) => {
    const temporary = join(file, '..', 'sedAb12Cd')
    writeFileSync(temporary, text)
    renameSync(temporary, file)
  },
  // git checkout: the file is removed and written again.
  'git checkout': (file, text) => {
    rmSync(file)
    writeFileSync(file, text)
  },
}

/** Watches `build`, and resolves with the result of the first build that satisfies `done`. */
function resultWhere(build: Build, done: (result: BuildResult) => boolean) {
  let resolve: (result: BuildResult) => void = () => {}
  const found = new Promise<BuildResult>((settle) => {
    resolve = settle
  })
  const started = build.watch(
    (result) => {
      if (done(result)) resolve(result)
    },
    { debounce: 20 },
  )
  return { started, found }
}

describe('watch', () => {
  it('sees every later edit of a file, whichever way each save replaced it', async () => {
    project = createProject({ 'first.md': article('Start', '2025-03-01') })
    const build = await project.open({ mode: 'dev', overrides: { skip: ['cards'] } })
    const file = join(project.root, 'content/articles/first.md')
    let latest: BuildResult | undefined
    let waiting: { title: string; resolve: () => void } | undefined
    const page = async () =>
      Buffer.from((await build.read('/articles/first/index.html')) as Uint8Array).toString()
    watcher = await build.watch(
      (result) => {
        latest = result
        if (waiting)
          void page().then((html) => html.includes(waiting?.title ?? '\0') && waiting?.resolve())
      },
      { debounce: 20 },
    )
    const saved = (title: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`"${title}" never showed: ${latest?.status}`)),
          10_000,
        )
        waiting = {
          title,
          resolve: () => {
            clearTimeout(timer)
            resolve()
          },
        }
      })
    for (const [style, save] of Object.entries(SAVES)) {
      const shown = saved(`Saved by ${style}`)
      save(file, article(`Saved by ${style}`, '2025-03-01'))
      await shown
      // The watcher still follows the file: a plain edit after it is seen too.
      const after = saved(`Edited after ${style}`)
      writeFileSync(file, article(`Edited after ${style}`, '2025-03-01'))
      await after
    }
    expect(await page()).toContain('Edited after git checkout')
  }, 120_000)

  it('sees a file deleted and created again later, and a fix hidden behind an error', async () => {
    project = createProject({ 'first.md': article('Start', '2025-03-01') })
    const build = await project.open({ mode: 'dev', overrides: { skip: ['cards'] } })
    const file = join(project.root, 'content/articles/first.md')
    const failed = resultWhere(build, (result) => result.status === 'failed')
    watcher = await failed.started
    writeFileSync(file, '---\ntitle: [broken\n---\n\nBody.\n')
    expect((await failed.found).problems.map((problem) => problem.code)).toEqual([
      'FRONTMATTER_YAML',
    ])
    await watcher.close()
    const fixed = resultWhere(build, (result) => result.ok && result.articles === 1)
    watcher = await fixed.started
    rmSync(file)
    await new Promise((wait) => setTimeout(wait, 200))
    writeFileSync(file, article('Fixed', '2025-03-01'))
    const result = await fixed.found
    expect(result.problems).toEqual([])
    expect(
      Buffer.from((await build.read('/articles/first/index.html')) as Uint8Array).toString(),
    ).toContain('Fixed')
  }, 60_000)

  it('builds again when the site config changes', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    const build = await project.open({ mode: 'dev', overrides: { skip: ['cards'] } })
    const renamed = resultWhere(
      build,
      (result) => result.status === 'built' && result.articles === 1,
    )
    watcher = await renamed.started
    const site = JSON.parse(project.read('content/site.json'))
    const found = new Promise<void>((resolve) => {
      const poll = setInterval(async () => {
        const home = Buffer.from((await build.read('/index.html')) as Uint8Array).toString()
        if (home.includes('Renamed Dawn')) {
          clearInterval(poll)
          resolve()
        }
      }, 50)
    })
    project.write('content/site.json', JSON.stringify({ ...site, title: 'Renamed Dawn' }))
    await found
  }, 60_000)
})
