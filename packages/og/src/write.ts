import { copyFile, mkdir, readdir, readFile, unlink } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isSlug } from '@dawnpress/core'
import { type CardArticle, pickCardArticle } from './article.ts'
import { cardKey, hashSetup } from './cache-key.ts'
import { readCachedWarnings, writeCacheEntry } from './card-file.ts'
import { readLogo } from './context.ts'
import type { CardFont } from './fonts.ts'
import { renderInWorkers } from './pool.ts'
import { createCardRenderer } from './render.ts'
import type { CardSite, CardTemplate } from './template.ts'
import { type CardWarning, compareWarnings } from './warnings.ts'
import { type CardJob, importTemplate, toModuleUrl } from './worker-protocol.ts'

/** What to render, and where rendered cards are kept. */
export interface PrepareCardsOptions<TArticle extends CardArticle = CardArticle> {
  /** The articles to have a card for. */
  articles: readonly TArticle[]
  site: CardSite
  /**
   * A folder of its own for rendered cards, kept between builds, such as
   * `.dawnpress-cache/og`. Each card is a file named by the digest of everything it shows.
   */
  cacheDir: string
  /**
   * Delete the cache entries none of `articles` uses. Turn off for a run over some articles
   * only (a dev server drawing one card), which must not evict the others.
   * @default true
   */
  prune?: boolean | undefined
  /**
   * Worker threads to render on; `0` renders in this thread.
   * @default os.availableParallelism()
   */
  workers?: number | undefined
  /**
   * A custom template. A path (or `file:` URL) of a JavaScript module that exports
   * `template` renders on the workers; a function cannot be sent to a worker, so it renders
   * in this thread, one card at a time. Either way the template sees the whole article, and
   * its cards re-render when any field of the article changes.
   * @default the dawnpress card, which re-renders only when a field it shows changes
   */
  template?: CardTemplate<TArticle> | string | undefined
  /** Fonts to use before the bundled ones (see `CardOptions.fonts`). */
  fonts?: readonly CardFont[] | undefined
  /** The folder `site.card.logo` is relative to. @default process.cwd() */
  siteDir?: string | undefined
  /**
   * Added to every cache key. Change it when something the key cannot see changes, such as
   * a file a template module imports.
   */
  cacheKey?: string | undefined
}

/** One article's card, ready in the cache. */
export interface PreparedCard {
  slug: string
  /** The cached PNG: copy it where the card is served from (`og/<slug>.png`). */
  file: string
  /** What the card could not show as written. */
  warnings: CardWarning[]
}

/** What a run of `prepareCards` did. */
export interface PreparedCards {
  /** Every article's card, in the order of `articles`. */
  cards: PreparedCard[]
  /** Cards drawn in this run. */
  rendered: number
  /** Cards found in the cache, unchanged since an earlier run. */
  reused: number
  /** Warnings of every card, rendered or reused, by slug. */
  warnings: CardWarning[]
}

/** What to render and where. */
export interface WriteCardsOptions<TArticle extends CardArticle = CardArticle>
  extends Omit<PrepareCardsOptions<TArticle>, 'prune'> {
  /** Every published article; a card in `og/` whose article is not here is removed. */
  articles: readonly TArticle[]
  /** The site's output folder: cards go to `<outDir>/og/<slug>.png`. */
  outDir: string
}

/** What a run of `writeCards` did. */
export interface WriteCardsResult {
  /** Cards drawn in this run. */
  rendered: number
  /** Cards copied from the cache, unchanged since an earlier run. */
  reused: number
  /** Cards of articles that are gone, deleted from `<outDir>/og/`. */
  removed: number
  /** Warnings of every card written, rendered or reused, by slug. */
  warnings: CardWarning[]
}

interface Entry<TArticle> {
  article: TArticle
  /** What the template reads, and what the key hashes. */
  data: CardArticle
  cacheFile: string
}

const CACHE_ENTRY = /^([0-9a-f]{64})\.(?:png|json)$|^[0-9a-f]{64}\.png\.[\w-]+\.tmp$/

/**
 * Makes sure every article's card is in the cache, drawing only the cards whose key
 * changed: the key hashes the fields the template reads, the template, the site's card
 * settings and logo, the fonts and the versions of this package and its renderers. Cards
 * render in parallel on worker threads. Writing the cards out is the caller's: see
 * `writeCards`, or copy each `file`.
 *
 * @example
 * const { cards } = await prepareCards({ articles, site, cacheDir: '.dawnpress-cache/og' })
 * for (const card of cards) await copyFile(card.file, `dist/og/${card.slug}.png`)
 */
