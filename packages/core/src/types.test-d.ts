import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import type { Article, ArticleMeta } from './article.ts'
import { type CollectionResult, defineCollection, loadCollection } from './collection.ts'
import type { HtmlChangeCode } from './html-changes.ts'
import { createMarkdownRenderer, type Heading, type RenderedMarkdown } from './markdown.ts'
import { parseArticle } from './parse.ts'
import type { Problem, ProblemCode } from './problems.ts'
import type { ReadingTime } from './reading-time.ts'
import type { RenderNoteCode } from './render-notes.ts'
import { type SanitizedHtml, sanitizeHtml } from './sanitize.ts'
import { articleSchema, type Site, type siteSchema } from './schema.ts'

describe('types flow from the schema', () => {
  it('keeps an extended field typed through defineCollection and loadCollection', async () => {
    const schema = articleSchema.extend({ series: z.string(), part: z.number().optional() })
    const collection = defineCollection({ directory: 'content/articles', schema })
    const { articles, problems } = await loadCollection(collection)

    const [first] = articles
    expectTypeOf(articles.map((article) => article.series)).toEqualTypeOf<string[]>()
    expectTypeOf(first).toEqualTypeOf<Article<z.output<typeof schema>> | undefined>()
    if (first) {
      expectTypeOf(first.series).toEqualTypeOf<string>()
      expectTypeOf(first.part).toEqualTypeOf<number | undefined>()
      expectTypeOf(first.title).toEqualTypeOf<string>()
      // @ts-expect-error `subtitle` is not in the schema
      first.subtitle
    }
    expectTypeOf(problems).toEqualTypeOf<Problem[]>()
  })

  it('types parseArticle by the schema it is given', () => {
    const schema = articleSchema.extend({ series: z.string() })
    const { article } = parseArticle('', { file: 'a.md', schema })
    expectTypeOf(article?.series).toEqualTypeOf<string | undefined>()
    const plain = parseArticle('', { file: 'a.md' }).article
    // @ts-expect-error the default schema has no `series`
    plain?.series
  })

  it('accepts a schema of its own with the core fields, and refuses one without them', () => {
    const own = z.object({ title: z.string(), description: z.string(), rating: z.number() })
    expectTypeOf(defineCollection({ directory: 'x', schema: own })).toHaveProperty('schema')
    // @ts-expect-error a schema without `description` cannot drive a collection
    defineCollection({ directory: 'x', schema: z.object({ title: z.string() }) })
  })
})

describe('Article', () => {
  it('has the frontmatter and the computed fields', () => {
    expectTypeOf<Article>().toMatchTypeOf<{
      title: string
      description: string
      read_time?: string | undefined
      tags: string[]
      draft: boolean
      image?: string | undefined
      lang?: string | undefined
    }>()
    expectTypeOf<Article['slug']>().toEqualTypeOf<string>()
    expectTypeOf<Article['path']>().toEqualTypeOf<string>()
    expectTypeOf<Article['html']>().toEqualTypeOf<SanitizedHtml>()
    expectTypeOf<Article['excerpt']>().toEqualTypeOf<string>()
    expectTypeOf<Article['headings']>().toEqualTypeOf<Heading[]>()
    expectTypeOf<Article['readingTime']>().toEqualTypeOf<ReadingTime>()
    expectTypeOf<Article['date']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<Article['updated']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<Article['authors'][number]['name']>().toEqualTypeOf<string>()
  })

  it('replaces the raw author fields with the normalised authors list', () => {
    // `author` may be a string in frontmatter; the article's `authors` are always objects.
    expectTypeOf<Article['authors'][number]>().not.toBeString()
    expectTypeOf<ArticleMeta>().not.toHaveProperty('html')
    expectTypeOf<ArticleMeta>().toHaveProperty('excerpt')
  })

  it('gives CollectionResult the articles of its schema', () => {
    type Result = CollectionResult<typeof articleSchema>
    expectTypeOf<Result['articles']>().toEqualTypeOf<Article[]>()
  })
})

describe('Site', () => {
  it('is inferred from siteSchema', () => {
    expectTypeOf<Site>().toEqualTypeOf<z.output<typeof siteSchema>>()
    expectTypeOf<Site['url']>().toEqualTypeOf<string>()
    expectTypeOf<Site['author']['name']>().toEqualTypeOf<string>()
    expectTypeOf<Site['card']['accent']>().toEqualTypeOf<string | undefined>()
  })
})

describe('SanitizedHtml', () => {
  it('is what the renderer, sanitizeHtml and articles carry', () => {
    expectTypeOf<RenderedMarkdown['html']>().toEqualTypeOf<SanitizedHtml>()
    expectTypeOf(createMarkdownRenderer().render('x').html).toEqualTypeOf<SanitizedHtml>()
    expectTypeOf(sanitizeHtml('<p>x</p>')).toEqualTypeOf<SanitizedHtml>()
    expectTypeOf<Article['html']>().toEqualTypeOf<SanitizedHtml>()
  })

  it('reads as a string wherever a string is expected', () => {
    const html = sanitizeHtml('<p>x</p>')
    expectTypeOf(html).toExtend<string>()
    expectTypeOf(html.replace('x', 'y')).toEqualTypeOf<string>()
    const asText: string = html
    expectTypeOf(asText).toEqualTypeOf<string>()
  })

  it('comes with changes whose codes are problem codes', () => {
    expectTypeOf<HtmlChangeCode>().toExtend<ProblemCode>()
    expectTypeOf<RenderNoteCode>().toExtend<ProblemCode>()
    expectTypeOf<RenderedMarkdown['changes'][number]['code']>().toEqualTypeOf<RenderNoteCode>()
  })

  it('cannot be made from a plain string without a cast', () => {
    // @ts-expect-error a string is not known to be sanitised
    const forged: SanitizedHtml = '<p onclick="x()">x</p>'
    expectTypeOf<string>().not.toExtend<SanitizedHtml>()
    expectTypeOf(forged).toEqualTypeOf<SanitizedHtml>()
  })
})
