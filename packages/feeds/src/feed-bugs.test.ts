import { Feed, type Item } from 'feed'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeArticle, SITE } from '../test/support/articles.ts'
import { htmlToText } from '../test/support/read.ts'
import {
  validateAtom,
  validateJsonFeed,
  validateRss,
  withXml,
  XPATH_NAMESPACES,
} from '../test/support/validate.ts'
import { createFeeds } from './index.ts'

// Each test shows one way `feed` 6.0.0 goes wrong on its own, then that `createFeeds` gets
// the same input right. When an upgrade fixes a bug, its first half fails: the workaround
// in this package can then go.

const DATE = new Date('2025-01-01T00:00:00Z')

function rawFeed(item: Partial<Item> = {}, options: { updated?: Date } = { updated: DATE }) {
  const feed = new Feed({
    id: 'https://example.com/',
    title: 'Site',
    link: 'https://example.com/',
    description: 'About the site',
    author: { name: 'Editor' },
    feedLinks: { rss: 'https://example.com/rss.xml', json: 'https://example.com/feed.json' },
    ...options,
  })
  feed.addItem({
    title: 'Title',
    id: 'https://example.com/a/',
    link: 'https://example.com/a/',
    date: DATE,
    description: 'Summary',
    content: '<p>Body</p>',
    ...item,
  })
  return feed
}

