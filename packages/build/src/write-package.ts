import { closeSync, existsSync, openSync, readSync } from 'node:fs'
import { join } from 'node:path'
import { GENERATED_HEADER } from '@dawnpress/bundle'
import { type Article, type ArticleSchema, absoluteUrl } from '@dawnpress/core'
import { compareStrings } from '@dawnpress/core/internal'
import type { BuildArticle } from './articles-json.ts'
import { ASSETS_FOLDER } from './asset-references.ts'
import type { LoadedSite } from './load-site.ts'
import { assertReplaceableOutput, OUTPUT_MARKER, stageOutput } from './output-folder.ts'
import { createDirectorySink } from './output-sink.ts'
import type { ResolvedConfig } from './resolve-config.ts'
import { absolutizeAssets } from './rewrite-references.ts'

/** The first bytes of a file, or '' when it cannot be read. */
function readHead(file: string): string {
  try {
    const fd = openSync(file, 'r')
    try {
      const buffer = Buffer.alloc(128)
      return buffer.toString('utf8', 0, readSync(fd, buffer, 0, 128, 0))
    } finally {
      closeSync(fd)
    }
  } catch {
    return ''
  }
}

/** An article as the package carries it: the URLs of its copied files absolute. */
function withAbsoluteAssets(article: Article, siteUrl: string): Article {
  const html = absolutizeAssets(article.html, siteUrl)
  const image = article.image?.startsWith(`/${ASSETS_FOLDER}/`)
    ? absoluteUrl(siteUrl, article.image)
    : article.image
  if (html === article.html && image === article.image) return article
  return { ...article, html, image }
}

/** Files written at once. */
const BATCH = 256

/**
 * Writes the typed content package of a build, by stage and swap like the site. A folder
 * with a `package.json` that dawnpress did not write (a package of the repository, say)
 * keeps it: only its `dist/` is replaced. Any other folder (new, empty, or written by
 * dawnpress before) becomes a complete package: `package.json`, `README.md` and `dist/`.
 * Returns the folder it replaced and how many files it wrote.
 */
export async function writePackageOutput(
  config: ResolvedConfig,
  site: LoadedSite,
  articles: readonly BuildArticle[],
): Promise<{ dir: string; files: number }> {
  const options = config.outputs.package
  if (options === false) throw new TypeError('The config has no package output.')
  const ownManifest =
    existsSync(join(options.dir, 'package.json')) && !existsSync(join(options.dir, OUTPUT_MARKER))
  const target = ownManifest ? join(options.dir, 'dist') : options.dir
  assertReplaceableOutput(target, {
    root: config.root,
    content: [config.articlesDir],
    cacheDir: config.cacheDir,
    option: ownManifest ? 'outputs.package.dir (its dist/)' : 'outputs.package.dir',
    isOurs: (dir) => readHead(join(dir, 'index.js')).startsWith(GENERATED_HEADER),
  })
  // Loaded only now: most builds write no package.
  const { renderContentPackage } = await import('@dawnpress/bundle')
  const files = renderContentPackage({
    articles: articles.map((entry) => withAbsoluteAssets(entry.article, site.site.url)),
    site: site.site,
    schema: config.schema as ArticleSchema,
    manifest: ownManifest ? undefined : { name: options.name, version: options.version },
  })
    .map((file) => (ownManifest ? { ...file, path: file.path.replace(/^dist\//, '') } : file))
    .sort((a, b) => compareStrings(a.path, b.path))
  // A package's dist/ is published as it is: it carries no marker, only generated files.
  const staged = await stageOutput(target, { marker: !ownManifest })
  try {
    const sink = createDirectorySink(staged.dir)
    for (let start = 0; start < files.length; start += BATCH) {
      await sink.write(files.slice(start, start + BATCH))
    }
    await staged.commit()
  } catch (error) {
    await staged.abort()
    throw error
  }
  return { dir: target, files: files.length }
}
