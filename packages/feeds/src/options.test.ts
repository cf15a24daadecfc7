import { describe, expect, it } from 'vitest'
import { articleUrl, makeArticle, SITE } from '../test/support/articles.ts'
import { READERS } from '../test/support/parsers.ts'
import { FORMATS } from '../test/support/read.ts'
import { withXml, XPATH_NAMESPACES } from '../test/support/validate.ts'
import { createFeedFiles, createFeeds } from './index.ts'
import type { FeedOptions } from './types.ts'

const NOW = new Date('2026-01-01T00:00:00Z')

function read(articles: Parameters<typeof createFeeds>[0], options: FeedOptions = {}) {
  const documents = createFeeds(articles, SITE, { now: NOW, ...options })
  return FORMATS.map((format) => {
    const text = format.pick(documents)
    format.validate(text)
    return { format: format.name, text, feed: format.read(text) }
  })
}

describe("content: 'summary'", () => {
  it('leaves the content out and keeps the description, in every format', () => {
    const article = makeArticle({ description: 'Just <the> gist.', html: '<p>The whole body.</p>' })
    for (const { format, text, feed } of read([article], { content: 'summary' })) {
      expect(text, format).not.toContain('The whole body')
      expect(feed.items[0]?.contentHtml, format).toBe('')
    }
    const [rss, atom, json] = read([article], { content: 'summary' })
    expect(rss?.feed.items[0]?.summary).toBe('Just <the> gist.')
    expect(atom?.feed.items[0]?.summary).toBe('Just <the> gist.')
    expect(JSON.parse(json?.text ?? '').items[0].content_text).toBe('Just <the> gist.')
  })

  it('never reads the article HTML', () => {
    const article = makeArticle()
    Object.defineProperty(article, 'html', {
      get: () => {
        throw new Error('html was read')
      },
    })
    expect(() => createFeeds([article], SITE, { now: NOW, content: 'summary' })).not.toThrow()
  })
})

describe('card images', () => {
  it('give each enclosure the size of its card', () => {
    const article = makeArticle({ slug: 'sized' })
    const [rss, atom, json] = read([article], { cardSizes: new Map([['sized', 4321]]) })
    withXml(rss?.text ?? '', (document) => {
      expect(document.eval('string(//enclosure/@length)')).toBe('4321')
    })
    withXml(atom?.text ?? '', (document) => {
      expect(document.eval("string(//atom:link[@rel='enclosure']/@length)", XPATH_NAMESPACES)).toBe(
        '4321',
      )
    })
    expect(JSON.parse(json?.text ?? '').items[0].image).toBe(
      'https://example.com/blog/og/sized.png',
    )
  })

  it('are left out when there is no card for the article (regression: enclosures of cards never built)', () => {
    for (const { format, feed } of read([makeArticle()], { cardSizes: new Map() })) {
      expect(feed.items[0]?.image, format).toBeUndefined()
    }
  })

  it('give way to the article image when turned off', () => {
    for (const { format, feed } of read([makeArticle({ image: 'cover.webp' })], {
      cardImages: false,
    })) {
      expect(feed.items[0]?.image, format).toMatch(/\/articles\/article-\d+\/cover\.webp$/)
    }
  })
})

describe('now', () => {
  it('leaves out articles scheduled after it, and dates an empty feed with it (regression: 1970)', () => {
    const past = makeArticle({ date: '2025-12-31T23:59:59.000Z' })
    const future = makeArticle({ date: '2026-01-01T00:00:01.000Z' })
    for (const { format, feed } of read([past, future])) {
      expect(
        feed.items.map((item) => item.id),
        format,
      ).toEqual([articleUrl(past.slug)])
    }
    const [rss, atom] = read([future])
    expect(rss?.feed.updated).toBe(NOW.toISOString())
    expect(atom?.feed.updated).toBe(NOW.toISOString())
  })

  it('is the clock when not given, so scheduled articles stay out of an unconfigured feed', () => {
    const future = makeArticle({ date: '2999-01-01T00:00:00.000Z' })
    expect(JSON.parse(createFeeds([future], SITE).json).items).toEqual([])
  })
})

describe('timeZone', () => {
  it('reads a date without a time as the start of that day there', () => {
    const article = makeArticle({ date: '2025-01-15' })
    const dated = (timeZone?: string) =>
      JSON.parse(createFeeds([article], SITE, { now: NOW, timeZone }).json).items[0].date_published
    expect(dated()).toBe('2025-01-15T00:00:00.000Z')
    expect(dated('Pacific/Auckland')).toBe('2025-01-14T11:00:00.000Z')
    expect(dated('America/New_York')).toBe('2025-01-15T05:00:00.000Z')
  })

  it("is the site's time zone unless the options name one", () => {
    const article = makeArticle({ date: '2025-01-15' })
    const site = { ...SITE, timeZone: 'Pacific/Auckland' }
    const dated = (timeZone?: string) =>
      JSON.parse(createFeeds([article], site, { now: NOW, timeZone }).json).items[0].date_published
    expect(dated()).toBe('2025-01-14T11:00:00.000Z')
    expect(dated('UTC')).toBe('2025-01-15T00:00:00.000Z')
  })

  it('throws for a time zone that is not one', () => {
    expect(() => createFeeds([], SITE, { timeZone: 'Mars/Olympus' })).toThrow(RangeError)
  })
})