export async function prepareCards<TArticle extends CardArticle>(
  options: PrepareCardsOptions<TArticle>,
): Promise<PreparedCards> {
  const { site, template } = options
  const siteDir = options.siteDir ?? process.cwd()
  const cacheDir = resolve(options.cacheDir)
  const templateModule = typeof template === 'string' ? toModuleUrl(template) : undefined
  const setupHash = hashSetup({
    site,
    logo: await readLogo(site, siteDir),
    template: await templateIdentity(template, templateModule),
    fonts: options.fonts ?? [],
    extra: options.cacheKey,
  })

  const entries = new Map<string, Entry<TArticle>>()
  for (const article of options.articles) {
    // Core's slug rule is the one owner of what may name a file (letters of any script).
    if (!isSlug(article.slug)) {
      throw new Error(
        `The slug "${article.slug}" cannot name a card file: a slug is lowercase letters and digits with single hyphens, no "/", "." or spaces.`,
      )
    }
    if (entries.has(article.slug)) {
      throw new Error(`Two articles have the slug "${article.slug}"; each card needs its own.`)
    }
    // The default template reads a few fields; a custom one may read any.
    const data = template === undefined ? pickCardArticle(article) : article
    const cacheFile = join(cacheDir, `${cardKey(setupHash, data)}.png`)
    entries.set(article.slug, { article, data, cacheFile })
  }

  await mkdir(cacheDir, { recursive: true })
  const cached = new Set(await readdir(cacheDir))
  const warningsOf = new Map<Entry<TArticle>, CardWarning[]>()
  const reusable = [...entries.values()].filter((entry) => cached.has(basename(entry.cacheFile)))
  await inBatches(reusable, 64, async (entry) => {
    warningsOf.set(entry, await readCachedWarnings(entry.cacheFile))
  })

  const stale = [...entries.values()].filter((entry) => !cached.has(basename(entry.cacheFile)))
  const workers = options.workers ?? availableParallelism()
  if (typeof template === 'function' || workers < 1) {
    const renderer = createCardRenderer({
      site,
      siteDir,
      fonts: options.fonts,
      template: typeof template === 'string' ? await importTemplate(template) : template,
    })
    for (const entry of stale) {
      const { png, warnings } = await renderer.renderWithWarnings(entry.data as TArticle)
      await writeCacheEntry(entry.cacheFile, png, warnings)
      warningsOf.set(entry, warnings)
    }
  } else if (stale.length > 0) {
    const jobs: CardJob[] = stale.map((entry) => ({ article: entry.data, file: entry.cacheFile }))
    const byFile = new Map(stale.map((entry) => [entry.cacheFile, entry]))
    await renderInWorkers(
      jobs,
      workers,
      { site: plain(site), siteDir, fonts: [...(options.fonts ?? [])], templateModule },
      async (job, warnings) => {
        warningsOf.set(byFile.get(job.file) as Entry<TArticle>, warnings)
      },
    )
  }

  if (options.prune ?? true) {
    await pruneCache(cacheDir, new Set([...entries.values()].map((entry) => entry.cacheFile)))
  }
  const cards = [...entries.values()].map((entry) => ({
    slug: entry.article.slug,
    file: entry.cacheFile,
    warnings: warningsOf.get(entry) ?? [],
  }))
  return {
    cards,
    rendered: stale.length,
    reused: reusable.length,
    warnings: cards.flatMap((card) => card.warnings).sort(compareWarnings),
  }
}

/**
 * Writes `<outDir>/og/<slug>.png` for every article with `prepareCards`, so that only
 * changed cards are drawn, and deletes the cards of articles that are gone.
 *
 * @example
 * const { rendered, reused, warnings } = await writeCards({
 *   articles, site, outDir: 'dist', cacheDir: '.dawnpress-cache/og',
 * })
 */
export async function writeCards<TArticle extends CardArticle>(
  options: WriteCardsOptions<TArticle>,
): Promise<WriteCardsResult> {
  const prepared = await prepareCards({ ...options, prune: true })
  const cardDir = resolve(options.outDir, 'og')
  await mkdir(cardDir, { recursive: true })
  await inBatches(prepared.cards, 64, (card) =>
    copyFile(card.file, join(cardDir, `${card.slug}.png`)),
  )
  const removed = await removeStaleCards(cardDir, new Set(prepared.cards.map((card) => card.slug)))
  return {
    rendered: prepared.rendered,
    reused: prepared.reused,
    removed,
    warnings: prepared.warnings,
  }
}

/** Deletes `og/*.png` files that belong to no current article; `og/` is the cards' folder. */
async function removeStaleCards(cardDir: string, slugs: Set<string>): Promise<number> {
  let removed = 0
  for (const name of await readdir(cardDir)) {
    if (!name.endsWith('.png') || slugs.has(name.slice(0, -'.png'.length))) continue
    await unlink(join(cardDir, name))
    removed++
  }
  return removed
}

/** Deletes cache entries (and leftovers of interrupted writes) that no current card uses. */
async function pruneCache(cacheDir: string, keep: Set<string>): Promise<void> {
  for (const name of await readdir(cacheDir)) {
    const match = CACHE_ENTRY.exec(name)
    if (!match) continue
    const png = join(cacheDir, `${match[1] ?? ''}.png`)
    if (match[1] && keep.has(png)) continue
    await unlink(join(cacheDir, name)).catch(() => {})
  }
}

async function templateIdentity(
  template: CardTemplate<never> | string | undefined,
  moduleUrl: string | undefined,
): Promise<string> {
  if (template === undefined) return 'default'
  if (moduleUrl) return `module\n${moduleUrl}\n${await readFile(fileURLToPath(moduleUrl), 'utf8')}`
  return `function\n${String(template)}`
}

/** The site as plain data, so it can be sent to a worker whatever else the object holds. */
function plain(site: CardSite): CardSite {
  return {
    title: site.title,
    url: site.url,
    language: site.language,
    card: site.card ? { ...site.card } : undefined,
  }
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>) {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(run))
  }
}
