import { describe, expect, it } from 'vitest'
import { validateAtom, validateJsonFeed, validateRss, withXml } from '../test/support/validate.ts'

// The conformance suite trusts these validators; each must reject what it claims to.

const ATOM_FEED = (body: string, feedAuthor = '<author><name>A</name></author>') =>
  `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>https://example.com/atom.xml</id>
  <title>Site</title>
  <updated>2025-01-01T00:00:00Z</updated>
  ${feedAuthor}
  ${body}
</feed>`

const ENTRY = (inner: string) =>
  `<entry><id>https://example.com/a/</id><title>A</title><updated>2025-01-01T00:00:00Z</updated>${inner}</entry>`

describe('the strict XML parse', () => {
  it('rejects a control character, an undeclared prefix and a lone surrogate', () => {
    expect(() => withXml('<a>\u0001</a>', () => undefined)).toThrow()
    expect(() => withXml('<a><dc:creator>x</dc:creator></a>', () => undefined)).toThrow()
    expect(() => withXml('<a>\uD800</a>', () => undefined)).toThrow(/surrogate/)
  })
})

describe('the Atom validator', () => {
  it('accepts a minimal valid feed', () => {
    expect(() =>
      validateAtom(ATOM_FEED(ENTRY('<link href="https://example.com/a/"/>'))),
    ).not.toThrow()
  })

  it('rejects what the RFC 4287 grammar forbids', () => {
    const broken = [
      ATOM_FEED(ENTRY('<link href="https://example.com/a/"/>')).replace(
        '<id>https://example.com/atom.xml</id>',
        '',
      ),
      ATOM_FEED(ENTRY('<link href="https://example.com/a/"/>')).replace(
        'xml:lang="en"',
        'xml:lang="not a tag"',
      ),
      ATOM_FEED(ENTRY('<content type="html">x</content><summary type="bogus">y</summary>')),
      ATOM_FEED(ENTRY('<content>x</content><updated>2025-01-02T00:00:00Z</updated>')),
      ATOM_FEED(ENTRY('<content>x</content><published>yesterday</published>')),
      ATOM_FEED(ENTRY('<link rel="alternate"/>')),
    ]
    for (const feed of broken) expect(() => validateAtom(feed)).toThrow()
  })

  it('rejects an entry without an author when the feed has none', () => {
    expect(() => validateAtom(ATOM_FEED(ENTRY('<content>x</content>'), ''))).toThrow(/author/)
  })

  it('rejects an entry with neither an alternate link nor content', () => {
    expect(() =>
      validateAtom(ATOM_FEED(ENTRY('<link rel="enclosure" href="https://example.com/a.png"/>'))),
    ).toThrow(/alternate link or content/)
  })
})

describe('the RSS validator', () => {
  const RSS = (item: string) =>
    `<rss version="2.0"><channel><title>T</title><link>https://example.com/</link><description>D</description>${item}</channel></rss>`

  it('accepts a minimal valid feed', () => {
    expect(() => validateRss(RSS('<item><title>A</title></item>'))).not.toThrow()
  })

  it('rejects an author that is not an e-mail address, and a date that is not RFC 822', () => {
    expect(() => validateRss(RSS('<item><title>A</title><author>Ada</author></item>'))).toThrow()
    expect(() =>
      validateRss(RSS('<item><title>A</title><pubDate>2025-01-01</pubDate></item>')),
    ).toThrow(/RFC 822/)
  })

  it('rejects a channel without a description', () => {
    expect(() => validateRss(RSS('').replace('<description>D</description>', ''))).toThrow()
  })
})

describe('the JSON Feed validator', () => {
  const FEED = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'T',
    items: [{ id: '1', content_html: '<p>x</p>' }],
  }

  it('accepts a minimal valid feed', () => {
    expect(() => validateJsonFeed(JSON.stringify(FEED))).not.toThrow()
  })

  it('rejects a missing title, an unknown field, a bad URL and a lone surrogate escape', () => {
    const { title: _title, ...untitled } = FEED
    expect(() => validateJsonFeed(JSON.stringify(untitled))).toThrow()
    expect(() => validateJsonFeed(JSON.stringify({ ...FEED, colour: 'red' }))).toThrow()
    expect(() => validateJsonFeed(JSON.stringify({ ...FEED, feed_url: 'not a url' }))).toThrow()
    expect(() => validateJsonFeed(JSON.stringify({ ...FEED, title: '\uD800' }))).toThrow(
      /surrogate/,
    )
  })
})
