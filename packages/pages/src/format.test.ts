import { describe, expect, it } from 'vitest'
import { relativeHref, safeUrl } from './format.ts'

describe('relativeHref', () => {
  it.each([
    ['/', '/', './'],
    ['/', '/articles/a/', 'articles/a/'],
    ['/', '/style.css', 'style.css'],
    ['/articles/a/', '/', '../../'],
    ['/articles/a/', '/articles/b/', '../b/'],
    ['/articles/a/', '/articles/a/', './'],
    ['/articles/a/', '/tags/ai/', '../../tags/ai/'],
    ['/tags/ai/', '/tags/ai/rss.xml', 'rss.xml'],
    ['/articles/a/', '/og/a.png', '../../og/a.png'],
  ])('links from %s to %s as %s', (from, to, expected) => {
    expect(relativeHref(from, to)).toBe(expected)
    expect(new URL(expected, `https://x.test/base${from}`).pathname).toBe(`/base${to}`)
  })
})

describe('safeUrl', () => {
  it('keeps http, https and mailto links and drops the rest', () => {
    expect(safeUrl('https://a.test/')).toBe('https://a.test/')
    expect(safeUrl('mailto:a@b.test')).toBe('mailto:a@b.test')
    expect(safeUrl('javascript:alert(1)')).toBeUndefined()
    expect(safeUrl(' JavaScript:alert(1)')).toBeUndefined()
    expect(safeUrl('data:text/html,<script>')).toBeUndefined()
    expect(safeUrl('not a url')).toBeUndefined()
  })
})
