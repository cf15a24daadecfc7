import { describe, expect, it } from 'vitest'
import { isSlug, slugFromPath, slugify } from './slug.ts'
import { absoluteUrl, articlePath, cardPath, slugifyTag, tagPath } from './urls.ts'

describe('slugs', () => {
  it('slugifies text to lowercase [a-z0-9-] without accents', () => {
    expect(slugify('Café & Crème: 2025')).toBe('cafe-creme-2025')
    expect(slugify('  ../etc/passwd ')).toBe('etc-passwd')
    expect(slugify('___')).toBe('')
  })

  it('takes the slug from the file name only, not its folders', () => {
    expect(slugFromPath('2025/Hello World.md')).toBe('hello-world')
  })

  it('accepts only safe slugs', () => {
    expect(isSlug('hello-world-2')).toBe(true)
    for (const unsafe of ['a/b', '..', 'a..b', 'a b', 'Hello', 'a--b', '-a', 'a.b', '']) {
      expect(isSlug(unsafe)).toBe(false)
    }
  })
})

describe('URL helpers', () => {
  it('builds site-relative paths', () => {
    expect(articlePath('my-post')).toBe('/articles/my-post/')
    expect(cardPath('my-post')).toBe('/og/my-post.png')
    expect(tagPath('Machine Learning')).toBe('/tags/machine-learning/')
    expect(slugifyTag('!!!')).toBe('tag')
  })

  it('keeps the path of a base URL', () => {
    expect(absoluteUrl('https://example.com/blog', '/og/a.png')).toBe(
      'https://example.com/blog/og/a.png',
    )
    expect(absoluteUrl('https://example.com/', 'articles/a/')).toBe(
      'https://example.com/articles/a/',
    )
  })
  it('keeps a path whose first segment has a colon instead of reading it as a scheme', () => {
    expect(absoluteUrl('https://e.com/blog/', '/a:b/c.png')).toBe('https://e.com/blog/a:b/c.png')
  })
})
