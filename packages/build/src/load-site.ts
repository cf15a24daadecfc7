import { readFileSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { ProblemError, parseSite, type Site, siteSchema } from '@dawnpress/core'
import { problemAt } from '@dawnpress/core/internal'
import { readSiteLogo, type SiteLogo } from './logo.ts'
import type { ResolvedConfig } from './resolve-config.ts'
import { shownPath } from './shown-path.ts'

/** A build's validated site settings, and where they came from. */
export interface LoadedSite {
  site: Site
  /** The folder `site.card.logo` is relative to: the site file's, else the project root. */
  siteDir: string
  /** The site file's bytes, or the inline settings as JSON, for the build's fingerprint. */
  source: string
  /** `card.logo`, checked and read; undefined when the site names none. */
  logo: SiteLogo | undefined
}

/**
 * Reads and validates the site settings of a build: `site.json`, the `site` object of the
 * config, or a default site named after the project folder. `siteUrl` (from `--site-url` or
 * `SITE_URL`) replaces the configured URL. Invalid settings are a configuration mistake:
 * a `ProblemError` with each problem at its line and column in the file.
 */
export function loadSite(config: ResolvedConfig): LoadedSite {
  const overrides = config.siteUrl ? { url: config.siteUrl } : {}
  const { site } = config
  if (site.kind === 'file') {
    const shown = shownPath(site.file)
    let text: string
    try {
      text = readFileSync(site.file, 'utf8')
    } catch (cause) {
      throw new ProblemError([
        problemAt(
          shown,
          'SITE_CONFIG',
          `The site config file could not be read (${(cause as NodeJS.ErrnoException).code ?? cause}).`,
          'Create it with "title", "description", "url", "language" and "author", or point "site" in the config at it.',
          { cause },
        ),
      ])
    }
    const result = parseSite(text, shown, overrides)
    if (!result.site) throw new ProblemError(result.problems)
    const siteDir = dirname(site.file)
    const logo = readSiteLogo(result.site, { shown, text, siteDir, root: config.root })
    return { site: result.site, siteDir, source: text, logo }
  }
  if (site.kind === 'inline') {
    const result = parseSite(
      JSON.stringify(site.settings),
      config.configFile ?? 'config',
      overrides,
    )
    if (!result.site) throw new ProblemError(result.problems)
    const logo = readSiteLogo(result.site, {
      shown: shownPath(config.configFile ?? 'config'),
      text: undefined,
      siteDir: config.root,
      root: config.root,
    })
    return {
      site: result.site,
      siteDir: config.root,
      source: JSON.stringify(site.settings),
      logo,
    }
  }
  const defaults = defaultSite(config.articlesDir, config.siteUrl)
  return { site: defaults, siteDir: config.root, source: JSON.stringify(defaults), logo: undefined }
}

/** The URL a site without settings gets: the dev server's, where `dawnpress dev` serves it. */
export const DEFAULT_SITE_URL = 'http://localhost:4321/'

/**
 * The site of a project without a site config: named after its content folder (the folder
 * above `articles/`), served from `siteUrl` or localhost. The one place these defaults are
 * made.
 */
export function defaultSite(articlesDir: string, siteUrl: string | undefined): Site {
  const folder = resolve(articlesDir)
  const name = basename(basename(folder) === 'articles' ? dirname(folder) : folder) || 'dawnpress'
  return siteSchema.parse({
    title: name,
    description: `Articles from ${name}.`,
    url: siteUrl ?? DEFAULT_SITE_URL,
    author: { name },
  })
}
