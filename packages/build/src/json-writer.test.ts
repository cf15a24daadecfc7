import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { writeJsonFile } from './json-writer.ts'

const dir = mkdtempSync(join(tmpdir(), 'dawnpress-json-writer-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function written(value: unknown): string {
  const file = join(dir, 'value.json')
  writeJsonFile(file, value)
  return readFileSync(file, 'utf8')
}

describe('writeJsonFile', () => {
  it.each([
    ['a number', 42],
    ['a string with quotes and line breaks', 'say "hi"\n\u2028'],
    ['null', null],
    ['an empty object and array', { a: {}, b: [] }],
    [
      'a state-like object',
      {
        version: 1,
        files: [
          ['a/index.html', 'sha', 12],
          ['b/index.html', 'sha', 13],
        ],
        inputs: { hashedAt: 5, files: [{ file: 'a.md', meta: { tags: ['x'], date: 'y' } }] },
        feeds: { 'rss.xml': 'k' },
      },
    ],
    [
      'what JSON has no spelling of',
      {
        gone: undefined,
        fn: () => 1,
        list: [undefined, () => 1, Symbol('s'), 1],
        deep: { x: [[undefined]] },
      },
    ],
    ['a date, by its toJSON', { at: new Date(Date.UTC(2026, 0, 2)), nested: [new Date(0)] }],
    ['unicode keys', { 'clé "é"': ['日本語'] }],
  ])('writes exactly what JSON.stringify gives: %s', (_title, value) => {
    expect(written(value)).toBe(JSON.stringify(value))
  })

  it('writes a document larger than one write', () => {
    const value = {
      sources: Array.from({ length: 20_000 }, (_, index) => ({
        file: `${index}.md`,
        text: 'x'.repeat(100),
      })),
    }
    expect(written(value)).toBe(JSON.stringify(value))
  })
})
