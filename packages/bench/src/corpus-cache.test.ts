import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { corpusFolder, editArticle, middleArticle, prepareCorpus } from './corpus-cache.ts'

const scratch = await mkdtemp(join(tmpdir(), 'bench-cache-'))
afterAll(() => rm(scratch, { recursive: true, force: true }))

describe('prepareCorpus', () => {
  it('writes a corpus once per seed and size, and reuses it after', async () => {
    const first = await prepareCorpus(scratch, { size: 8, seed: 'cache' })
    expect(first.cached).toBe(false)
    const again = await prepareCorpus(scratch, { size: 8, seed: 'cache' })
    expect(again).toMatchObject({ cached: true, sha256: first.sha256, directory: first.directory })
    const other = await prepareCorpus(scratch, { size: 9, seed: 'cache' })
    expect(other.directory).not.toBe(first.directory)
  })

  it('keeps the corpus of the default seed at corpus-<size>', () => {
    expect(corpusFolder('/work', 'dawnpress', 1000)).toBe(join('/work', 'corpus-1000'))
    expect(corpusFolder('/work', 'a/b', 1000)).toMatch(/corpus-1000-a_b-[0-9a-f]{8}$/)
  })

  it('writes the corpus anew when a run stopped while an article was edited', async () => {
    const corpus = await prepareCorpus(scratch, { size: 6, seed: 'edit' })
    const file = await middleArticle(corpus.directory)
    const original = await readFile(file, 'utf8')
    await editArticle(corpus.directory, file, 'An added paragraph.')
    // The process stops here, before the article is put back.
    expect(await readFile(file, 'utf8')).toContain('An added paragraph.')
    const next = await prepareCorpus(scratch, { size: 6, seed: 'edit' })
    expect(next.cached).toBe(false)
    expect(await readFile(file, 'utf8')).toBe(original)
  })

  it('puts an edited article back, and the corpus stays cached', async () => {
    const corpus = await prepareCorpus(scratch, { size: 6, seed: 'restore' })
    const file = await middleArticle(corpus.directory)
    const original = await readFile(file, 'utf8')
    const restore = await editArticle(corpus.directory, file, 'Another paragraph.')
    await restore()
    expect(await readFile(file, 'utf8')).toBe(original)
    expect((await prepareCorpus(scratch, { size: 6, seed: 'restore' })).cached).toBe(true)
  })

  it('writes the corpus anew when an article is missing', async () => {
    const corpus = await prepareCorpus(scratch, { size: 5, seed: 'gone' })
    await rm(await middleArticle(corpus.directory))
    const next = await prepareCorpus(scratch, { size: 5, seed: 'gone' })
    expect(next.cached).toBe(false)
    expect(existsSync(join(corpus.directory, 'corpus.json'))).toBe(true)
    await writeFile(join(corpus.directory, 'corpus.json'), '{"fingerprint":"old"}')
    expect((await prepareCorpus(scratch, { size: 5, seed: 'gone' })).cached).toBe(false)
  })
})
