import { basename, relative, resolve } from 'node:path'
import {
  type Article,
  defineCollection,
  hasErrors,
  loadCollection,
  loadSite,
  type Problem,
  type Site,
  siteSchema,
} from '@dawnpress/core'
import { type ContentLayout, resolveContent } from './layout.ts'
import { formatProblems, summarise } from './report.ts'

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
  const [site, collection] = await Promise.all([
    loadSiteConfig(layout, options.siteUrl),
    loadCollection(
      defineCollection({ directory: layout.articlesDir, drafts: options.drafts ?? false }),
    ),
  ])
  return { layout, site, articles: collection.articles, problems: collection.problems }
}

/**
 * Loads `site.json`, or makes a site config from the folder's name when there is none.
 * `siteUrl` (or `SITE_URL`) replaces the configured URL. Throws `ConfigError` when the
 * config is invalid.
 */
export async function loadSiteConfig(
  layout: ContentLayout,
  siteUrl = process.env.SITE_URL,
): Promise<Site> {
  if (!layout.siteFile) return defaultSite(layout.articlesDir, siteUrl)
  const result = await loadSite(
    relative(process.cwd(), layout.siteFile),
    siteUrl ? { url: siteUrl } : {},
  )
  if (!result.site) throw new ConfigError(result.problems)
  return result.site
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

/**
 * Loads the content for a command that writes output: prints every problem to stderr, and
 * returns the exit code instead of the content when there is a configuration mistake (2)
 * or a content error (1), after saying `whenStopped` (what was not written).
 */
export async function loadContentForOutput(
  dir: string,
  siteUrl: string | undefined,
  whenStopped: string,
): Promise<LoadedContent | number> {
  let loaded: LoadedContent
  try {
    loaded = await loadContent(dir, { siteUrl })
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    process.stderr.write(formatProblems(error.problems, process.stderr))
    return 2
  }
  const { articles, problems } = loaded
  if (problems.length > 0) process.stderr.write(formatProblems(problems, process.stderr))
  if (hasErrors(problems)) {
    process.stderr.write(`${summarise(problems, articles.length)}\n${whenStopped}\n`)
    return 1
  }
  return loaded
}
