import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { UsageError } from './usage.ts'

/** Where a publication's files are. */
export interface ContentLayout {
  /** The folder of Markdown articles. */
  articlesDir: string
  /** `site.json`, when the folder has one. */
  siteFile: string | undefined
}

/**
 * Finds the articles and site config of `--content DIR`: `DIR/articles` and `DIR/site.json`
 * when they exist, else `DIR` itself is the folder of articles, so that any folder of
 * Markdown files can be checked and built.
 */
export function resolveContent(dir: string): ContentLayout {
  const root = resolve(dir)
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new UsageError(`The content folder "${dir}" does not exist.`, 'Pass --content DIR.')
  }
  const articles = join(root, 'articles')
  const siteFile = join(root, 'site.json')
  return {
    articlesDir: existsSync(articles) && statSync(articles).isDirectory() ? articles : root,
    siteFile: existsSync(siteFile) ? siteFile : undefined,
  }
}