/** The string value of an XPath expression (a node path reads as its text). */
function text(xml: string, xpath: string): string {
  const expression = /^(?:string|count)\(/.test(xpath) ? xpath : `string(${xpath})`
  return withXml(xml, (document) => String(document.eval(expression, XPATH_NAMESPACES)))
}

afterEach(() => {
  vi.useRealTimers()
})

describe('feed 6.0.0 bugs and their workarounds', () => {
  it('feed writes malformed XML when a text holds "]]>" twice (xml-js closes the CDATA)', () => {
    const feed = rawFeed({ title: 'a ]]> b ]]> c', content: '<p>]]> ]]></p>' })
    expect(() => validateRss(feed.rss2())).toThrow(/\]\]>/)
    expect(() => validateAtom(feed.atom1())).toThrow(/\]\]>/)

    const { rss, atom } = createFeeds([makeArticle({ title: 'a ]]> b ]]> c' })], SITE)
    expect(text(rss, '/rss/channel/item/title')).toBe('a ]]> b ]]> c')
    expect(text(atom, '/atom:feed/atom:entry/atom:title')).toBe('a ]]> b ]]> c')
  })

  it('feed turns a literal "&amp;" in text into "&" (xml-js un-escapes before escaping)', () => {
    const feed = new Feed({ title: 'Tom &amp; Jerry', link: 'https://example.com/', updated: DATE })
    expect(text(feed.rss2(), '/rss/channel/title')).toBe('Tom & Jerry')

    const { rss } = createFeeds([], { ...SITE, title: 'Tom &amp; Jerry' })
    expect(text(rss, '/rss/channel/title')).toBe('Tom &amp; Jerry')
  })

  it('feed leaves "<" unescaped in attribute values, breaking Atom for a tag like "C<T>"', () => {
    const feed = rawFeed({ category: [{ name: 'C<T>', term: 'C<T>' }] })
    expect(() => validateAtom(feed.atom1())).toThrow(/</)

    const { atom } = createFeeds([makeArticle({ tags: ['C<T>'] })], SITE)
    validateAtom(atom)
    expect(text(atom, '/atom:feed/atom:entry/atom:category/@term')).toBe('C<T>')
  })

  it('feed passes control characters into XML, which no XML parser accepts', () => {
    const feed = rawFeed({ title: 'Bell\u0007' })
    expect(() => validateRss(feed.rss2())).toThrow()
    expect(() => validateAtom(feed.atom1())).toThrow()

    const { rss, atom } = createFeeds([makeArticle({ title: 'Bell\u0007' })], SITE)
    expect(text(rss, '/rss/channel/item/title')).toBe('Bell')
    expect(text(atom, '/atom:feed/atom:entry/atom:title')).toBe('Bell')
  })

  it('feed passes lone surrogates into JSON Feed as "\\ud800" escapes', () => {
    const feed = rawFeed({ title: 'Half \uD800' })
    expect(feed.json1()).toContain('\\ud800')
    expect(() => validateJsonFeed(feed.json1())).toThrow(/surrogate/)

    const { json } = createFeeds([makeArticle({ title: 'Half \uD800' })], SITE)
    validateJsonFeed(json)
    expect(JSON.parse(json).items[0].title).toBe('Half \uFFFD')
  })

  it('feed declares Atom entry titles and summaries type="html", so "Array<T>" loses "<T>"', () => {
    const atom = rawFeed({ title: 'Array<T> & AT&T', description: 'Map<K, V>' }).atom1()
    const title = withXml(atom, (document) => {
      const element = document.get('/atom:feed/atom:entry/atom:title', XPATH_NAMESPACES)
      return { type: element?.eval('string(@type)', XPATH_NAMESPACES), text: element?.content }
    })
    expect(title.type).toBe('html')
    expect(htmlToText(title.text ?? '')).toBe('Array & AT&T')

    const fixed = createFeeds(
      [makeArticle({ title: 'Array<T> & AT&T', description: 'Map<K, V>' })],
      SITE,
    ).atom
    expect(text(fixed, 'string(/atom:feed/atom:entry/atom:title/@type)')).toBe('')
    expect(text(fixed, 'string(/atom:feed/atom:entry/atom:summary/@type)')).toBe('')
    expect(text(fixed, '/atom:feed/atom:entry/atom:title')).toBe('Array<T> & AT&T')
  })

  it('feed puts plain-text summaries into RSS descriptions unescaped, though they are HTML', () => {
    const rss = rawFeed({ description: 'Use Map<K, V> & co' }).rss2()
    expect(htmlToText(text(rss, '/rss/channel/item/description'))).toBe('Use Map & co')

    const fixed = createFeeds([makeArticle({ description: 'Use Map<K, V> & co' })], SITE).rss
    expect(htmlToText(text(fixed, '/rss/channel/item/description'))).toBe('Use Map<K, V> & co')
  })

  it('feed writes JSON Feed version 1 with one deprecated author and no language', () => {
    const feed = rawFeed({ author: [{ name: 'Ada' }, { name: 'Alan' }] })
    const raw = JSON.parse(feed.json1())
    expect(raw.version).toBe('https://jsonfeed.org/version/1')
    expect(raw.author).toEqual({ name: 'Editor' })
    expect(raw.items[0].author).toEqual({ name: 'Ada' })
    expect(raw.language).toBeUndefined()

    const article = makeArticle({ authors: [{ name: 'Ada' }, { name: 'Alan' }], lang: 'fr' })
    const json = JSON.parse(createFeeds([article], SITE).json)
    expect(json.version).toBe('https://jsonfeed.org/version/1.1')
    expect(json.author).toBeUndefined()
    expect(json.authors).toEqual([{ name: 'Dawn Editors', url: 'https://example.com/blog/about/' }])
    expect(json.language).toBe('en')
    expect(json.items[0].author).toBeUndefined()
    expect(json.items[0].authors).toEqual([{ name: 'Ada' }, { name: 'Alan' }])
    expect(json.items[0].language).toBe('fr')
  })

  it('feed crashes writing JSON Feed for an item with an empty author list', () => {
    expect(() => rawFeed({ author: [] }).json1()).toThrow(TypeError)

    const { json } = createFeeds([makeArticle({ authors: [] })], SITE)
    expect(JSON.parse(json).items[0].authors).toBeUndefined()
  })

  it('feed dates a feed with the clock when it is given no date (and dawnpress once dated an empty feed 1970)', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2030-05-05T05:05:05Z'))
    const feed = rawFeed({}, {})
    expect(text(feed.rss2(), '/rss/channel/lastBuildDate')).toBe('Sun, 05 May 2030 05:05:05 GMT')
    expect(text(feed.atom1(), '/atom:feed/atom:updated')).toBe('2030-05-05T05:05:05.000Z')

    // dawnpress dates a feed by its newest item, whatever the clock says, and an empty feed
    // by the build time it is given.
    const dated = createFeeds([makeArticle({ date: '2025-02-03T04:05:06.000Z' })], SITE)
    expect(text(dated.atom, '/atom:feed/atom:updated')).toBe('2025-02-03T04:05:06.000Z')
    const now = new Date('2026-12-01T12:00:00Z')
    const { rss, atom } = createFeeds([], SITE, { now })
    expect(text(rss, '/rss/channel/lastBuildDate')).toBe('Tue, 01 Dec 2026 12:00:00 GMT')
    expect(text(atom, '/atom:feed/atom:updated')).toBe('2026-12-01T12:00:00.000Z')
  })

  it('feed writes RSS <author> with a bare name, where RSS requires an e-mail address', () => {
    const feed = rawFeed({ author: [{ name: 'Ada' }] })
    expect(text(feed.rss2(), '/rss/channel/item/author')).toBe('Ada')
    expect(() => validateRss(feed.rss2())).toThrow(/e-mail/)

    const { rss } = createFeeds([makeArticle({ authors: [{ name: 'Ada' }] })], SITE)
    expect(text(rss, 'count(/rss/channel/item/author)')).toBe('0')
    expect(text(rss, '/rss/channel/item/dc:creator')).toBe('Ada')
  })

  it('feed marks a guid that is the article URL as not a permalink', () => {
    const rss = rawFeed().rss2()
    expect(text(rss, 'string(/rss/channel/item/guid/@isPermaLink)')).toBe('false')

    const fixed = createFeeds([makeArticle()], SITE).rss
    expect(text(fixed, 'string(/rss/channel/item/guid/@isPermaLink)')).toBe('true')
  })

  it('feed guesses image types from the file extension ("image/jpg", "image/svg")', () => {
    const atom = rawFeed({ image: 'https://example.com/cover.jpg' }).atom1()
    expect(text(atom, "string(//atom:entry/atom:link[@rel='enclosure']/@type)")).toBe('image/jpg')

    const article = makeArticle({ image: '/cover.jpg' })
    const fixed = createFeeds([article], SITE, { cardImages: false })
    expect(text(fixed.atom, "string(//atom:entry/atom:link[@rel='enclosure']/@type)")).toBe(
      'image/jpeg',
    )
    expect(text(fixed.rss, 'string(//item/enclosure/@type)')).toBe('image/jpeg')
  })
})
