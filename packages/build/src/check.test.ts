import { join } from 'node:path'
import { defineCollection, loadCollection } from '@dawnpress/core'
import { afterEach, describe, expect, it } from 'vitest'
import { article, createProject, type Project } from '../test/project.ts'

let project: Project

afterEach(() => {
  project?.dispose()
})

const CODE = '\n```ts\nconst answer: number = 42\n```\n'
const BROKEN_BODY = [
  '',
  '```pyhton',
  'print(1)',
  '```',
  '',
  'See [the missing one](./no-such-article.md) and ![a picture](./missing.png).',
  '',
  '<div onclick="x()">raw</div>',
  '',
].join('\n')

const where = (problem: { file: string; line: number; column: number; code: string }) =>
  `${problem.file.split('/').pop()}:${problem.line}:${problem.column} ${problem.code}`

describe('check', () => {
  it('reports every problem a build reports, those of the body included', async () => {
    project = createProject({
      'first.md': article('First', '2025-03-01', ['notes'], CODE),
      'broken.md': article('Broken', '2025-03-02', ['notes'], BROKEN_BODY),
    })
    const checked = await (await project.open()).check()
    const built = await (await project.open()).build()
    expect(checked.problems.map(where)).toEqual(built.problems.map(where))
    expect(checked.problems.map((problem) => problem.code).sort()).toEqual([
      'ASSET_MISSING',
      'CODE_LANGUAGE_UNKNOWN',
      'HTML_ATTRIBUTE_REMOVED',
      'LINK_TARGET_MISSING',
    ])
  })

  it('gives its articles their highlighted HTML, as the collection renders it, though it parses without highlighting', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01', ['notes'], CODE) })
    const checked = await (await project.open()).check()
    const collection = defineCollection({ directory: join(project.root, 'content/articles') })
    const loaded = await loadCollection(collection)
    const html = checked.articles[0]?.html
    expect(html).toContain('class="shiki"')
    expect(html).toBe(loaded.articles[0]?.html)
  })

  it('reuses the parse of the last build, whatever its outputs and output folder', async () => {
    project = createProject({
      'first.md': article('First', '2025-03-01', ['notes'], CODE),
      'broken.md': article('Broken', '2025-03-02', ['notes'], '\n<div onclick="x()">raw</div>\n'),
    })
    const cold = await (await project.open()).check()
    const built = await (
      await project.open({ overrides: { outDir: 'elsewhere', skip: ['cards', 'pages'] } })
    ).build()
    expect(built.status).toBe('built')
    const checked = await (await project.open()).check()
    expect(checked.parsed).toBe(0)
    expect(checked.problems).toEqual(cold.problems)
    expect(checked.articles.map((entry) => entry.slug)).toEqual(['broken', 'first'])
  })

  it('parses again what changed since the build it reuses, and only that', async () => {
    project = createProject({
      'first.md': article('First', '2025-03-01'),
      'second.md': article('Second', '2025-03-02'),
    })
    await (await project.open({ overrides: { skip: ['cards'] } })).build()
    project.write(
      'content/articles/second.md',
      article('Second', '2025-03-02', ['notes'], '\n```pyhton\nx\n```\n'),
    )
    const checked = await (await project.open()).check()
    expect(checked.parsed).toBe(1)
    expect(checked.problems.map(where)).toEqual(['second.md:12:4 CODE_LANGUAGE_UNKNOWN'])
  })

  it('reuses nothing from a build whose parse options differ', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01', ['notes'], CODE) })
    project.write(
      'plain.config.ts',
      'export default { outputs: { cards: false }, markdown: { highlight: false } }\n',
    )
    await (await project.open({ config: 'plain.config.ts' })).build()
    const checked = await (await project.open()).check()
    expect(checked.parsed).toBe(1)
  })

  it('leaves its parse for the next check, which reports the same problems and HTML', async () => {
    project = createProject({
      'first.md': article('First', '2025-03-01', ['notes'], CODE),
      'broken.md': article('Broken', '2025-03-02', ['notes'], BROKEN_BODY),
      'bad.md': '---\ntitle: Bad\n---\n\nNo description.\n',
    })
    const first = await (await project.open()).check()
    const second = await (await project.open()).check()
    expect([first.parsed, second.parsed]).toEqual([3, 0])
    expect(second.problems).toEqual(first.problems)
    // As JSON, as a caller would write them: every field, `html` rendered, in the same order.
    expect(JSON.stringify(second.articles)).toBe(JSON.stringify(first.articles))
    expect(second.articles[1]?.html).toContain('class="shiki"')
  })

  it('keeps its own parse when a build with other parse options has run since', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    await (await project.open()).check()
    project.write('plain.config.ts', 'export default { markdown: { highlight: false } }\n')
    await (
      await project.open({ config: 'plain.config.ts', overrides: { skip: ['cards'] } })
    ).build()
    expect((await (await project.open()).check()).parsed).toBe(0)
  })
})
