import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { copyFile, mkdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { cardPath, outputFile, type Problem, SITE_PATHS } from '@dawnpress/core'
import { locateFrontmatterField } from '@dawnpress/core/internal'
import type { CardSizes, FeedContentCache } from '@dawnpress/feeds'
import { createFeedFileRenderer } from '@dawnpress/feeds/internal'
import type { CardWarning } from '@dawnpress/og'
import { renderPages, type SiteArticle } from '@dawnpress/pages'
import type { ArticleAssets } from './article-assets.ts'
import type { BuildArticle } from './articles-json.ts'
import { cacheLayout } from './build-state.ts'
import { withCardCovers } from './card-covers.ts'
import type { FeedReuse } from './feed-reuse.ts'
import { createImageStore } from './images.ts'
import type { LoadedSite } from './load-site.ts'
import { assertReplaceableOutput, writeOutputMarker } from './output-folder.ts'
import type { MemorySink, OutputSink } from './output-sink.ts'
import { writePublicFiles } from './public-files.ts'
import type { ResolvedConfig } from './resolve-config.ts'
import { createSearchIndexer } from './search-index.ts'
import { shownPath } from './shown-path.ts'
import type { Timings } from './timings.ts'
import { linkedIcons, writeIcons } from './write-icons.ts'

/**
 * Pages written at once: a large site's pages are never all in memory. Few enough that a
 * batch dies young: pages alive across two scavenges are promoted, and that garbage of
 * the old generation grows the heap (at 64, a cold 10,000-article build's full collections
 * freed 2 to 3 times as much, and the 100,000-article build peaked higher).
 */
const PAGE_BATCH = 16

/** What `writeOutputs` needs beside the sink. */
export interface OutputInput {
  config: ResolvedConfig
  site: LoadedSite
  /** Published articles, newest first. */
  articles: readonly BuildArticle[]
  /** The folder of rendered cards. */
  cardCache: string
  /** The folders of cached icon sets and of this output's last search index. */
  iconCache: string
  searchCache: string
  feedContent: FeedContentCache | undefined
  feedReuse: FeedReuse | undefined
  /** The articles' JSON this build wrote to its cache, to put in the output when it is on. */
  articlesJson: string | undefined
  /** The images and files the articles name, to copy, and how their images are shown. */
  assets: ArticleAssets
  /** The public folder's files (path relative to it → SHA-256), copied as they are. */
  publicFiles: ReadonlyMap<string, string>
  /** The time the build publishes as of. */
  now: Date
  timings: Timings
}

/** What `writeOutputs` did. */
export interface OutputCounts {
  pages: number
  feeds: number
  /** Feed files linked from the last output unchanged. */
  feedsReused: number
  cards: { rendered: number; reused: number } | undefined
  /** Article pages indexed for search, and whether the last index was linked unchanged. */
  search: { pages: number; reused: boolean } | undefined
  /** Whether the icons were drawn (else they came from the cache). */
  icons: { drawn: boolean } | undefined
  /** Problems the outputs found (a character no card font has, say). */
  problems: Problem[]
}

/**
 * Writes every output the config turns on into `sink`: pages, cards, feeds and
 * `articles.json`. Pages and feeds are rendered and written a few at a time; a feed whose
 * items did not change is linked from the last output; cards come from the
 * content-addressed cache and are drawn only when what they show changed (in memory, only
 * when first asked for), before the feeds, whose enclosures give each card's size.
 */
export async function writeOutputs(input: OutputInput, output: OutputSink): Promise<OutputCounts> {
  const { config, site, timings } = input
  const articles = input.articles.map((entry) => entry.article) as SiteArticle[]
  const counts: OutputCounts = {
    pages: 0,
    feeds: 0,
    feedsReused: 0,
    cards: undefined,
    search: undefined,
    icons: undefined,
    problems: [],
  }
  // The public folder first: the build writes around it (see writePublicFiles).
  const sink =
    config.publicDir === undefined || input.publicFiles.size === 0
      ? output
      : await writePublicFiles(config.publicDir, input.publicFiles, output, counts.problems)
  for (const [path, from] of input.assets.files) await sink.copy(outputFile(path), from)
  if (input.publicFiles.size > 0 || input.assets.files.size > 0) timings.end('public and assets')
  const feeds = config.outputs.feeds
  if (config.outputs.pages !== false) {
    const { pageSize } = config.outputs.pages
    let batch: { path: string; contents: string | Uint8Array }[] = []
    const tagFeeds = feeds !== false && feeds.tagFeeds
    const preview = config.mode === 'dev' ? input.now : undefined
    const images = new Map(
      [...input.assets.images].map(([path, { info, variants }]) => [
        path,
        { width: info.width, height: info.height, variants },
      ]),
    )
    // In memory (dev) there is no index: the search page says that search works on a build.
    const indexer =
      config.outputs.search && !isMemorySink(sink)
        ? createSearchIndexer(input.searchCache)
        : undefined
    const icons = config.outputs.icons ? linkedIcons(site.logo, input.publicFiles) : undefined
    const search = config.outputs.search
    const pageOptions = { tagFeeds, preview, pageSize, images, icons, search }
    for (const file of renderPages(articles, site.site, pageOptions)) {
      indexer?.add(file)
      batch.push(file)
      if (batch.length < PAGE_BATCH) continue
      await sink.write(batch)
      counts.pages += batch.length
      batch = []
    }
    await sink.write(batch)
    counts.pages += batch.length
    timings.end('pages')
    if (indexer) {
      counts.search = await indexer.write(sink)
      timings.end(
        counts.search.reused ? 'search (reused)' : `search (${counts.search.pages} pages)`,
      )
    }
    if (config.outputs.icons) {
      const written = await writeIcons(
        { site: site.site, logo: site.logo, cacheDir: input.iconCache },
        sink,
      )
      counts.icons = { drawn: written.drawn }
      timings.end('icons')
    }
  }
  // Cards before feeds: each card enclosure gives the size of the card file.
  let cardSizes: CardSizes | undefined
  if (config.outputs.cards) {
    if (isMemorySink(sink)) {
      counts.cards = addLazyCards(input, articles, sink)
    } else {
      const written = await writeCards(input, articles, sink, counts.problems)
      counts.cards = written.counts
      cardSizes = written.sizes
    }
    timings.end('cards')
  }
  if (feeds !== false) {
    // One feed at a time: with the full content of their items, all of a large site's
    // feeds together take more memory than its articles do.
    const renderer = createFeedFileRenderer(site.site, {
      limit: feeds.limit,
      content: feeds.content,
      tagFeeds: feeds.tagFeeds,
      // Without cards there is no card to point at: the article's own image, if any.
      cardImages: feeds.cardImages && config.outputs.cards !== false,
      cardSizes,
      stylesheet: feeds.stylesheet,
      logo: feeds.logo,
      icon: feeds.icon,
      now: input.now,
      // What the config's allow-list let into the pages stays in the feeds.
      htmlAllow: config.markdown.html?.allow,
      contentCache: input.feedContent,
    })
    for (const plan of renderer.plan(articles)) {
      if (await input.feedReuse?.reuse(plan, sink)) counts.feedsReused += plan.files.length
      else await sink.write(renderer.render(plan))
      counts.feeds += plan.files.length
    }
    const assets = renderer.assets()
    await sink.write(assets)
    counts.feeds += assets.length
    timings.end('feeds')
  }
  if (config.outputs.articlesJson && input.articlesJson !== undefined) {
    const file = input.articlesJson
    if (!(await sink.reuse(outputFile(SITE_PATHS.articlesJson), file))) {
      await sink.copy(outputFile(SITE_PATHS.articlesJson), file)
    }
    timings.end('articles.json')
  }
  return counts
}

async function writeCards(
  input: OutputInput,
  articles: readonly SiteArticle[],
  sink: OutputSink,
  problems: Problem[],
): Promise<{ counts: { rendered: number; reused: number }; sizes: CardSizes }> {
  const { config, site } = input
  // Loaded only now: satori, resvg and the fonts take longer to load than a small build runs.
  const { prepareCards, prepareSiteCard } = await import('@dawnpress/og')
  const workers = config.outputs.cards === false ? 0 : config.outputs.cards.workers
  const images = createImageStore(config.cacheDir)
  const prepared = await prepareCards({
    articles: await withCardCovers(articles, input.assets.covers, images),
    site: site.site,
    cacheDir: input.cardCache,
    siteDir: site.siteDir,
    workers,
  })
  for (const card of prepared.cards) await sink.copy(outputFile(cardPath(card.slug)), card.file)
  const siteCard = await prepareSiteCard({
    site: site.site,
    cacheDir: input.cardCache,
    siteDir: site.siteDir,
  })
  await sink.copy(outputFile(SITE_PATHS.siteCard), siteCard.file)
  problems.push(...cardProblems(prepared.warnings, articles, config))
  const rendered = prepared.rendered + (siteCard.rendered ? 1 : 0)
  return {
    counts: { rendered, reused: prepared.cards.length + 1 - rendered },
    sizes: cardSizesOf(prepared.cards),
  }
}

/** Each card file's size by slug, read when a feed first asks for it. */
function cardSizesOf(cards: readonly { slug: string; file: string }[]): CardSizes {
  const files = new Map(cards.map((card) => [card.slug, card.file]))
  const sizes = new Map<string, number>()
  return {
    get(slug) {
      let size = sizes.get(slug)
      const file = files.get(slug)
      if (size === undefined && file !== undefined) {
        size = statSync(file).size
        sizes.set(slug, size)
      }
      return size
    },
  }
}

/**
 * Renders one share of the cards into the card cache, for a job of a CI matrix: the articles
 * whose slug's digest falls in share `index` of `count`, and the site's card in share 1.
 * Nothing is pruned, since the other shares' cards are there too.
 */
export async function renderCardShard(
  config: ResolvedConfig,
  site: LoadedSite,
  articles: readonly BuildArticle[],
  cardCache: string,
  covers: ArticleAssets['covers'],
): Promise<{ rendered: number; reused: number }> {
  const shard = config.shard as { index: number; count: number }
  const mine = articles
    .map((entry) => entry.article as SiteArticle)
    .filter((article) => shardOf(article.slug, shard.count) === shard.index)
  const { prepareCards, prepareSiteCard } = await import('@dawnpress/og')
  const workers = config.outputs.cards === false ? 0 : config.outputs.cards.workers
  const prepared = await prepareCards({
    articles: await withCardCovers(mine, covers, createImageStore(config.cacheDir)),
    site: site.site,
    cacheDir: cardCache,
    siteDir: site.siteDir,
    workers,
    prune: false,
  })
  let rendered = prepared.rendered
  let reused = prepared.reused
  if (shard.index === 1) {
    const siteCard = await prepareSiteCard({
      site: site.site,
      cacheDir: cardCache,
      siteDir: site.siteDir,
    })
    if (siteCard.rendered) rendered++
    else reused++
  }
  return { rendered, reused }
}

/** The share (1 to `count`) an article's card falls in: by its slug's digest, so it is stable. */
export function shardOf(slug: string, count: number): number {
  return (createHash('sha256').update(slug).digest().readUInt32BE(0) % count) + 1
}

/**
 * Renders one article's card into `<outDir>/og/<slug>.png` with the card cache, for an
 * author to look at; the folder follows the rule of every output folder.
 */
export async function writeCardPreview(
  config: ResolvedConfig,
  site: LoadedSite,
  article: SiteArticle,
  outDir: string,
  covers: ArticleAssets['covers'],
): Promise<{ file: string; problems: Problem[] }> {
  assertReplaceableOutput(outDir, {
    root: config.root,
    content: [config.articlesDir],
    cacheDir: config.cacheDir,
    option: '--out',
  })
  const { prepareCards } = await import('@dawnpress/og')
  const prepared = await prepareCards({
    articles: await withCardCovers([article], covers, createImageStore(config.cacheDir)),
    site: site.site,
    cacheDir: cacheLayout(config.cacheDir, { outDir: config.outDir, mode: config.mode }).cards,
    siteDir: site.siteDir,
    workers: 0,
    prune: false,
  })
  const file = join(outDir, outputFile(cardPath(article.slug)))
  await mkdir(dirname(file), { recursive: true })
  await writeOutputMarker(outDir)
  await copyFile(prepared.cards[0]?.file as string, file)
  return { file, problems: cardProblems(prepared.warnings, [article], config) }
}

/** In dev, each card is drawn when a page (or a person) first asks for it. */
function addLazyCards(
  input: OutputInput,
  articles: readonly SiteArticle[],
  sink: MemorySink,
): { rendered: number; reused: number } {
  const { site } = input
  for (const article of articles) {
    sink.lazy(outputFile(cardPath(article.slug)), async () => {
      const { prepareCards } = await import('@dawnpress/og')
      const images = createImageStore(input.config.cacheDir)
      const [card] = (
        await prepareCards({
          articles: await withCardCovers([article], input.assets.covers, images),
          site: site.site,
          cacheDir: input.cardCache,
          siteDir: site.siteDir,
          workers: 0,
          prune: false,
        })
      ).cards
      return readFile(card?.file as string)
    })
  }
  sink.lazy(outputFile(SITE_PATHS.siteCard), async () => {
    const { prepareSiteCard } = await import('@dawnpress/og')
    const card = await prepareSiteCard({
      site: site.site,
      cacheDir: input.cardCache,
      siteDir: site.siteDir,
    })
    return readFile(card.file)
  })
  return { rendered: 0, reused: 0 }
}

function isMemorySink(sink: OutputSink): sink is MemorySink {
  return 'lazy' in sink
}

/**
 * A card's warnings as problems of its article's file, at the field whose text holds the
 * character it cannot draw (the title, else the description), on that character when the
 * value is on one line.
 */
export function cardProblems(
  warnings: readonly CardWarning[],
  articles: readonly SiteArticle[],
  config: Pick<ResolvedConfig, 'articlesDir'>,
): Problem[] {
  const bySlug = new Map(articles.map((article) => [article.slug, article]))
  const sources = new Map<string, Buffer | undefined>()
  return warnings.map((warning) => {
    const {
      slug: _slug,
      character,
      codePoint: _codePoint,
      field: warnedField,
      fontPackage: _fontPackage,
      ...rest
    } = warning
    const article = bySlug.get(warning.slug)
    const file = join(config.articlesDir, article?.path ?? `${warning.slug}.md`)
    // Text of no field (the site's title, a template's own) is shown at the article's title.
    const field = warnedField ?? 'title'
    if (!sources.has(file)) {
      let bytes: Buffer | undefined
      try {
        bytes = readFileSync(file)
      } catch {
        bytes = undefined
      }
      sources.set(file, bytes)
    }
    const source = sources.get(file)
    const at = source
      ? locateFrontmatterField(source, [field], { text: character })
      : { line: 1, column: 1 }
    return { ...rest, file: shownPath(file), ...at, path: [field] }
  })
}
