import { fileURLToPath } from 'node:url'
import { defineCollection, loadCollection, loadSite, type Site } from '@dawnpress/core'
import type { SiteArticle } from '../src/types.ts'

/** The fixture blog: three articles (one hostile) and a site config with a base path. */
export const FIXTURE_DIR = fileURLToPath(new URL('./fixtures/blog/', import.meta.url))

/** Loads the fixture blog with @dawnpress/core, as a real build would. */
export async function loadFixture(): Promise<{ articles: SiteArticle[]; site: Site }> {
  const { articles, problems } = await loadCollection(
    defineCollection({ directory: `${FIXTURE_DIR}articles`, gitDates: false }),
  )
  const errors = problems.filter((problem) => problem.severity === 'error')
  if (errors.length > 0) throw new Error(`Fixture problems: ${JSON.stringify(errors)}`)
  const { site } = await loadSite(`${FIXTURE_DIR}site.json`)
  if (!site) throw new Error('The fixture site config is invalid.')
  return { articles, site }
}
