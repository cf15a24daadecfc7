import { isLanguageTag, slugifyTag } from '@dawnpress/core'
import { describe, expect, it } from 'vitest'
import { loadHostile } from '../test/support/articles.ts'
import { FORMATS } from '../test/support/read.ts'
import { withXml, XPATH_NAMESPACES } from '../test/support/validate.ts'
import { createFeedFiles } from './index.ts'

// What the W3C Feed Validation Service's rules found on the hostile corpus, as checks of
// our own (the README says how to run the rules themselves on a built site). Every file of
// the site, main and per tag, is checked.

const NOW = new Date('2026-01-01T00:00:00Z')
const { site, articles } = loadHostile()
const CARD_SIZES = new Map(articles.map((article, index) => [article.slug, 1000 + index]))
const files = createFeedFiles(articles, site, { now: NOW, cardSizes: CARD_SIZES })
const xmlFiles = files.filter((file) => /(?:rss|atom)\.xml$/.test(file.path))

/** Every element the XPath finds in every XML feed, as [file, text, element]. */
function everywhere(xpath: string) {
  return xmlFiles.flatMap((file) =>
    withXml(file.contents, (document) =>
      document.find(xpath, XPATH_NAMESPACES).map((node) => ({
        file: file.path,
        text: node.content,
        type: String(node.eval('string(@type)', XPATH_NAMESPACES)),
      })),
    ),
  )
}

const HTML_TEXT = [
  '//content:encoded',
  '//item/description',
  '//atom:content',
  "//atom:*[@type='html']",
].join('|')

describe('the hostile corpus, by the W3C validator rules', () => {
  it('is valid by each format schema, and writes no CDATA', () => {
    for (const file of files.filter((entry) => !entry.path.endsWith('.xsl'))) {
      FORMATS.find((format) => file.path.endsWith(format.file))?.validate(file.contents)
    }
    // An author's own "<![CDATA[" is text, escaped like any other.
    for (const file of xmlFiles) expect(file.contents, file.path).not.toContain('<![CDATA[')
  })

  it('escapes with hexadecimal character references only (regression: CharacterData, and "&amp;amp;" read as "&")', () => {
    for (const file of xmlFiles) {
      expect(file.contents, file.path).not.toMatch(/&(?:amp|lt|gt|quot|apos);/)
    }
  })

  it('has no blank title (regression: NotBlank for a title of control characters)', () => {
    const titles = everywhere('//item/title|//channel/title|//atom:title')
    expect(titles.length).toBeGreaterThan(0)
    for (const title of titles) expect(title.text.trim(), title.file).not.toBe('')
  })

  it('writes no end tag of a void element (regression: NotHtml for </source> and </wbr>)', () => {
    const html = everywhere(HTML_TEXT)
    expect(html.some((element) => element.text.includes('<source'))).toBe(true)
    for (const element of html) {
      expect(element.text, element.file).not.toMatch(/<\/(?:source|wbr|col|track|embed|param)>/i)
    }
  })

  it('holds U+FFFD only where plain text forces it: RSS titles (regression: BadCharacters)', () => {
    for (const element of everywhere(`${HTML_TEXT}|//atom:title|//atom:summary|//atom:subtitle`)) {
      expect(element.text, element.file).not.toContain('\uFFFD')
    }
    const rssTitles = everywhere('//item/title').filter((title) => title.text.includes('\uFFFD'))
    expect(rssTitles.map((title) => title.text)).toEqual([
      'Broken \uFFFD text',
      'Broken \uFFFD text',
    ])
  })

  it('declares HTML in Atom text that holds an end tag (regression: ContainsUndeclaredHTML)', () => {
    const plain = everywhere('//atom:title|//atom:summary|//atom:subtitle|//atom:rights').filter(
      (element) => element.type !== 'html',
    )
    expect(plain.length).toBeGreaterThan(0)
    for (const element of plain) expect(element.text, element.file).not.toMatch(/<\/[A-Za-z]/)
  })

  it('names its language with a BCP 47 tag (regression: InvalidLanguage)', () => {
    const tags = [
      ...everywhere('//channel/language').map((element) => element.text),
      ...xmlFiles.flatMap((file) =>
        withXml(file.contents, (document) =>
          document.find('//@xml:lang', XPATH_NAMESPACES).map((node) => node.content),
        ),
      ),
    ]
    expect(new Set(tags)).toEqual(new Set(['en-GB', 'ar']))
    for (const tag of tags) expect(isLanguageTag(tag)).toBe(true)
  })

  it('gives each item its categories once, and each tag one spelling in a feed', () => {
    for (const file of xmlFiles) {
      withXml(file.contents, (document) => {
        const spellings = new Map<string, Set<string>>()
        for (const item of document.find('//item|//atom:entry', XPATH_NAMESPACES)) {
          const names = item
            .find('category|atom:category/@term', XPATH_NAMESPACES)
            .map((node) => node.content)
          const slugs = names.map(slugifyTag)
          expect(new Set(slugs).size, file.path).toBe(slugs.length)
          for (const [index, name] of names.entries()) {
            const slug = slugs[index] as string
            spellings.set(slug, new Set([...(spellings.get(slug) ?? []), name]))
          }
        }
        for (const [slug, names] of spellings) expect(names.size, `${file.path} ${slug}`).toBe(1)
      })
    }
  })

  it('dates nothing after the build time and nothing in 1970 (regression: ImplausibleDate)', () => {
    const dates = everywhere('//pubDate|//lastBuildDate|//atom:updated|//atom:published').map(
      (element) => new Date(element.text).getTime(),
    )
    expect(dates.length).toBeGreaterThan(0)
    for (const date of dates) {
      expect(date).toBeLessThanOrEqual(NOW.getTime())
      expect(date).toBeGreaterThan(Date.UTC(2000, 0, 1))
    }
  })

  it('gives each card enclosure the size of the card', () => {
    const lengths = xmlFiles.flatMap((file) =>
      withXml(file.contents, (document) =>
        document
          .find("//enclosure|//atom:link[@rel='enclosure']", XPATH_NAMESPACES)
          .map((node) => ({
            url: String(node.eval('string(@url|@href)', XPATH_NAMESPACES)),
            length: Number(node.eval('string(@length)', XPATH_NAMESPACES)),
          })),
      ),
    )
    expect(lengths.length).toBeGreaterThan(0)
    for (const { url, length } of lengths) {
      const slug = /\/og\/(.+)\.png$/.exec(url)?.[1] ?? ''
      expect(length, url).toBe(CARD_SIZES.get(slug))
    }
  })
})
