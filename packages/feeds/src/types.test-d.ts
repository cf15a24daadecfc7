import type { Article, ArticleFrontmatter } from '@dawnpress/core'
import type { Feed, Item } from 'feed'
import { describe, expectTypeOf, it } from 'vitest'
import type {
  FeedArticle,
  FeedDocuments,
  FeedFilesOptions,
  FeedItem,
  FeedOptions,
} from './index.ts'
import { createFeed, createFeedFiles, createFeeds, renderFeed } from './index.ts'

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

describe('the feed model', () => {
  it('is feed’s own Feed, which renderFeed takes however it was built', () => {
    expectTypeOf(createFeed).returns.toEqualTypeOf<Feed>()
    expectTypeOf(renderFeed).parameter(0).toEqualTypeOf<Feed>()
    expectTypeOf(renderFeed).returns.toEqualTypeOf<FeedDocuments>()
  })

  it('has items that are feed’s Item with a language', () => {
    expectTypeOf<FeedItem>().toExtend<Item>()
    expectTypeOf<FeedItem['language']>().toEqualTypeOf<string | undefined>()
  })

  it('takes options of the documented types', () => {
    expectTypeOf<FeedOptions['content']>().toEqualTypeOf<'full' | 'summary' | undefined>()
    expectTypeOf<Map<string, number>>().toExtend<NonNullable<FeedOptions['cardSizes']>>()
    expectTypeOf<FeedFilesOptions['stylesheet']>().toEqualTypeOf<boolean | string | undefined>()
    // @ts-expect-error content is 'full' or 'summary'
    createFeed([], {} as never, { content: 'excerpt' })
  })
})
