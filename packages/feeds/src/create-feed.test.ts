import { Feed } from 'feed'
import { describe, expect, it } from 'vitest'
import { articleUrl, loadArticles, makeArticle, SITE } from '../test/support/articles.ts'
import { FORMATS } from '../test/support/read.ts'
import { validateAtom, validateRss, withXml, XPATH_NAMESPACES } from '../test/support/validate.ts'
import { createFeed, createFeeds, renderFeed } from './index.ts'
import type { FeedItem } from './types.ts'

const NOW = new Date('2026-01-01T00:00:00Z')

/** Checks all three documents against their schemas and reads them with feedsmith. */
function renderAll(feed: Feed) {
  const documents = renderFeed(feed)
  return Object.fromEntries(
    FORMATS.map((format) => {
      const text = format.pick(documents)
      format.validate(text)
      return [format.file, format.read(text)]
    }),
  )
}

describe('createFeed', () => {
  it('gives a feed Feed whose items, authors, categories and image are the articles', () => {
    const feed = createFeed(loadArticles(), SITE, { now: NOW })
    expect(feed).toBeInstanceOf(Feed)
    expect(feed.options).toMatchObject({
      id: 'https://example.com/blog/atom.xml',
      title: 'Dawn',
      link: 'https://example.com/blog/',
      language: 'en',
      feedLinks: {
        rss: 'https://example.com/blog/rss.xml',
        atom: 'https://example.com/blog/atom.xml',
        json: 'https://example.com/blog/feed.json',
      },
      author: { name: 'Dawn Editors', link: 'https://example.com/blog/about/' },
    })
    const item = feed.items.find((entry) => entry.link === articleUrl('second-article'))
    expect(item).toMatchObject({
      id: articleUrl('second-article'),
      title: 'Second article',
      description: 'The second article, by two authors.',
      author: [{ name: 'Ada Lovelace' }, { name: 'Alan Turing', email: 'alan@example.org' }],
      category: [
        { name: 'AI', term: 'AI' },
        { name: 'Machine Learning', term: 'Machine Learning' },
      ],
      image: { url: 'https://example.com/blog/og/second-article.png', type: 'image/png' },
    })
    expect(item?.date).toEqual(new Date('2025-02-10T08:00:00.000Z'))
  })

  it('renders to the same documents as createFeeds', () => {
    const articles = loadArticles()
    expect(renderFeed(createFeed(articles, SITE, { now: NOW }))).toEqual(
      createFeeds(articles, SITE, { now: NOW }),
    )
  })
})

