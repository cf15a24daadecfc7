import { fileURLToPath } from 'node:url'
import { defineCollection, loadCollection, loadSite, type Site } from '@dawnpress/core'
import type { SiteArticle } from '../src/types.ts'

/** The fixture blog: three articles (one hostile) and a site config with a base path. */
export const FIXTURE_DIR = fileURLToPath(new URL('./fixtures/blog/', import.meta.url))

/**
 * The fixture world: an Arabic article, a renamed one with level-1 headings and two authors,
 * and a plain one, on a site in en-GB with X handles.
 */
export const WORLD_DIR = fileURLToPath(new URL('./fixtures/world/', import.meta.url))

/** Loads a fixture folder (`articles/` and `site.json`) with @dawnpress/core, as a build would. */
export async function loadFixture(
  dir: string = FIXTURE_DIR,
): Promise<{ articles: SiteArticle[]; site: Site }> {
  const { articles, problems } = await loadCollection(
    defineCollection({ directory: `${dir}articles`, gitDates: false }),
  )
  const errors = problems.filter((problem) => problem.severity === 'error')
  if (errors.length > 0) throw new Error(`Fixture problems: ${JSON.stringify(errors)}`)
  const { site } = await loadSite(`${dir}site.json`)
  if (!site) throw new Error('The fixture site config is invalid.')
  return { articles, site }
}

/**
 * `count` copies of `article`, 20 days apart and newest first (from 2026-01-23 back), each with its own slug and
 * title: a long list for pagination.
 */
export function manyArticles(article: SiteArticle, count: number): SiteArticle[] {
  return Array.from({ length: count }, (_, index) => ({
    ...article,
    slug: `article-${count - index}`,
    title: `Article ${count - index}`,
    date: new Date(Date.UTC(2026, 0, 23) - index * 20 * 86_400_000).toISOString(),
  }))
}
