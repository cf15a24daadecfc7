import type { Feed } from 'feed'
import { DomUtils, parseDocument } from 'htmlparser2'
import { describe, expect, it } from 'vitest'
import { loadHostile } from '../test/support/articles.ts'
import {
  type FormatKey,
  READERS,
  type ReadBackItem,
  type ReadField,
} from '../test/support/parsers.ts'
import { findActiveContent } from '../test/support/read.ts'
import { createFeed, renderFeed } from './index.ts'
import type { FeedItem } from './types.ts'

// The hostile corpus, built as the site would build it, read back by every parser.
const NOW = new Date('2026-01-01T00:00:00Z')
const { site, articles } = loadHostile()
const feed = createFeed(articles, site, { now: NOW, stylesheet: '/feed.xsl' })
const documents = renderFeed(feed)

/** What each item of the model must read back as in one format. */
function expectedItems(model: Feed, format: FormatKey): ReadBackItem[] {
  // Every format says the same of every item, but RSS has no date of the last change.
  return (model.items as FeedItem[]).map((item) => {
    const authors = (item.author ?? []).map((author) => author.name ?? '')
    return {
      id: item.id ?? '',
      url: item.link,
      title: item.title,
      published: (item.published ?? item.date).toISOString(),
      ...(format !== 'rss' && { updated: item.date.toISOString() }),
      // An item that names nobody credits the feed's author: RSS writes it into each item.
      authors: authors.length > 0 ? authors : [model.options.author?.name ?? ''],
      tags: (item.category ?? []).map((category) => category.name ?? ''),
      summary: item.description ?? '',
      content: (item.content ?? '').trim(),
      image: typeof item.image === 'string' ? item.image : item.image?.url,
    }
  })
}

/**
 * The fields a reader reports; content as the HTML it parses to, written out again, since a
 * character reference (`&#xFFFD;`) and its character are the same HTML.
 */
function pick(items: readonly ReadBackItem[], fields: readonly ReadField[]) {
  return items.map((item) =>
    Object.fromEntries(
      fields.map((field) => [field, field === 'content' ? sameHtml(item.content) : item[field]]),
    ),
  )
}

function sameHtml(html: string): string {
  return DomUtils.getOuterHTML(parseDocument(html).children, { encodeEntities: 'utf8' })
}

describe('the model of the hostile corpus', () => {
  const bySlug = (slug: string) => {
    const item = (feed.items as FeedItem[]).find((entry) =>
      entry.link.endsWith(`/articles/${slug}/`),
    )
    if (!item) throw new Error(`No item for ${slug}.`)
    return item
  }

  it('holds the text the authors wrote, hostile text included', () => {
    expect(bySlug('cdata-twice').title).toBe('a ]]> b ]]> c ]]]]> d')
    expect(bySlug('literal-entities').title).toBe(
      'Write &amp; for & and &lt;script&gt; for <script>',
    )
    expect(bySlug('literal-entities').description).toBe(
      'Entities stay literal: &amp; &lt; &gt; &quot; &#38;',
    )
    expect(bySlug('script-title').title).toBe(
      '<script>alert(1)</script> Array<T> & AT&T <b>bold</b>',
    )
    expect(bySlug('rtl-and-emoji').title).toBe('مرحبا بالعالم 🚀 👩🏽‍💻 \u202Eevil\u202C 🇳🇿')
    expect(bySlug('replacement-characters').title).toBe('Broken \uFFFD text')
    expect(bySlug('literal-entities').author?.map((author) => author.name)).toEqual([
      'Tom & Jerry <toons>',
      'Grace "Amazing" Hopper',
    ])
  })

  it('titles an item by its slug when its title is nothing but control characters (regression: NotBlank)', () => {
    expect(bySlug('control-title').title).toBe('control-title')
    expect(bySlug('control-title').description).toBe('Bell and escape and DEL here')
  })

  it('lists each tag once, as the site spells it (regression: "AI" and "ai" were two categories)', () => {
    expect(bySlug('literal-entities').category?.map((category) => category.name)).toEqual([
      'AI',
      'Web',
    ])
    expect(bySlug('script-title').category?.map((category) => category.name)).toEqual([
      'AI',
      'C',
      'C++',
      'Web',
    ])
    expect(bySlug('cdata-twice').category?.map((category) => category.name)).toEqual(['C++', 'C#'])
  })

  it('leaves out the article scheduled after the build time', () => {
    expect(feed.items.some((item) => item.link.endsWith('/articles/scheduled/'))).toBe(false)
    expect(feed.items).toHaveLength(articles.length - 1)
  })
})

describe.each(READERS)('$parser reading $format', (reader) => {
  it('reads every field of every item exactly as the model holds it', async () => {
    const read = await reader.read(documents[reader.format])
    expect(pick(read, reader.fields)).toEqual(
      pick(expectedItems(feed, reader.format), reader.fields),
    )
  })

  it('finds nothing that could run in any item content, and the alt text whole', async () => {
    for (const item of await reader.read(documents[reader.format])) {
      expect(findActiveContent(item.content)).toEqual([])
      for (const image of DomUtils.findAll(
        (node) => node.name === 'img',
        parseDocument(item.content).children,
      )) {
        expect(Object.keys(image.attribs).sort()).toEqual(expect.not.arrayContaining(['onerror']))
      }
    }
    const entities = (await reader.read(documents[reader.format])).find((item) =>
      item.url.endsWith('/literal-entities/'),
    )
    const image = DomUtils.findOne(
      (node) => node.name === 'img',
      parseDocument(entities?.content ?? '').children,
    )
    expect(image?.attribs.alt).toBe('He said "hi" onerror="alert(1)" & left')
    expect(DomUtils.textContent(parseDocument(entities?.content ?? ''))).toContain(
      '&lt;script&gt;alert("y")',
    )
  })
})

describe('the read-back suite', () => {
  it('has every field of every format read by at least three parsers', () => {
    for (const format of ['rss', 'atom', 'json'] as const) {
      const readers = READERS.filter((reader) => reader.format === format)
      const fields: ReadField[] = [
        'id',
        'url',
        'title',
        'published',
        'authors',
        'tags',
        'summary',
        'content',
        'image',
      ]
      for (const field of fields) {
        expect(
          readers.filter((reader) => reader.fields.includes(field)).length,
          `${format} ${field}`,
        ).toBeGreaterThanOrEqual(3)
      }
    }
  })
})