describe('a Feed extended with feed’s own API', () => {
  function extended() {
    const feed = createFeed([makeArticle({ slug: 'mine', title: 'Mine' })], SITE, { now: NOW })
    const item: FeedItem = {
      title: 'Elsewhere: a ]]> b ]]> & <i>',
      link: 'https://example.org/elsewhere?a=1&b=2',
      date: new Date('2025-06-01T00:00:00Z'),
      description: 'Plain text with Array<T> & \u0007',
      content: '<p>Hello <em>there</em> ]]> ]]></p>',
      author: [{ name: 'Guest & co', link: 'https://guest.example/' }],
      contributor: [{ name: 'Editor' }],
      category: [{ name: 'Guest posts', term: 'guest', scheme: 'https://example.org/tags' }],
      audio: { url: 'https://example.org/episode.mp3', length: 1234, duration: 61 },
      language: 'fr',
      extensions: [
        {
          name: 'media:content',
          objects: { _attributes: { url: 'https://example.org/a.jpg', medium: 'image' } },
        },
      ],
    }
    feed.addItem(item)
    feed.addCategory('Technology & <Science>')
    feed.addContributor({ name: 'Helper' })
    feed.addExtension({ name: 'sy:updatePeriod', objects: { _text: 'daily' } })
    return feed
  }

  it('stays valid in all three formats and reads back what was added', () => {
    const read = renderAll(extended())
    for (const file of ['rss.xml', 'atom.xml', 'feed.json']) {
      const item = read[file]?.items.find((entry) => entry.url.includes('elsewhere'))
      expect(item?.title, file).toBe('Elsewhere: a ]]> b ]]> & <i>')
      expect(item?.contentHtml, file).toBe('<p>Hello <em>there</em> ]]> ]]></p>')
      expect(item?.authors, file).toEqual(['Guest & co'])
      expect(item?.tags, file).toEqual(file === 'atom.xml' ? ['guest'] : ['Guest posts'])
    }
    expect(
      read['feed.json']?.items.find((entry) => entry.url.includes('elsewhere'))?.language,
    ).toBe('fr')
  })

  it('writes categories, contributors, the audio enclosure and extensions in their place', () => {
    const { rss, atom, json } = renderFeed(extended())
    withXml(rss, (document) => {
      expect(document.eval('string(/rss/channel/category)')).toBe('Technology & <Science>')
      expect(
        document.eval('string(/rss/channel/sy:updatePeriod)', {
          sy: 'http://purl.org/rss/1.0/modules/syndication/',
        }),
      ).toBe('daily')
      const item = "/rss/channel/item[contains(link, 'elsewhere')]"
      expect(document.eval(`string(${item}/enclosure/@type)`)).toBe('audio/mpeg')
      expect(document.eval(`string(${item}/enclosure/@length)`)).toBe('1234')
      expect(
        document.eval(`string(${item}/media:content/@url)`, {
          media: 'http://search.yahoo.com/mrss/',
        }),
      ).toBe('https://example.org/a.jpg')
    })
    withXml(atom, (document) => {
      expect(document.eval('string(/atom:feed/atom:contributor/atom:name)', XPATH_NAMESPACES)).toBe(
        'Helper',
      )
      const entry = "/atom:feed/atom:entry[contains(atom:id, 'elsewhere')]"
      expect(document.eval(`string(${entry}/@xml:lang)`, XPATH_NAMESPACES)).toBe('fr')
      expect(document.eval(`string(${entry}/atom:contributor/atom:name)`, XPATH_NAMESPACES)).toBe(
        'Editor',
      )
      expect(document.eval(`string(${entry}/atom:category/@scheme)`, XPATH_NAMESPACES)).toBe(
        'https://example.org/tags',
      )
    })
    const item = JSON.parse(json).items.find((entry: { url: string }) =>
      entry.url.includes('elsewhere'),
    )
    expect(item.attachments).toEqual([
      {
        url: 'https://example.org/episode.mp3',
        mime_type: 'audio/mpeg',
        size_in_bytes: 1234,
        duration_in_seconds: 61,
      },
    ])
    expect(item['_media:content']).toEqual({
      _attributes: { url: 'https://example.org/a.jpg', medium: 'image' },
    })
  })

  it('is what feed’s own serialisers cannot write: a second "]]>" breaks their XML', () => {
    const feed = extended()
    expect(() => validateRss(feed.rss2())).toThrow()
    expect(() => validateAtom(feed.atom1())).toThrow()
    expect(JSON.parse(feed.json1()).version).toBe('https://jsonfeed.org/version/1')
  })

  it('refuses an extension prefix that has no namespace, rather than write broken XML', () => {
    const feed = extended()
    feed.addExtension({ name: 'mine:thing', objects: { _text: 'x' } })
    expect(() => renderFeed(feed)).toThrow(/prefix "mine"/)
    const declared = extended()
    declared.addExtension({
      name: 'mine:thing',
      objects: { _attributes: { 'xmlns:mine': 'https://example.org/ns' }, _text: 'x' },
    })
    expect(() => validateRss(renderFeed(declared).rss)).not.toThrow()
  })

  it('refuses an item link that is not an absolute URL', () => {
    const feed = createFeed([], SITE, { now: NOW })
    feed.addItem({ title: 'Broken', link: '/relative', date: NOW })
    expect(() => renderFeed(feed)).toThrow(/absolute URL/)
  })

  it('renders a Feed made from scratch, dated by its newest item', () => {
    const feed = new Feed({
      title: 'Scratch',
      link: 'https://scratch.example/',
      id: 'https://scratch.example/',
    })
    feed.addItem({
      title: 'One',
      link: 'https://scratch.example/1',
      date: new Date('2025-03-03T00:00:00Z'),
    })
    const read = renderAll(feed)
    expect(read['atom.xml']?.updated).toBe('2025-03-03T00:00:00.000Z')
    expect(read['rss.xml']?.items.map((item) => item.authors)).toEqual([['Scratch']])
  })
})
