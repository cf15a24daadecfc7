import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { article, createProject, diffTrees, type Project, readTree } from '../test/project.ts'
import { shardOf } from './write-outputs.ts'

let project: Project

afterEach(() => project?.dispose())

const ARTICLES = Object.fromEntries(
  Array.from({ length: 8 }, (_, index) => [
    `a${index}.md`,
    article(`Article ${index}`, `2025-03-0${index + 1}`),
  ]),
)

describe('sharded card rendering', () => {
  it('splits the cards in stable shares by slug', () => {
    const slugs = Array.from({ length: 200 }, (_, index) => `article-${index}`)
    const shares = slugs.map((slug) => shardOf(slug, 3))
    expect(new Set(shares)).toEqual(new Set([1, 2, 3]))
    expect(slugs.map((slug) => shardOf(slug, 3))).toEqual(shares)
    expect(shares.filter((share) => share === 1).length).toBeGreaterThan(40)
  })

  it('renders in two shards what one build renders, so the build after them renders no card', async () => {
    project = createProject(ARTICLES)
    const cache = (name: string) => ({
      cacheDir: `cache-${name}`,
      skip: ['pages', 'feeds', 'articlesJson'] as const,
    })
    // Two jobs of a matrix, each with a cache of its own, then the caches merged, as a CI
    // artefact or a turbo output would bring them together.
    const first = await (
      await project.open({ overrides: { ...cache('1'), shard: { index: 1, count: 2 } } })
    ).build()
    const second = await (
      await project.open({ overrides: { ...cache('2'), shard: { index: 2, count: 2 } } })
    ).build()
    expect((first.cards?.rendered ?? 0) + (second.cards?.rendered ?? 0)).toBe(9)
    expect(readdirSync(project.root)).not.toContain('dist')
    for (const name of ['1', '2']) {
      const cards = join(project.root, `cache-${name}/cards`)
      for (const [path, bytes] of readTree(cards))
        project.write(`cache-merged/cards/${path}`, bytes)
    }
    const merged = await (
      await project.open({ overrides: { cacheDir: 'cache-merged', outDir: 'sharded' } })
    ).build()
    expect(merged.cards).toEqual({ rendered: 0, reused: 9 })

    const full = await (
      await project.open({ overrides: { cacheDir: 'cache-full', outDir: 'full' } })
    ).build()
    expect(full.cards?.rendered).toBe(9)
    expect(
      diffTrees(readTree(join(project.root, 'sharded')), readTree(join(project.root, 'full'))),
    ).toEqual([])
  })

  it('refuses a shard that does not exist', async () => {
    project = createProject(ARTICLES)
    await expect(
      project.open({ overrides: { shard: { index: 3, count: 2 } } }),
    ).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    })
  })
})
