import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { defineCollection, loadCollection } from './collection.ts'
import { internalErrorProblem, toPostableProblem } from './internal-error.ts'
import { articleSchema } from './schema.ts'

const folders: string[] = []
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'dawnpress-internal-'))
  folders.push(folder)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text)
  return folder
}

const article = (title: string, extra = '') =>
  `---\ntitle: ${title}\ndescription: About ${title}.\ndate: 2025-01-01\n${extra}---\n\nText.\n`

describe('an exception while parsing one file', () => {
  // A schema whose check throws stands in for any bug of dawnpress met on one file.
  const schema = articleSchema.refine((data) => {
    if (data.title === 'Boom') throw new TypeError('the check exploded')
    return true
  })

  it('becomes an INTERNAL_ERROR of that file and hides no other problem (regression: one file that made dawnpress throw, such as "---JSON", stopped check and build and hid every other file\'s problems)', async () => {
    const directory = folderWith({
      'a-valid.md': article('Valid'),
      'b-boom.md': article('Boom'),
      'c-broken.md': article('Broken', 'draft: maybe\n'),
    })
    const collection = defineCollection({ directory, schema, gitDates: false })
    const { articles, problems } = await loadCollection(collection, { cwd: directory })
    expect(articles.map((entry) => entry.slug)).toEqual(['a-valid'])
    const located = problems.map(({ file, code, line, column }) => [file, code, line, column])
    expect(located).toEqual([
      ['b-boom.md', 'INTERNAL_ERROR', 1, 1],
      ['c-broken.md', 'FIELD_INVALID', 5, 8],
    ])
    const [internal] = problems
    expect(internal?.severity).toBe('error')
    expect(internal?.message).toContain('bug in dawnpress')
    expect(internal?.message).toContain('the check exploded')
    expect(internal?.hint).toContain('https://github.com/dawnpress/dawnpress/issues')
    expect(internal?.cause).toBeInstanceOf(TypeError)
    expect(internal?.stack).toMatch(/^TypeError: the check exploded\n\s+at /)
    // JSON output (as `check --format json` writes it) keeps the stack.
    expect(JSON.parse(JSON.stringify(internal)).stack).toBe(internal?.stack)
  })
})

describe('toPostableProblem', () => {
  it('keeps a cause that can be copied to another thread as it is', () => {
    const problem = internalErrorProblem('a.md', new RangeError('out of range'))
    expect(toPostableProblem(problem)).toBe(problem)
  })

  it('turns a cause that cannot be copied into plain data, keeping its message', () => {
    const thrown = { reason: 'odd', toString: () => 'an odd value', retry() {} }
    const problem = internalErrorProblem('a.md', thrown)
    expect(() => structuredClone(problem)).toThrow()
    const postable = toPostableProblem(problem)
    expect(structuredClone(postable)).toEqual({
      ...problem,
      cause: { name: 'object', message: 'an odd value' },
    })
    expect(postable.message).toContain('an odd value')
  })

  it('describes a thrown value that has no toString', () => {
    const problem = internalErrorProblem('a.md', Object.create(null))
    expect(problem.message).toContain('[object Object]')
  })
})
