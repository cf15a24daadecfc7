import type { Article, ArticleMeta, Site } from '@dawnpress/core'
import type { JSX } from 'satori/jsx/jsx-runtime'
import { describe, expectTypeOf, it } from 'vitest'
import type {
  CardArticle,
  CardContext,
  CardNode,
  CardSite,
  CardTemplate,
  CardTextElement,
  CardWarning,
} from './index.ts'
import { createCardRenderer, renderCard, writeCards } from './index.ts'

type SatoriJsxElement = JSX.Element

describe('public types', () => {
  it("accept core's Article and ArticleMeta as card articles", () => {
    expectTypeOf<Article>().toExtend<CardArticle>()
    expectTypeOf<ArticleMeta>().toExtend<CardArticle>()
  })

  it("accept core's Site as the card site", () => {
    expectTypeOf<Site>().toExtend<CardSite>()
  })

  it('type a template by the article it is given', () => {
    const template: CardTemplate<Article> = (article) => article.authors[0]?.name ?? null
    expectTypeOf(template).returns.toEqualTypeOf<CardNode | Promise<CardNode>>()
    // @ts-expect-error a template for articles with authors cannot draw any card article
    const narrow: CardTemplate<CardArticle> = template
    void narrow
  })

  it('return PNG bytes and warnings', () => {
    expectTypeOf(renderCard).returns.toEqualTypeOf<Promise<Uint8Array>>()
    expectTypeOf(createCardRenderer({ site: { title: 'T' } }).warnings).toEqualTypeOf<
      readonly CardWarning[]
    >()
    expectTypeOf(writeCards).returns.resolves.toHaveProperty('removed').toEqualTypeOf<number>()
  })

  it("give context.text()'s element a place in satori's JSX and in React's", () => {
    expectTypeOf<CardTextElement>().toExtend<SatoriJsxElement>()
    expectTypeOf<CardTextElement>().toExtend<CardNode>()
    expectTypeOf<CardContext['text']>().returns.resolves.toHaveProperty('shaped').toBeBoolean()
  })

  it('reject a card article without a title', () => {
    const untitled = { slug: 'a', description: '', readingTime: { minutes: 1 } }
    // @ts-expect-error title is required
    void renderCard(untitled, { site: { title: 'T' } })
  })
})
