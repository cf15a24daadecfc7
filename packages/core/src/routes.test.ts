import { describe, expect, it } from 'vitest'
import { absoluteUrl, articlePath, cardPath, slugifyTag, tagPath } from './routes.ts'
import { slugify } from './slug.ts'

describe('URL helpers', () => {
  it('builds site-relative paths', () => {
    expect(articlePath('my-post')).toBe('/articles/my-post/')
    expect(cardPath('my-post')).toBe('/og/my-post.png')
    expect(tagPath('Machine Learning')).toBe('/tags/machine-learning/')
    expect(tagPath('C#')).toBe('/tags/c-sharp/')
  })

  it('gives tags and articles one slug rule (regression: "Café & Crème" was cafe-creme as an article and café--crème as a tag)', () => {
    expect(slugifyTag('Café & Crème')).toBe('cafe-creme')
    expect(slugifyTag('Café & Crème')).toBe(slugify('Café & Crème'))
    expect(tagPath('❤️')).toBe('/tags/u2764/')
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
