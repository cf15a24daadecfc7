import { describe, expect, it } from 'vitest'
import { decodeSource, findInvalidUtf8 } from './encoding.ts'
import { closestName } from './suggest.ts'

describe('findInvalidUtf8', () => {
  it('accepts well-formed UTF-8 of every length', () => {
    expect(findInvalidUtf8(Buffer.from('a é € 😀'))).toBe(-1)
  })

  it.each([
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['an overlong form', [0x61, 0xc0, 0xaf], 1],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80], 0],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut short at the end', [0x61, 0x62, 0xe2, 0x82], 2],
  ])('finds %s', (_name, bytes, offset) => {
    expect(findInvalidUtf8(Uint8Array.from(bytes))).toBe(offset)
  })

  it('does not count a BOM as a column', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0xff])
    const decoded = decodeSource(bytes)
    expect(decoded.ok ? undefined : decoded.position).toEqual({ line: 1, column: 2 })
  })
})

describe('closestName', () => {
  const known = ['title', 'description', 'tags', 'date', 'read_time', 'author']
  it.each([
    ['titel', 'title'],
    ['descripton', 'description'],
    ['tag', 'tags'],
    ['Title', 'title'],
    ['readtime', 'read_time'],
    ['autor', 'author'],
  ])('suggests %s → %s', (typo, expected) => {
    expect(closestName(typo, known)).toBe(expected)
  })

  it('suggests nothing for a name that is not close to any', () => {
    expect(closestName('subtitle', known)).toBeUndefined()
    expect(closestName('x', known)).toBeUndefined()
  })
})
