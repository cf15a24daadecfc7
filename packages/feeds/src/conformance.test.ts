import { afterEach, describe, expect, it, vi } from 'vitest'
import { articleUrl, loadArticles, makeArticle, SITE } from '../test/support/articles.ts'
import {
  type FeedFormat,
  FORMATS,
  findActiveContent,
  htmlToText,
  type ReadFeed,
} from '../test/support/read.ts'
import { withXml, XPATH_NAMESPACES } from '../test/support/validate.ts'
import { createFeeds } from './index.ts'
import type { FeedArticle, FeedOptions } from './types.ts'

/** Renders one format, checks it against its schema, and reads it back with feedsmith. */
function render(
  format: FeedFormat,
  articles: readonly FeedArticle[],
  options?: FeedOptions,
): { text: string; feed: ReadFeed } {
  const text = format.pick(createFeeds(articles, SITE, options))
  format.validate(text)
  return { text, feed: format.read(text) }
}

/** The one item a feed of one article holds. */
function readOnly(format: FeedFormat, article: FeedArticle) {
  const { feed } = render(format, [article])
  expect(feed.items).toHaveLength(1)
  const [item] = feed.items
  if (!item) throw new Error('No item.')
  return item
}

afterEach(() => {
  vi.useRealTimers()
})

describe.each(FORMATS)('$name', (format) => {
  describe('conformance', () => {
    it('is valid for the fixture articles parsed by core', () => {
      const { feed } = render(format, loadArticles())
      expect(feed.items).toHaveLength(3)
    })

    it('reads back the same titles, links, ids and dates for every item with feedsmith', () => {
      const articles = loadArticles()
      const { feed } = render(format, articles)
      const expected = [...articles]
        .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
        .map((article) => ({
          id: articleUrl(article.slug),
          url: articleUrl(article.slug),
          title: article.title,
          published: article.date,
          updated: format.name === 'RSS 2.0' ? undefined : (article.updated ?? article.date),
        }))
      expect(
        feed.items.map(({ id, url, title, published, updated }) => ({
          id,
          url,
          title,
          published,
          updated,
        })),
      ).toEqual(expected)
    })

    it('reads back the same titles, links, ids and dates with a second, unrelated parser', () => {
      const { text, feed } = render(format, loadArticles())
      expect(format.crossRead(text)).toEqual(
        feed.items.map((item) => ({
          id: item.id,
          url: item.url,
          title: item.title,
          published: item.published,
        })),
      )
    })

    it('keeps the item id when the title changes', () => {
      const article = makeArticle({ title: 'Before' })
      const before = readOnly(format, article)
      const after = readOnly(format, { ...article, title: 'After' })
      expect(after.title).toBe('After')
      expect(after.id).toBe(before.id)
      expect(after.id).toBe(articleUrl(article.slug))
    })

    it('carries the site title, description, home page and language', () => {
      const { feed } = render(format, loadArticles())
      expect(feed.title).toBe('Dawn')
      expect(feed.description).toBe('Essays on AI and the web.')
      expect(feed.homeUrl).toBe('https://example.com/blog/')
      expect(feed.language).toBe('en')
    })

    it('points its self link at its own file', () => {
      const { feed } = render(format, loadArticles())
      expect(feed.selfUrl).toBe(`https://example.com/blog/${format.file}`)
    })

    it('points its self link at a custom path', () => {
      const paths = { rss: '/feeds/main.rss', atom: '/feeds/main.atom', json: '/feeds/main.json' }
      const { feed } = render(format, loadArticles(), { paths })
      const key = format.file === 'rss.xml' ? 'rss' : format.file === 'atom.xml' ? 'atom' : 'json'
      expect(feed.selfUrl).toBe(`https://example.com/blog${paths[key]}`)
    })

    it('gives full content as HTML and the description as summary', () => {
      const item = readOnly(
        format,
        makeArticle({ description: 'A short summary.', html: '<p>Full <em>body</em>.</p>' }),
      )
      expect(item.summary).toBe('A short summary.')
      expect(item.contentHtml).toBe('<p>Full <em>body</em>.</p>')
    })

    it('credits the article authors, or the site author when the article names none', () => {
      const credited = readOnly(
        format,
        makeArticle({ authors: [{ name: 'Ada' }, { name: 'Alan', email: 'alan@example.org' }] }),
      )
      expect(credited.authors).toEqual(['Ada', 'Alan'])
      const { feed } = render(format, [makeArticle({ authors: [] })])
      const inherited = feed.items[0]?.authors.length ? feed.items[0].authors : feed.authors
      expect(inherited).toEqual(['Dawn Editors'])
    })

    it('carries tags as categories, each once', () => {
      const item = readOnly(format, makeArticle({ tags: ['AI', 'Web', 'AI'] }))
      expect(item.tags).toEqual(['AI', 'Web'])
    })

    it('uses the social card as the item image', () => {
      const article = makeArticle()
      expect(readOnly(format, article).image).toBe(
        `https://example.com/blog/og/${article.slug}.png`,
      )
    })

    it('uses the article image, resolved against the site, when card images are off', () => {
      const { feed } = render(format, [makeArticle({ image: '/covers/sea.jpg' })], {
        cardImages: false,
      })
      expect(feed.items[0]?.image).toBe('https://example.com/blog/covers/sea.jpg')
    })

    it('dates the feed by its newest item, whatever the time of the build', () => {
      const articles = [
        makeArticle({ date: '2025-01-01T00:00:00.000Z', updated: '2025-06-01T12:00:00.000Z' }),
        makeArticle({ date: '2025-03-01T00:00:00.000Z' }),
      ]
      vi.useFakeTimers()
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'))
      const first = render(format, articles)
      vi.setSystemTime(new Date('2031-07-15T08:00:00Z'))
      const second = render(format, articles)
      expect(second.text).toBe(first.text)
      if (format.name !== 'JSON Feed 1.1') {
        expect(first.feed.updated).toBe('2025-06-01T12:00:00.000Z')
      }
    })

    it('is byte-identical for the same articles, in any input order', () => {
      const articles = [
        ...loadArticles(),
        makeArticle({ date: '2025-02-10T08:00:00.000Z', slug: 'same-day' }),
      ]
      const first = format.pick(createFeeds(articles, SITE))
      expect(format.pick(createFeeds(articles, SITE))).toBe(first)
      expect(format.pick(createFeeds([...articles].reverse(), SITE))).toBe(first)
    })

    it('keeps only the newest items up to the limit', () => {
      const articles = Array.from({ length: 5 }, () => makeArticle())
      const newestFirst = [...articles].reverse().map((article) => articleUrl(article.slug))
      expect(render(format, articles, { limit: 2 }).feed.items.map((item) => item.id)).toEqual(
        newestFirst.slice(0, 2),
      )
    })

    it('keeps 50 items by default', () => {
      const articles = Array.from({ length: 55 }, () => makeArticle())
      expect(render(format, articles).feed.items).toHaveLength(50)
    })

    it('stays valid with no articles', () => {
      expect(render(format, []).feed.items).toEqual([])
    })

    it('leaves out articles without any date', () => {
      const dated = makeArticle()
      const { feed } = render(format, [dated, makeArticle({ date: undefined, updated: undefined })])
      expect(feed.items.map((item) => item.id)).toEqual([articleUrl(dated.slug)])
    })

    it('takes the title and description overrides of a narrower feed', () => {
      const { feed } = render(format, [makeArticle()], {
        title: 'Dawn: AI',
        description: 'Only AI.',
        link: '/tags/ai/',
      })
      expect(feed.title).toBe('Dawn: AI')
      expect(feed.description).toBe('Only AI.')
      expect(feed.homeUrl).toBe('https://example.com/blog/tags/ai/')
    })
  })

  describe('hostile input', () => {
    it('reads the title "Array<T> & AT&T" literally, not as markup', () => {
      const item = readOnly(format, makeArticle({ title: 'Array<T> & AT&T' }))
      expect(item.title).toBe('Array<T> & AT&T')
    })

    it('keeps & < > " \' in titles, summaries, tags, authors and the site title', () => {
      const text = `Tom & Jerry <b>"quoted"</b> 'single' a > b`
      const { feed } = render(
        format,
        [
          makeArticle({
            title: text,
            description: text,
            tags: [text],
            authors: [{ name: text }],
            html: `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
          }),
        ],
        { title: text },
      )
      const [item] = feed.items
      expect(feed.title).toBe(text)
      expect(item?.title).toBe(text)
      expect(item?.summary).toBe(text)
      expect(item?.tags).toEqual([text])
      expect(item?.authors).toEqual([text])
      expect(htmlToText(item?.contentHtml ?? '')).toBe(text)
    })

    it('keeps a literal "&amp;" as written', () => {
      const item = readOnly(
        format,
        makeArticle({ title: 'Write &amp; for &', description: 'Entities: &amp; &lt;' }),
      )
      expect(item.title).toBe('Write &amp; for &')
      expect(item.summary).toBe('Entities: &amp; &lt;')
    })

    it('keeps private-use characters like those of its placeholders (once "A text placeholder was altered")', () => {
      const text = 'a \uE000 b \uE0001\uE001 c \uE002 d'
      const { feed } = render(
        format,
        [makeArticle({ title: text, tags: [text], authors: [{ name: text }] })],
        { title: text },
      )
      const [item] = feed.items
      expect(feed.title).toBe(text)
      expect(item?.title).toBe(text)
      expect(item?.tags).toEqual([text])
      expect(item?.authors).toEqual([text])
    })

    it('keeps "]]>" appearing several times in title, summary and content', () => {
      const text = 'a ]]> b ]]> c ]]]]> d'
      const item = readOnly(
        format,
        makeArticle({ title: text, description: text, html: `<p>${text}</p><pre>]]></pre>` }),
      )
      expect(item.title).toBe(text)
      expect(item.summary).toBe(text)
      expect(htmlToText(item.contentHtml)).toBe(`${text}]]>`)
    })

    it('drops control characters that XML forbids', () => {
      const controls = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code))
        .filter((character) => !'\t\n\r'.includes(character))
        .join('')
      const item = readOnly(
        format,
        makeArticle({
          title: `Bell\u0007 and ${controls}null\u0000 \u007F\u0085\uFFFE\uFFFF end`,
          description: 'Form\u000Cfeed',
          html: '<p>Escape\u001B and &#1; and &#x0B; here</p>',
        }),
      )
      expect(item.title).toBe('Bell and null  end')
      expect(item.summary).toBe('Formfeed')
      expect(htmlToText(item.contentHtml)).toBe('Escape and  and  here')
    })

    it('replaces lone surrogates with U+FFFD and keeps paired ones', () => {
      const item = readOnly(
        format,
        makeArticle({
          title: 'High \uD800 low \uDC00 pair \uD83D\uDE00',
          description: 'Reversed \uDE00\uD83D',
          html: '<p>Lone \uDBFF and &#xD800;</p>',
        }),
      )
      expect(item.title).toBe('High \uFFFD low \uFFFD pair 😀')
      expect(item.summary).toBe('Reversed \uFFFD\uFFFD')
      expect(htmlToText(item.contentHtml)).toBe('Lone \uFFFD and \uFFFD')
    })

    it('keeps emoji, including joined and flag sequences', () => {
      const text = 'Ship it 🚀 👩🏽‍💻 🇳🇿 🏳️‍🌈 ⌚️ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢'
      const item = readOnly(
        format,
        makeArticle({ title: text, description: text, html: `<p>${text}</p>`, tags: ['🚀'] }),
      )
      expect(item.title).toBe(text)
      expect(item.summary).toBe(text)
      expect(htmlToText(item.contentHtml)).toBe(text)
      expect(item.tags).toEqual(['🚀'])
    })

    it('keeps right-to-left text and bidirectional controls', () => {
      const text = 'مرحبا بالعالم \u200Fשלום עולם\u200E \u202Eevil\u202C \u2067isolate\u2069'
      const item = readOnly(
        format,
        makeArticle({ title: text, description: text, html: `<p dir="rtl">${text}</p>` }),
      )
      expect(item.title).toBe(text)
      expect(item.summary).toBe(text)
      expect(htmlToText(item.contentHtml)).toBe(text)
      expect(item.contentHtml).toContain('dir="rtl"')
    })

    it('removes <script>, on* attributes and javascript: URLs from raw HTML', () => {
      const item = readOnly(
        format,
        makeArticle({
          html: [
            '<p onclick="steal()">Hello<script>alert(1)</script></p>',
            '<img src="a.png" onerror="alert(2)" alt="x">',
            '<a href="javascript:alert(3)" onmouseover="alert(4)">link</a>',
            '<svg onload="alert(5)"><script>alert(6)</script></svg>',
            '<iframe src="https://evil.example"></iframe>',
            '<scr<script>ipt>alert(7)</script>',
            '<p style="background:url(javascript:alert(8))">styled</p>',
          ].join(''),
        }),
      )
      expect(findActiveContent(item.contentHtml)).toEqual([])
      expect(htmlToText(item.contentHtml)).not.toMatch(/alert\([1-68]\)/)
      expect(htmlToText(item.contentHtml)).toContain('Hello')
      expect(item.contentHtml).toContain('<a>link</a>')
    })
  })

  describe('URLs in content', () => {
    it('makes href, src, srcset and poster absolute against a site with a path', () => {
      const article = loadArticles().find((entry) => entry.slug === 'relative-urls')
      if (!article) throw new Error('Missing fixture.')
      const { feed } = render(format, [article])
      const html = feed.items[0]?.contentHtml ?? ''
      const base = 'https://example.com/blog/'
      const page = `${base}articles/relative-urls/`
      for (const url of [
        `href="${base}articles/second-article/"`,
        `href="${base}about/"`,
        `href="${page}#notes"`,
        'href="https://example.org/page?a=1&amp;b=2"',
        `src="${page}diagram.png"`,
        `src="${base}img/wide.png"`,
        `srcset="${page}small.png 480w, ${base}img/large.png 1200w, https://cdn.example.org/x.png 2x"`,
        `src="${page}clip.mp4"`,
        `poster="${page}poster.jpg"`,
        'href="https://cdn.example.org/file.pdf"',
        `href="${page}notes.html"`,
        `href="${page}#user-content-fn-1"`,
      ]) {
        expect(html).toContain(url)
      }
      for (const [, value] of html.matchAll(/\s(?:href|src|poster)="([^"]*)"/g)) {
        expect(() => new URL(value ?? '')).not.toThrow()
      }
    })
  })
})

describe('format specifics', () => {
  const documents = () => createFeeds(loadArticles(), SITE)

  it('RSS declares the Atom namespace for its self link', () => {
    withXml(documents().rss, (document) => {
      expect(document.root.namespaces.atom).toBe(XPATH_NAMESPACES.atom)
      const self = document.find("/rss/channel/atom:link[@rel='self']", XPATH_NAMESPACES)
      expect(self.map((link) => link.eval('string(@href)'))).toEqual([
        'https://example.com/blog/rss.xml',
      ])
      expect(self[0]?.eval('string(@type)')).toBe('application/rss+xml')
    })
  })

  it('RSS puts content and authors in the content and Dublin Core namespaces', () => {
    withXml(documents().rss, (document) => {
      const item = "/rss/channel/item[link='https://example.com/blog/articles/second-article/']"
      expect(document.find(`${item}/content:encoded`, XPATH_NAMESPACES)).toHaveLength(1)
      expect(
        document.find(`${item}/dc:creator`, XPATH_NAMESPACES).map((node) => node.content),
      ).toEqual(['Ada Lovelace', 'Alan Turing'])
    })
  })

  it('Atom links itself with rel="self" and the site with rel="alternate"', () => {
    withXml(documents().atom, (document) => {
      const link = (rel: string) =>
        document.eval(`string(/atom:feed/atom:link[@rel='${rel}']/@href)`, XPATH_NAMESPACES)
      expect(link('self')).toBe('https://example.com/blog/atom.xml')
      expect(link('alternate')).toBe('https://example.com/blog/')
    })
  })

  it('JSON Feed is version 1.1 with feed_url, authors and language', () => {
    const feed = JSON.parse(documents().json)
    expect(Object.keys(feed).slice(0, 1)).toEqual(['version'])
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.feed_url).toBe('https://example.com/blog/feed.json')
    expect(feed.authors).toEqual([{ name: 'Dawn Editors', url: 'https://example.com/blog/about/' }])
    expect(feed.language).toBe('en')
    expect(feed.author).toBeUndefined()
    expect(feed.items.some((item: { author?: unknown }) => 'author' in item)).toBe(false)
  })
})
