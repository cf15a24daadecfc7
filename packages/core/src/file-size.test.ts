import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { defineCollection, loadCollection } from './collection.ts'
import { DEFAULT_MAX_FILE_SIZE } from './parse-files.ts'

const folders: string[] = []
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'dawnpress-size-'))
  folders.push(folder)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text)
  return folder
}

const article = (title: string, body = 'Text.') =>
  `---\ntitle: ${title}\ndescription: About ${title}.\ndate: 2025-01-01\n---\n\n${body}\n`

describe('the size limit of an article file', () => {
  it('is 4 MiB by default', () => {
    expect(DEFAULT_MAX_FILE_SIZE).toBe(4 * 1024 * 1024)
    expect(defineCollection({ directory: 'x' }).maxFileSize).toBe(DEFAULT_MAX_FILE_SIZE)
  })

  it('refuses a 50 MB file unread, as FILE_TOO_LARGE, and reads the others (regression: a 50 MB article took 33 s and 1.6 GB)', async () => {
    const directory = folderWith({ 'a-small.md': article('Small') })
    // A sparse file: 50 MB long, without writing 50 MB; reading it would take a while.
    writeFileSync(join(directory, 'b-huge.md'), article('Huge'))
    truncateSync(join(directory, 'b-huge.md'), 50 * 1024 * 1024)
    const started = performance.now()
    const { articles, problems } = await loadCollection(
      defineCollection({ directory, gitDates: false }),
      { cwd: directory },
    )
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(articles.map((entry) => entry.slug)).toEqual(['a-small'])
    expect(
      problems.map(({ file, code, severity, line, column, path }) => ({
        file,
        code,
        severity,
        line,
        column,
        path,
      })),
    ).toEqual([
      {
        file: 'b-huge.md',
        code: 'FILE_TOO_LARGE',
        severity: 'error',
        line: 1,
        column: 1,
        path: [],
      },
    ])
    expect(problems[0]?.message).toBe(
      "The file is 52,428,800 bytes (50 MiB), over the limit of 4,194,304 bytes (4 MiB) for one article, so it was not read: parsing takes many times a file's size in memory.",
    )
    expect(problems[0]?.hint).toContain('"maxFileSize"')
  })

  it('reads a file of exactly maxFileSize bytes and refuses one byte more', async () => {
    const atLimit = article('At')
    const directory = folderWith({ 'at.md': atLimit, 'over.md': `${atLimit} ` })
    const collection = defineCollection({
      directory,
      gitDates: false,
      maxFileSize: Buffer.byteLength(atLimit),
    })
    const { articles, problems } = await loadCollection(collection, { cwd: directory })
    expect(articles.map((entry) => entry.slug)).toEqual(['at'])
    expect(problems.map((problem) => [problem.file, problem.code])).toEqual([
      ['over.md', 'FILE_TOO_LARGE'],
    ])
  })

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'is a configuration mistake when maxFileSize is %s',
    (maxFileSize) => {
      expect(() => defineCollection({ directory: 'x', maxFileSize })).toThrow(/maxFileSize/)
    },
  )
})
