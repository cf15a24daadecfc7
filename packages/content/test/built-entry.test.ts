import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type BuiltEntryRun,
  ENTRY_MODES,
  expectEntry,
  runBuiltEntry,
} from '../../../test/built-entry.ts'

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url))

const CHECKS = {
  articles: 'return pkg.articles',
  loadArticle: `
    const article = await pkg.loadArticle(pkg.articles[0].slug)
    return { slug: article.slug, title: article.title, html: article.html }`,
  lightEntries: `
    const { loadPage } = await load('@dawnpress/content/pages')
    const { loadArticle } = await load('@dawnpress/content/article')
    const { summaries } = await load('@dawnpress/content/summaries')
    const { tags } = await load('@dawnpress/content/tags')
    const [latest] = (await loadPage(1)).articles
    const article = await loadArticle(latest.slug)
    return { latest, summaries, tags, article: { slug: article.slug, title: article.title, html: article.html } }`,
}

describe.each(ENTRY_MODES)('@dawnpress/content, loaded with $title', (mode) => {
  let run: BuiltEntryRun
  beforeAll(async () => {
    run = await runBuiltEntry(PACKAGE_DIR, mode, CHECKS)
  })

  it('resolves to the built file of its format', () => {
    expectEntry(run, PACKAGE_DIR, mode)
  })

  it('lists the articles without their bodies', () => {
    const articles = run.value('articles') as { slug: string; title: string }[]
    expect(articles.map((article) => article.slug)).toContain('the-dawn-of-large-language-models')
    expect(articles.every((article) => !('html' in article))).toBe(true)
  })

  it('loads an article body on demand', () => {
    const [first] = run.value('articles') as { slug: string; title: string }[]
    const article = run.value('loadArticle') as { slug: string; title: string; html: string }
    expect(article).toMatchObject({ slug: first?.slug, title: first?.title })
    expect(article.html).toMatch(/^<h1 id="[a-z0-9-]+">/)
  })

  it('gives the same articles through the light entries, in the same format', () => {
    const [first] = run.value('articles') as { slug: string; title: string; tags: string[] }[]
    const light = run.value('lightEntries') as {
      latest: Record<string, unknown>
      summaries: unknown[]
      tags: { slug: string }[]
      article: { slug: string; html: string }
    }
    expect(light.latest).toMatchObject({
      slug: first?.slug,
      title: first?.title,
      tags: first?.tags,
    })
    expect(light.latest).not.toHaveProperty('excerpt')
    expect(light.summaries).toHaveLength((run.value('articles') as unknown[]).length)
    expect(light.tags.length).toBeGreaterThan(0)
    expect(light.article).toEqual(run.value('loadArticle'))
  })
})