describe('itemUrl', () => {
  it('links and identifies each item by the URL it gives, a site path or absolute', () => {
    const article = makeArticle({ slug: 'own' })
    for (const { format, feed } of read([article], {
      itemUrl: (entry) => `/posts/${entry.slug}.html`,
    })) {
      expect(feed.items[0]?.url, format).toBe('https://example.com/blog/posts/own.html')
      expect(feed.items[0]?.id, format).toBe('https://example.com/blog/posts/own.html')
    }
    const elsewhere = read([article], { itemUrl: () => 'https://elsewhere.example/own' })
    expect(elsewhere[0]?.feed.items[0]?.url).toBe('https://elsewhere.example/own')
    expect(() => createFeeds([article], SITE, { itemUrl: () => 'javascript:alert(1)' })).toThrow(
      TypeError,
    )
  })
})

describe('logo and icon', () => {
  it('are the RSS image, the Atom logo and icon, and the JSON Feed icon and favicon', () => {
    const [rss, atom, json] = read([makeArticle()], {
      logo: '/logo.png',
      icon: 'https://cdn.example/icon.png',
    })
    withXml(rss?.text ?? '', (document) => {
      expect(document.eval('string(/rss/channel/image/url)')).toBe(
        'https://example.com/blog/logo.png',
      )
      expect(document.eval('string(/rss/channel/image/title)')).toBe('Dawn')
      expect(document.eval('string(/rss/channel/image/link)')).toBe('https://example.com/blog/')
    })
    withXml(atom?.text ?? '', (document) => {
      expect(document.eval('string(/atom:feed/atom:logo)', XPATH_NAMESPACES)).toBe(
        'https://example.com/blog/logo.png',
      )
      expect(document.eval('string(/atom:feed/atom:icon)', XPATH_NAMESPACES)).toBe(
        'https://cdn.example/icon.png',
      )
    })
    const feed = JSON.parse(json?.text ?? '')
    expect([feed.icon, feed.favicon]).toEqual([
      'https://example.com/blog/logo.png',
      'https://cdn.example/icon.png',
    ])
  })
})

describe('the stylesheet', () => {
  it('is named in RSS and Atom relative to each feed, and changes nothing a parser reads', async () => {
    const articles = [makeArticle({ tags: ['Web'] }), makeArticle({ tags: ['Web'] })]
    const plain = createFeedFiles(articles, SITE, { now: NOW, stylesheet: false })
    const styled = createFeedFiles(articles, SITE, { now: NOW })
    const file = (files: typeof plain, path: string) =>
      files.find((entry) => entry.path === path)?.contents ?? ''
    expect(file(styled, 'rss.xml')).toContain('<?xml-stylesheet href="feed.xsl" type="text/xsl"?>')
    expect(file(styled, 'tags/web/atom.xml')).toContain(
      '<?xml-stylesheet href="../../feed.xsl" type="text/xsl"?>',
    )
    expect(file(styled, 'feed.json')).toBe(file(plain, 'feed.json'))
    expect(styled.map((entry) => entry.path)).toContain('feed.xsl')
    expect(plain.map((entry) => entry.path)).not.toContain('feed.xsl')
    for (const reader of READERS.filter((entry) => entry.format !== 'json')) {
      for (const path of [`${reader.format}.xml`, `tags/web/${reader.format}.xml`]) {
        expect(await reader.read(file(styled, path)), `${reader.parser} ${path}`).toEqual(
          await reader.read(file(plain, path)),
        )
      }
    }
  })

  it('is a well-formed XSLT 1.0 stylesheet that loads nothing', () => {
    const xsl =
      createFeedFiles([], SITE, { now: NOW }).find((entry) => entry.path === 'feed.xsl')
        ?.contents ?? ''
    withXml(xsl, (document) => {
      expect(document.root.name).toBe('stylesheet')
      expect(document.eval('string(/*/@version)')).toBe('1.0')
      expect(
        document.find('//*[@src]|//*[local-name()="link"]|//*[local-name()="script"]'),
      ).toEqual([])
      expect(document.find('//*[@disable-output-escaping]')).toEqual([])
    })
  })
})
