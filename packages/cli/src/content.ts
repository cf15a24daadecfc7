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
