import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSpoolWriter, serializeArticle, shiftChunk } from './article-json.ts'

const article = (extra: Record<string, unknown> = {}) => ({
  title: 'Ünïcode “quotes” 日本語 😀',
  html: '<p>Body with "quotes", \\ backslashes, \u2028 and 😀</p>',
  date: undefined,
  headings: [{ depth: 2, text: 'Ça va', id: 'ca-va' }],
  excerpt: 'After the html',
  ...extra,
})

describe('serializeArticle', () => {
  it('writes exactly JSON.stringify of the article, whatever the order of its fields', () => {
    for (const value of [article(), article({ image: '/a.png', skipped: () => 1 })]) {
      const { json, bytes } = serializeArticle(value)
      expect(json).toBe(JSON.stringify(value))
      expect(bytes).toBe(Buffer.byteLength(json))
    }
  })

  it('gives the byte places of html and headings', () => {
    const value = article()
    const { json, htmlStart, htmlEnd, headingsStart, headingsEnd } = serializeArticle(value)
    const bytes = Buffer.from(json)
    expect(JSON.parse(bytes.subarray(htmlStart, htmlEnd).toString())).toBe(value.html)
    expect(JSON.parse(bytes.subarray(headingsStart, headingsEnd).toString())).toEqual(
      value.headings,
    )
  })
})

describe('createSpoolWriter', () => {
  it('writes articles back to back, each chunk pointing at its own JSON', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dawnpress-spool-')), 'spool.0')
    const writer = createSpoolWriter(file)
    const values = [article(), article({ title: 'Second' }), article({ html: '' })]
    const chunks = values.map((value) => writer.write(serializeArticle(value)))
    writer.close()
    const bytes = readFileSync(file)
    expect(bytes.toString()).toBe(values.map((value) => JSON.stringify(value)).join(''))
    for (const [index, chunk] of chunks.entries()) {
      expect(chunk.file).toBe(file)
      expect(JSON.parse(bytes.subarray(chunk.start, chunk.end).toString())).toEqual(
        JSON.parse(JSON.stringify(values[index])),
      )
      expect(JSON.parse(bytes.subarray(chunk.htmlStart, chunk.htmlEnd).toString())).toBe(
        values[index]?.html,
      )
      const moved = shiftChunk(chunk, -chunk.start)
      expect(moved.start).toBe(0)
      expect(moved.htmlEnd - moved.htmlStart).toBe(chunk.htmlEnd - chunk.htmlStart)
    }
  })
})
