import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { article, createProject, type Project, readTree } from '../test/project.ts'

const cardFailure = vi.hoisted(() => ({ enabled: false }))
vi.mock('@dawnpress/og', async (importOriginal) => {
  const original = await importOriginal<typeof import('@dawnpress/og')>()
  return {
    ...original,
    prepareCards: async (...args: Parameters<typeof original.prepareCards>) => {
      if (cardFailure.enabled) throw new Error('The card renderer crashed.')
      return original.prepareCards(...args)
    },
  }
})

let project: Project

afterEach(() => {
  cardFailure.enabled = false
  project?.dispose()
})

describe('a build that fails part-way', () => {
  it('leaves the last output exactly as it was, and no staging folder behind', async () => {
    project = createProject({ 'first.md': article('First', '2025-03-01') })
    const build = await project.open()
    await build.build()
    const before = readTree(join(project.root, 'dist'))
    project.write('content/articles/first.md', article('First, revised', '2025-03-01'))
    cardFailure.enabled = true
    await expect(build.build()).rejects.toThrow('The card renderer crashed.')
    expect(readTree(join(project.root, 'dist'))).toEqual(before)
    expect(readdirSync(project.root).filter((name) => name.startsWith('.dist.'))).toEqual([])
    cardFailure.enabled = false
    expect((await build.build()).status).toBe('built')
    expect(project.read('dist/articles/first/index.html')).toContain('First, revised')
  })
})
