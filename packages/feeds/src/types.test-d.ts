import type { Article, ArticleFrontmatter } from '@dawnpress/core'
import { describe, expectTypeOf, it } from 'vitest'
import type { FeedArticle } from './index.ts'
import { createFeedFiles, createFeeds } from './index.ts'

describe('FeedArticle', () => {
  it('is satisfied by core articles, extended frontmatter included', () => {
    expectTypeOf<Article>().toExtend<FeedArticle>()
    expectTypeOf<Article<ArticleFrontmatter & { series: string }>>().toExtend<FeedArticle>()
  })

  it('asks for no more than what feeds use', () => {
    const minimal = {
      slug: 'a',
      title: 'A',
      description: 'D',
      html: '<p>x</p>',
      authors: [],
      tags: [],
    }
    expectTypeOf(minimal).toExtend<FeedArticle>()
    const { slug: _slug, ...withoutSlug } = minimal
    expectTypeOf(withoutSlug).not.toExtend<FeedArticle>()
  })

  it('is accepted by both entry points as a read-only list', () => {
    expectTypeOf(createFeeds).parameter(0).toEqualTypeOf<readonly FeedArticle[]>()
    expectTypeOf(createFeedFiles).parameter(0).toEqualTypeOf<readonly FeedArticle[]>()
  })
})
