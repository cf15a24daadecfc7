import { basename, relative, resolve } from 'node:path'
import {
  type Article,
  defineCollection,
  loadCollection,
  loadSite,
  type Problem,
  type Site,
  siteSchema,
} from '@dawnpress/core'
import { type ContentLayout, resolveContent } from './layout.ts'

/** Everything a command needs from the content folder. */
export interface LoadedContent {
  layout: ContentLayout
  site: Site
  articles: Article[]
  problems: Problem[]
}

/**
 * Loads the site config and every article. An invalid site config is a configuration
 * mistake (exit 2) and is thrown; content problems are returned.
 */
export async function loadContent(
  dir: string,
  options: { siteUrl?: string | undefined; drafts?: boolean } = {},
): Promise<LoadedContent> {
  const layout = resolveContent(dir)
  const siteUrl = options.siteUrl ?? process.env.SITE_URL
  const overrides = siteUrl ? { url: siteUrl } : {}
  const [siteResult, collection] = await Promise.all([
    layout.siteFile
      ? loadSite(relative(process.cwd(), layout.siteFile), overrides)
      : Promise.resolve({ site: defaultSite(layout.articlesDir, siteUrl), problems: [] }),
    loadCollection(
      defineCollection({ directory: layout.articlesDir, drafts: options.drafts ?? false }),
    ),
  ])
  if (!siteResult.site) throw new ConfigError(siteResult.problems)
  return {
    layout,
    site: siteResult.site,
    articles: collection.articles,
    problems: collection.problems,
  }
}

/** The site config is invalid: reported like content problems, but exits with 2. */
export class ConfigError extends Error {
  constructor(readonly problems: Problem[]) {
    super('The site configuration is invalid.')
    this.name = 'ConfigError'
  }
}

function defaultSite(articlesDir: string, siteUrl: string | undefined): Site {
  const name = basename(resolve(articlesDir, '..')) || 'dawnpress'
  return siteSchema.parse({
    title: name,
    description: `Articles from ${name}.`,
    url: siteUrl ?? 'http://localhost:4321/',
    author: { name },
  })
}
