import { describe, expect, it } from 'vitest'
import { pickCardArticle } from './article.ts'
import { cardKey, hashSetup, type RenderSetup, stableStringify } from './cache-key.ts'

const setup: RenderSetup = {
  site: { title: 'Dawn', card: { accent: '#f59e0b' } },
  logo: undefined,
  template: 'default',
  fonts: [],
  extra: undefined,
}
const article = {
  slug: 'a',
  title: 'Title',
  description: 'Description',
  date: '2026-01-01T00:00:00.000Z',
  readingTime: { minutes: 3, words: 600 },
  html: '<p>Body</p>',
  tags: ['ai'],
}

describe('cache keys', () => {
  it('are equal for equal data, whatever the key order', () => {
    expect(stableStringify({ b: 1, a: { d: 2, c: 3 } })).toBe(
      stableStringify({ a: { c: 3, d: 2 }, b: 1 }),
    )
  })

  it('change with a field the card shows', () => {
    const key = cardKey(hashSetup(setup), pickCardArticle(article))
    const retitled = cardKey(hashSetup(setup), pickCardArticle({ ...article, title: 'New' }))
    expect(retitled).not.toBe(key)
  })

  it('stay the same when only the body changes under the default template', () => {
    const key = cardKey(hashSetup(setup), pickCardArticle(article))
    const rewritten = { ...article, html: '<p>New</p>', readingTime: { minutes: 3, words: 610 } }
    const edited = cardKey(hashSetup(setup), pickCardArticle(rewritten))
    expect(edited).toBe(key)
  })

  it.each<[string, Partial<RenderSetup>]>([
    ['site colours', { site: { title: 'Dawn', card: { accent: '#000000' } } }],
    ['site name', { site: { title: 'Dusk', card: { accent: '#f59e0b' } } }],
    ['logo', { logo: 'data:image/png;base64,AAAA' }],
    ['template', { template: 'function () {}' }],
    ['fonts', { fonts: [{ name: 'Brand', data: new Uint8Array([1, 2, 3]) }] }],
    ['extra key', { extra: 'v2' }],
  ])('change with the %s', (_name, change) => {
    expect(hashSetup({ ...setup, ...change })).not.toBe(hashSetup(setup))
  })
})
