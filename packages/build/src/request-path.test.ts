import { describe, expect, it } from 'vitest'
import { toSitePath } from './request-path.ts'

describe('toSitePath', () => {
  it('maps folders to their index.html and keeps file paths', () => {
    expect(toSitePath('/')).toBe('/index.html')
    expect(toSitePath('/articles/a/?utm=x')).toBe('/articles/a/index.html')
    expect(toSitePath('/rss.xml#top')).toBe('/rss.xml')
    expect(toSitePath('/articles/a')).toBe('/articles/a')
    expect(toSitePath('/a%20b.png')).toBe('/a b.png')
  })

  it.each([
    '/../etc/passwd',
    '/articles/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2fetc%2fpasswd',
    '/a/%2E%2E/b',
    '/a\\..\\b',
    '/a%5c..%5cb',
    '/a%00.html',
    '/%E0%A4%A',
    'relative',
  ])('rejects %s, which could name a file outside the site', (url) => {
    expect(toSitePath(url)).toBeUndefined()
  })
})
