import { join } from 'node:path'
import type { Article, Problem } from '@dawnpress/core'
import { type ArticleReference, problemAt } from '@dawnpress/core/internal'
import type { BuildArticle } from './articles-json.ts'
import {
  type AssetSource,
  type ResolvedReferences,
  referencesDigest,
  resolveReferences,
} from './asset-references.ts'
import type { ImageStore } from './images.ts'
import type { BuildContent, BuildFile, PreviousContent } from './load-content.ts'
import { type PlacedImage, rewriteReferences } from './rewrite-references.ts'
import { shownPath } from './shown-path.ts'

/** The files a build copies for its articles, and how their images are shown. */
export interface ArticleAssets {
  /** Site path → the file it is copied from (an original, or a WebP variant in the cache). */
  files: Map<string, string>
  /** Site path of an image → its size and variants, for pages (a cover) and cards. */
  images: Map<string, PlacedImage & { file: string }>
  /** By article: its cover image's file and SHA-256, for its card. */
  covers: Map<object, { file: string; hash: string }>
}

/**
 * The last build's files without those whose rewritten HTML no longer holds: an article
 * whose references now point at other bytes (an image changed, a linked article moved) is
 * parsed again, so that it is rewritten from its own HTML.
 */
export function withoutStaleReferences(
  previous: PreviousContent | undefined,
  hashes: ReadonlyMap<string, string>,
): PreviousContent | undefined {
  if (previous === undefined) return undefined
  let kept: Map<string, BuildFile> | undefined
  for (const [file, entry] of previous) {
    const { references, referencesDigest: stored } = entry.stored
    if (references === undefined) continue
    if (referencesDigest(references, file, hashes) === stored) continue
    kept ??= new Map(previous)
    kept.delete(file)
  }
  return kept ?? previous
}

/**
 * Resolves the references of every article, reporting what is missing, and measures the
 * images (a file that is not the image its name says is found here). When `write`, also
 * makes their variants and rewrites the HTML of each article parsed in this build (the
 * others were rewritten when they were), setting its references' digest.
 */
export async function placeArticleAssets(input: {
  articlesDir: string
  content: BuildContent
  hashes: ReadonlyMap<string, string>
  /** Measures the images (so that a file that is no image is found); none: paths only. */
  images: ImageStore | undefined
  /** Also make the images' variants and rewrite the articles: false for `check`. */
  write: boolean
}): Promise<{ assets: ArticleAssets; problems: Problem[] }> {
  const { content, articlesDir } = input
  const published = new Set<object>(content.articles)
  const { byFile, problems } = resolveReferences({
    articlesDir,
    files: content.files,
    hashes: input.hashes,
    published,
  })
  const assets: ArticleAssets = { files: new Map(), images: new Map(), covers: new Map() }
  const store = input.images
  if (store === undefined) return { assets, problems }

  const failed = new Set<string>()
  for (const file of content.files) {
    const resolved = byFile.get(file.stored.file)
    const entry = file.article
    if (resolved === undefined || entry === undefined || !published.has(entry)) continue
    for (const asset of assetsOf(resolved)) {
      if (assets.files.has(asset.path) || failed.has(asset.path)) continue
      const source = join(articlesDir, asset.file)
      if (!asset.image) {
        assets.files.set(asset.path, source)
        continue
      }
      try {
        const info = await store.info(asset, source)
        const variants = input.write ? await store.variants(asset, source, info) : []
        assets.files.set(asset.path, source)
        for (const variant of variants) assets.files.set(variant.path, variant.file)
        assets.images.set(asset.path, { info, variants, file: source })
      } catch (cause) {
        failed.add(asset.path)
        assets.files.delete(asset.path)
        problems.push(...unreadable(file.stored, resolved, asset, articlesDir, cause))
      }
    }
  }
  store.save()
  if (!input.write) {
    recordCovers(content, byFile, assets)
    return { assets, problems }
  }

  for (const file of content.files) {
    const resolved = byFile.get(file.stored.file)
    const entry = file.article
    const references = file.stored.references
    if (resolved === undefined || entry === undefined || references === undefined) continue
    const digest = referencesDigest(references, file.stored.file, input.hashes)
    if (file.stored.referencesDigest !== digest) {
      replaceArticle(content, entry, rewriteArticle(entry.article, resolved, assets.images))
      file.stored.referencesDigest = digest
    }
  }
  recordCovers(content, byFile, assets)
  return { assets, problems }
}

/** Records each published article's cover file, for its card (its articles as they now are). */
function recordCovers(
  content: BuildContent,
  byFile: ReadonlyMap<string, ResolvedReferences>,
  assets: ArticleAssets,
): void {
  for (const file of content.files) {
    const cover = byFile.get(file.stored.file)?.cover
    if (cover && file.article && assets.images.has(cover.path)) {
      const image = assets.images.get(cover.path) as { file: string }
      assets.covers.set(file.article.article, { file: image.file, hash: cover.hash })
    }
  }
}

function* assetsOf(resolved: ResolvedReferences): Generator<AssetSource> {
  if (resolved.cover) yield resolved.cover
  for (const resolution of resolved.urls.values()) {
    if (resolution.kind === 'asset') yield resolution.asset
  }
}

/** The article with its references rewritten: its whole JSON is written anew. */
function rewriteArticle(
  article: Article,
  resolved: ResolvedReferences,
  images: ReadonlyMap<string, PlacedImage>,
): Article {
  const whole = { ...article }
  whole.html = rewriteReferences(whole.html, resolved.urls, images, {
    eagerFirst: resolved.cover === undefined,
  })
  if (resolved.cover) whole.image = resolved.cover.path
  return whole
}

/** Puts `next` where `entry`'s article was, in the content's lists too. */
function replaceArticle(content: BuildContent, entry: BuildArticle, next: Article): void {
  const index = content.scheduled.indexOf(entry.article)
  if (index !== -1) content.scheduled[index] = next
  entry.article = next
  delete entry.previous
}

function unreadable(
  stored: BuildFile['stored'],
  resolved: ResolvedReferences,
  asset: AssetSource,
  articlesDir: string,
  cause: unknown,
): Problem[] {
  const shown = shownPath(join(articlesDir, stored.file))
  const names = (reference: ArticleReference) => {
    if (reference.field === 'image') return resolved.cover?.path === asset.path
    const resolution = resolved.urls.get(reference.url)
    return resolution?.kind === 'asset' && resolution.asset.path === asset.path
  }
  return (stored.references ?? []).filter(names).map((reference) =>
    problemAt(
      shown,
      'IMAGE_UNSUPPORTED',
      `"${reference.url}" cannot be read as an image (${(cause as Error).message}).`,
      'Check that the file is the image its name says (open it in an image viewer), or export it again as PNG or JPEG.',
      {
        line: reference.line,
        column: reference.column,
        path: reference.field ? [reference.field] : [],
        cause,
      },
    ),
  )
}
