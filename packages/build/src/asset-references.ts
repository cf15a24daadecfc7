import { createHash } from 'node:crypto'
import { realpathSync } from 'node:fs'
import { extname, isAbsolute, join, posix, relative, sep } from 'node:path'
import { articlePath, type Problem, slugify } from '@dawnpress/core'
import { type ArticleReference, problemAt } from '@dawnpress/core/internal'
import type { BuildFile } from './load-content.ts'
import { shownPath } from './shown-path.ts'

/** Where the files an article names are copied in the output. */
export const ASSETS_FOLDER = 'assets'

/** The extensions of images browsers show, and the ones dawnpress makes WebP variants of. */
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg'])

/** What one reference of an article resolved to. */
export type Resolution =
  | { kind: 'article'; url: string }
  | { kind: 'asset'; url: string; asset: AssetSource }

/** A file beside the articles that an article names: copied under a content-hashed name. */
export interface AssetSource {
  /** Path relative to the articles folder, with `/`. */
  file: string
  /** SHA-256 of its bytes. */
  hash: string
  /** The site path it is copied to: `/assets/<name>.<hash>.<ext>`. */
  path: string
  /** True for an image a browser shows (PNG, JPEG, GIF, WebP, AVIF, SVG). */
  image: boolean
}

/** The references of one article, resolved. */
export interface ResolvedReferences {
  /** By URL as the HTML holds it; a reference with a problem is left out. */
  urls: Map<string, Resolution>
  /** The frontmatter's cover image, when it names a file. */
  cover: AssetSource | undefined
}

/**
 * A digest of what an article's references point at: each URL, the file it names and that
 * file's bytes. Computed from the hashes the fingerprint already took, so it costs nothing
 * to check whether a reused article's rewritten HTML still holds.
 */
export function referencesDigest(
  references: readonly ArticleReference[],
  articleFile: string,
  hashes: ReadonlyMap<string, string>,
): string {
  const digest = createHash('sha256')
  for (const reference of references) {
    const target = targetOf(reference.url, articleFile)
    const hash = target.file === undefined ? 'none' : (hashes.get(target.file) ?? 'missing')
    digest.update(`${reference.kind}\0${reference.url}\0${target.file ?? ''}\0${hash}\0`)
  }
  return digest.digest('base64url')
}

/**
 * Resolves every reference of every article file: a link to another article's file to that
 * article's page, any other file (an image, a download) to its content-hashed copy under
 * `/assets/`. A file that does not exist, lies outside the articles folder (or links out of
 * it), or is named as an image without being one is an error at its place; a link to an
 * article readers cannot see yet is a warning.
 */
