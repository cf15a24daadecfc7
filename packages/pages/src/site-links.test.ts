import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import { resolveSiteLinks } from './site-links.ts'

describe('resolveSiteLinks', () => {
  it('makes site paths relative to the page, keeping fragments and queries', () => {
    const html = resolveSiteLinks(
      '<p><a href="/about/">About</a> <a href="/tags/ai/#top">AI</a> <img src="/img/a.png?v=2" alt=""></p>',
      '/articles/a/',
    )
    const root = parse(html)
    expect(root.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
      '../../about/',
      '../../tags/ai/#top',
    ])
    expect(root.querySelector('img')?.getAttribute('src')).toBe('../../img/a.png?v=2')
  })

  it('leaves absolute, protocol-relative and page-relative URLs alone', () => {
    const html =
      '<a href="https://example.org/x">x</a><a href="//cdn.example/y">y</a><a href="z/">z</a><a href="#s">s</a>'
    expect(resolveSiteLinks(html, '/articles/a/')).toBe(html)
  })

  it('rewrites each site path of a srcset', () => {
    const html = resolveSiteLinks(
      '<img srcset="/a.png 1x, https://x.example/b.png 2x" alt="">',
      '/articles/a/',
    )
    expect(parse(html).querySelector('img')?.getAttribute('srcset')).toBe(
      '../../a.png 1x, https://x.example/b.png 2x',
    )
  })
})
