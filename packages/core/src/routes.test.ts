import { describe, expect, it } from 'vitest'
import {
  absoluteUrl,
  articlePath,
  cardPath,
  homePagePath,
  listPagePath,
  pageCount,
  SITE_PATHS,
  slugifyTag,
  tagPagePath,
  tagPath,
} from './routes.ts'
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

  it('keeps the first page of a list at its own path and numbers the others under it, with no page/1/', () => {
    expect(homePagePath(1)).toBe('/')
    expect(homePagePath(2)).toBe('/page/2/')
    expect(tagPagePath('Machine Learning', 1)).toBe('/tags/machine-learning/')
    expect(tagPagePath('Machine Learning', 12)).toBe('/tags/machine-learning/page/12/')
    expect(() => listPagePath('/', 0)).toThrow(RangeError)
    expect(() => listPagePath('/', 1.5)).toThrow(RangeError)
  })

  it('counts at least one page, even for an empty list', () => {
    expect([pageCount(0, 10), pageCount(10, 10), pageCount(11, 10)]).toEqual([1, 1, 2])
  })

  it('gives the two indexes their own paths, beside the articles and tags under them', () => {
    expect(SITE_PATHS.articles).toBe('/articles/')
    expect(SITE_PATHS.tags).toBe('/tags/')
    expect(articlePath('a').startsWith(SITE_PATHS.articles)).toBe(true)
  })
})