export function resolveReferences(input: {
  articlesDir: string
  files: readonly BuildFile[]
  /** SHA-256 of every file under the articles folder, by path relative to it. */
  hashes: ReadonlyMap<string, string>
  /** The articles this build publishes: a link to any other is a warning. */
  published: ReadonlySet<object>
}): { byFile: Map<string, ResolvedReferences>; problems: Problem[] } {
  const byFile = new Map<string, ResolvedReferences>()
  const problems: Problem[] = []
  const articles = new Map(input.files.map((file) => [file.stored.file, file]))
  let realArticlesDir: string | undefined
  for (const file of input.files) {
    const references = file.stored.references
    if (references === undefined || file.article === undefined) continue
    const shown = shownPath(join(input.articlesDir, file.stored.file))
    const report = (
      reference: ArticleReference,
      code: Problem['code'],
      message: string,
      hint: string,
      severity: Problem['severity'] = 'error',
    ) => {
      problems.push({
        ...problemAt(shown, code, message, hint, {
          line: reference.line,
          column: reference.column,
          path: reference.field === undefined ? [] : [reference.field],
        }),
        severity,
      })
    }
    const resolved: ResolvedReferences = { urls: new Map(), cover: undefined }
    for (const reference of references) {
      const target = targetOf(reference.url, file.stored.file)
      const what = reference.kind === 'image' ? 'image' : 'file'
      if (target.file === undefined) {
        report(
          reference,
          target.outside ? 'ASSET_OUTSIDE_CONTENT' : 'ASSET_MISSING',
          target.outside
            ? `The ${what} "${reference.url}" is outside the articles folder, where dawnpress publishes nothing from.`
            : `The ${what} "${reference.url}" is not a file name dawnpress can read.`,
          target.outside
            ? `Move it into the articles folder (${shownPath(input.articlesDir)}), for example beside the article, and link it from there.`
            : 'Write the path of a file beside the article, such as ./images/diagram.png.',
        )
        continue
      }
      const hash = input.hashes.get(target.file)
      if (hash === undefined) {
        const hidden = target.file.split('/').some((segment) => segment.startsWith('.'))
        report(
          reference,
          reference.kind === 'link' && isArticleFile(target.file)
            ? 'LINK_TARGET_MISSING'
            : 'ASSET_MISSING',
          `The ${reference.kind === 'link' && isArticleFile(target.file) ? 'article' : what} "${reference.url}" does not exist: there is no ${shownPath(join(input.articlesDir, target.file))}.`,
          hidden
            ? 'Files and folders whose names start with "." are never published: rename it.'
            : 'Check the spelling and the folder (the path is relative to the article); a link to a page of the site starts with "/".',
        )
        continue
      }
      realArticlesDir ??= realpathSync(input.articlesDir)
      if (!isInsideReal(join(input.articlesDir, target.file), realArticlesDir)) {
        report(
          reference,
          'ASSET_OUTSIDE_CONTENT',
          `The ${what} "${reference.url}" is a link to a file outside the articles folder, where dawnpress publishes nothing from.`,
          'Copy the file into the articles folder instead of linking to it.',
        )
        continue
      }
      if (reference.kind === 'link' && isArticleFile(target.file)) {
        const linked = articles.get(target.file)
        // A file with errors reports them itself; its page cannot be known.
        if (linked?.article === undefined) continue
        const article = linked.article.article
        if (!input.published.has(linked.article)) {
          report(
            reference,
            'LINK_TARGET_UNPUBLISHED',
            `"${reference.url}" links to "${article.title}", which this build does not publish (${article.draft ? 'a draft' : 'not dated yet, or scheduled'}), so the link leads nowhere until it is.`,
            'Publish both together, or link to it once it is out.',
            'warning',
          )
        }
        resolved.urls.set(reference.url, {
          kind: 'article',
          url: `${articlePath(article.slug)}${target.fragment}`,
        })
        continue
      }
      const image = IMAGE_EXTENSIONS.has(extname(target.file).toLowerCase())
      if (reference.kind === 'image' && !image) {
        report(
          reference,
          'IMAGE_UNSUPPORTED',
          `"${reference.url}" is not an image browsers show: dawnpress takes PNG, JPEG, GIF, WebP, AVIF and SVG.`,
          'Convert it to one of them (PNG for diagrams and screenshots, JPEG for photographs).',
        )
        continue
      }
      const asset: AssetSource = {
        file: target.file,
        hash,
        path: assetPath(target.file, hash),
        image,
      }
      if (reference.field === 'image') resolved.cover = asset
      else
        resolved.urls.set(reference.url, {
          kind: 'asset',
          url: `${asset.path}${target.fragment}`,
          asset,
        })
    }
    byFile.set(file.stored.file, resolved)
  }
  return { byFile, problems }
}

/** The site path of an asset: `/assets/diagram.3f9a0c21d4.png`, named by its bytes. */
export function assetPath(file: string, hash: string): string {
  const extension = extname(file).toLowerCase()
  const stem = slugify(posix.basename(file, extname(file))) || 'file'
  return `/${ASSETS_FOLDER}/${stem}.${hash.slice(0, 10)}${extension}`
}

function isArticleFile(file: string): boolean {
  return /\.(md|markdown)$/i.test(file)
}

/**
 * The file a relative URL names, relative to the articles folder, and its fragment; no file
 * for a URL that leaves the folder (`outside`) or cannot be decoded.
 */
function targetOf(
  url: string,
  articleFile: string,
): { file?: string; fragment: string; outside?: boolean } {
  const hashAt = url.indexOf('#')
  const fragment = hashAt === -1 ? '' : url.slice(hashAt)
  const path = (hashAt === -1 ? url : url.slice(0, hashAt)).replace(/\?.*$/, '')
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return { fragment }
  }
  if (decoded === '' || decoded.includes('\0') || decoded.includes('\\')) return { fragment }
  const file = posix.normalize(posix.join(posix.dirname(articleFile), decoded))
  if (file === '..' || file.startsWith('../') || posix.isAbsolute(file)) {
    return { fragment, outside: true }
  }
  return { file, fragment }
}

/** Whether a file, its links followed, is inside a folder (given as its real path). */
function isInsideReal(path: string, realDir: string): boolean {
  try {
    const rel = relative(realDir, realpathSync(path))
    return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
  } catch {
    return false
  }
}
