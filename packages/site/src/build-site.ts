import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { createFeedFileRenderer, type FeedContentCache, type FeedPlan } from '@dawnpress/feeds'
import type { CardWarning } from '@dawnpress/og'
import { loadCardWriters } from './card-writers.ts'
import { assertOutputPaths, createOutputWriter } from './output-files.ts'
import { generatePages } from './render-pages.ts'
import type { OutputFile, Site, SiteArticle } from './types.ts'

/** Pages written at once. */
const PAGE_BATCH = 64

/** A kind of output `buildSite` can leave out. */
export type OutputKind = 'pages' | 'feeds' | 'cards'

/** Options of `buildSite`. */
export interface BuildSiteOptions {
  /** Published articles, newest first, with their rendered `html`. */
  articles: readonly SiteArticle[]
  site: Site
  /** The folder to write the site to. It is replaced as a whole, and only on success. */
  outDir: string
  /**
   * Where rendered social cards are kept between builds, keyed by their content, so that
   * unchanged cards are not rendered again.
   * @default `.dawnpress-cache/og` beside `outDir`
   */
  cacheDir?: string
  /** Outputs to leave out. @default [] */
  skip?: readonly OutputKind[]
  /** More files to write, such as `articles.json`; paths are relative to `outDir`. */
  extraFiles?: readonly OutputFile[]
  /**
   * Writes more files itself, into the staged folder that becomes `outDir`, before the swap:
   * for outputs too large to hold in memory. It must stay inside the folder it is given; a
   * throw fails the build and leaves `outDir` as it was.
   */
  writeExtra?: (stagedDir: string) => Promise<void>
  /**
   * Sanitise article HTML again on the pages (see `RenderPagesOptions.sanitize`): turn off
   * only for articles straight from `@dawnpress/core`. @default true
   */
  sanitizePages?: boolean
  /** Feed item content kept between builds (see `FeedFilesOptions.contentCache`). */
  feedContentCache?: FeedContentCache
  /**
   * Called before each feed is rendered, with what it will list: return true after putting
   * its three files (`plan.files`) into the staged folder yourself, such as from the last
   * build when its items did not change, and it is not rendered. @default render every feed
   */
  reuseFeed?: (plan: FeedPlan, stagedDir: string) => Promise<boolean>
  /** Worker threads that render cards; 0 renders in this thread. @default one per core */
  workers?: number
  /** The folder `site.card.logo` is relative to: the site config's folder. @default cwd */
  siteDir?: string
}

/** What a build wrote. */
export interface BuildSiteResult {
  /** The absolute output folder. */
  outDir: string
  /** Every file written, cards included. */
  files: number
  pages: number
  feeds: number
  extraFiles: number
  /** Card counts, unless cards were skipped. */
  cards?: {
    /** Cards rendered in this build. */
    rendered: number
    /** Cards copied from the cache unchanged. */
    reused: number
    /** Characters a card could not draw, for the caller to report. */
    warnings: CardWarning[]
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

/**
 * Replaces `outDir` with `staged`: the old folder is moved aside first and put back if the
 * new one cannot be moved in, so `outDir` is never left half-written.
 */
async function swapInto(staged: string, outDir: string, suffix: string): Promise<void> {
  const previous = join(dirname(outDir), `.${basename(outDir)}.previous-${suffix}`)
  const hadPrevious = await exists(outDir)
  if (hadPrevious) await rename(outDir, previous)
  try {
    await rename(staged, outDir)
  } catch (error) {
    if (hadPrevious) await rename(previous, outDir)
    throw error
  }
  if (hadPrevious) await rm(previous, { recursive: true, force: true })
}

/**
 * Builds the whole site (pages, RSS, Atom and JSON Feed, social cards and any extra files)
 * into a temporary sibling of `outDir`, and swaps it into place only when every step
 * succeeded: a failed build throws and leaves the previous `outDir` exactly as it was.
 * Cards come from a content-addressed cache when their inputs did not change.
 *
 * @example
 * const result = await buildSite({ articles, site, outDir: 'dist' })
 * console.log(`${result.files} files, ${result.cards?.rendered} cards rendered`)
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const outDir = resolve(options.outDir)
  const cacheDir = resolve(options.cacheDir ?? join(dirname(outDir), '.dawnpress-cache', 'og'))
  const skip = new Set(options.skip ?? [])
  const { articles, site } = options

  const extra = options.extraFiles ?? []
  assertOutputPaths(extra)

  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`
  const staged = join(dirname(outDir), `.${basename(outDir)}.building-${suffix}`)
  try {
    await mkdir(staged, { recursive: true })
    const writer = createOutputWriter(staged)
    await writer.writeAll(extra)
    let pages = 0
    if (!skip.has('pages')) {
      // In batches as they are rendered: all of a large site's pages do not fit in memory.
      const pageOptions = { tagFeeds: !skip.has('feeds'), sanitize: options.sanitizePages }
      let batch: OutputFile[] = []
      for (const file of generatePages(articles, site, pageOptions)) {
        batch.push(file)
        if (batch.length < PAGE_BATCH) continue
        await writer.writeAll(batch)
        pages += batch.length
        batch = []
      }
      await writer.writeAll(batch)
      pages += batch.length
    }
    let feeds = 0
    if (!skip.has('feeds')) {
      // One feed at a time: with the full content of their items, all of a large site's
      // feeds together take more memory than its articles do.
      const renderer = createFeedFileRenderer(site, { contentCache: options.feedContentCache })
      for (const plan of renderer.plan(articles)) {
        if (await options.reuseFeed?.(plan, staged)) writer.claim(plan.files)
        else await writer.writeAll(renderer.render(plan))
        feeds += plan.files.length
      }
    }
    await options.writeExtra?.(staged)
    let cards: BuildSiteResult['cards']
    if (!skip.has('cards')) {
      const { writeCards, writeSiteCard } = await loadCardWriters()
      const written = await writeCards({
        articles,
        site,
        outDir: staged,
        cacheDir,
        workers: options.workers,
        siteDir: options.siteDir,
      })
      const siteCard = await writeSiteCard({
        site,
        outDir: staged,
        cacheDir,
        siteDir: options.siteDir,
      })
      cards = {
        rendered: written.rendered + (siteCard === 'rendered' ? 1 : 0),
        reused: written.reused + (siteCard === 'reused' ? 1 : 0),
        warnings: written.warnings,
      }
    }
    await swapInto(staged, outDir, suffix)
    return {
      outDir,
      files: writer.count + (cards ? cards.rendered + cards.reused : 0),
      pages,
      feeds,
      extraFiles: extra.length,
      ...(cards && { cards }),
    }
  } catch (error) {
    await rm(staged, { recursive: true, force: true })
    throw error
  }
}
