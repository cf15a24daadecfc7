import { describe, expect, it } from 'vitest'
import { contentTypeFor } from './content-type.ts'

describe('contentTypeFor', () => {
  it.each([
    ['/index.html', 'text/html; charset=utf-8'],
    ['/rss.xml', 'application/rss+xml; charset=utf-8'],
    ['/tags/ai/atom.xml', 'application/atom+xml; charset=utf-8'],
    ['/feed.json', 'application/feed+json; charset=utf-8'],
    ['/sitemap.xml', 'application/xml; charset=utf-8'],
    ['/og/a.png', 'image/png'],
    ['/style.css', 'text/css; charset=utf-8'],
    ['/robots.txt', 'text/plain; charset=utf-8'],
    ['/unknown.bin', 'application/octet-stream'],
  ])('serves %s as %s', (path, type) => {
    expect(contentTypeFor(path)).toBe(type)
  })
})
