import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { CardArticle } from './article.ts'
import type { CardFont } from './fonts.ts'
import type { CardSite, CardTemplate } from './template.ts'
import type { CardWarning } from './warnings.ts'

/** What every worker is started with. */
export interface WorkerSetup {
  site: CardSite
  siteDir: string
  fonts: CardFont[]
  /** A `file:` URL of a module exporting `template` (or a default export); none for the default. */
  templateModule: string | undefined
}

/** One card to draw and where to store it. */
export interface CardJob {
  article: CardArticle
  /** The cache file to write, `<cacheDir>/<key>.png`. */
  file: string
}

/** The answer to a job. */
export type WorkerReply = { warnings: CardWarning[] } | { error: string }

/** Imports a template module and returns its `template` export (or its default export). */
export async function importTemplate(specifier: string): Promise<CardTemplate> {
  const moduleUrl = toModuleUrl(specifier)
  const module = (await import(moduleUrl)) as { template?: unknown; default?: unknown }
  const template = module.template ?? module.default
  if (typeof template !== 'function') {
    throw new Error(
      `The card template module ${moduleUrl} exports no "template" function. Export one: export const template: CardTemplate = (article, context) => ...`,
    )
  }
  return template as CardTemplate
}

/** A module path relative to the working directory, or a `file:` URL, as a `file:` URL. */
export function toModuleUrl(specifier: string): string {
  return specifier.startsWith('file:') ? specifier : pathToFileURL(resolve(specifier)).href
}
