import { describe, expect, it } from 'vitest'
import { findActiveContent } from '../test/support/read.ts'
import { prepareContentHtml, resolveSrcset, resolveUrl } from './html.ts'

const SITE_URL = 'https://example.com/blog/'
const PAGE = 'https://example.com/blog/articles/post/'

describe('resolveUrl', () => {
  it.each([
    ['img.png', `${PAGE}img.png`],
    ['../other/', 'https://example.com/blog/articles/other/'],
    ['/about/', 'https://example.com/blog/about/'],
    ['/a:b/c.png', 'https://example.com/blog/a:b/c.png'],
    ['#notes', `${PAGE}#notes`],
    ['?page=2', `${PAGE}?page=2`],
    ['', PAGE],
    ['  spaced.png \n', `${PAGE}spaced.png`],
    ['//cdn.example.org/x.png', 'https://cdn.example.org/x.png'],
    ['/\\evil.example/x', 'https://evil.example/x'],
    ['https://example.org/a?b=1&c=2', 'https://example.org/a?b=1&c=2'],
    ['mailto:ada@example.org', 'mailto:ada@example.org'],
  ])('resolves %j to %j', (value, expected) => {
    expect(resolveUrl(value, PAGE, SITE_URL)).toBe(expected)
  })

  it('gives undefined for what is not a URL', () => {
    expect(resolveUrl('http://[bad', PAGE, SITE_URL)).toBeUndefined()
  })
})

describe('resolveSrcset', () => {
  it('resolves every candidate and keeps its descriptor', () => {
    expect(resolveSrcset('a.png 1x,/b.png   2x , https://x.org/c.png 640w', PAGE, SITE_URL)).toBe(
      `${PAGE}a.png 1x, https://example.com/blog/b.png 2x, https://x.org/c.png 640w`,
    )
  })

  it('keeps commas inside URLs and handles candidates without descriptors', () => {
    expect(resolveSrcset('a,b.png 1x, c.png, d.png', PAGE, SITE_URL)).toBe(
      `${PAGE}a,b.png 1x, ${PAGE}c.png, ${PAGE}d.png`,
    )
  })

  it('gives undefined when no candidate resolves', () => {
    expect(resolveSrcset(' , ', PAGE, SITE_URL)).toBeUndefined()
  })
})

describe('prepareContentHtml', () => {
  it('drops an attribute whose URL cannot be resolved', () => {
    expect(prepareContentHtml('<a href="http://[bad">x</a>', PAGE, SITE_URL)).toBe('<a>x</a>')
  })

  it('resolves URLs in entity-encoded attributes and re-encodes them', () => {
    expect(prepareContentHtml('<a href="p?a=1&amp;b=2">x</a>', PAGE, SITE_URL)).toBe(
      `<a href="${PAGE}p?a=1&amp;b=2">x</a>`,
    )
  })

  it('removes script and event handlers even when they survive a first parse', () => {
    const html = prepareContentHtml(
      '<div><img src=x onerror=alert(1)><noscript><p title="</noscript><img src=x onerror=alert(2)>"></noscript></div>',
      PAGE,
      SITE_URL,
    )
    expect(findActiveContent(html)).toEqual([])
    expect(html).toContain('<img src="https://example.com/blog/articles/post/x" />')
  })

  it('keeps what the renderer allowed through the extended allow-list, and nothing more', () => {
    const allow = {
      iframe: {
        attributes: ['src'],
        require: {
          src: {
            pattern: /^https:\/\/www\.youtube-nocookie\.com\/embed\//,
            description: 'a YouTube embed URL',
          },
        },
      },
    }
    const video = '<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>'
    const other = '<iframe src="https://evil.example/"></iframe>'
    expect(prepareContentHtml(video, PAGE, SITE_URL)).toBe('')
    expect(prepareContentHtml(`${video}${other}`, PAGE, SITE_URL, allow)).toBe(video)
  })
})
