import { createHash } from 'node:crypto'
import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { CardTemplate } from '@dawnpress/og'
import { SITE_PATHS } from './paths.ts'
import type { Site } from './types.ts'

let ogVersion: string | undefined

function readOgVersion(): string {
  if (ogVersion === undefined) {
    try {
      const require = createRequire(import.meta.url)
      ogVersion = String((require('@dawnpress/og/package.json') as { version: string }).version)
    } catch {
      ogVersion = 'unknown'
    }
  }
  return ogVersion
}

// The site's card is the article card without the date and reading time an article has.
function siteTemplate(defaultTemplate: CardTemplate): CardTemplate {
  return (article, context) =>
    defaultTemplate(article, { ...context, date: undefined, readingTime: '' })
}

/** Options of `writeSiteCard`. */
export interface SiteCardOptions {
  site: Site
  outDir: string
  /** Rendered cards are kept in `<cacheDir>/site/`. */
  cacheDir: string
  /** The folder `site.card.logo` is relative to. */
  siteDir?: string | undefined
}

/**
 * Writes the card of pages that are not articles (home, tags, 404): the publication's title
 * and description on the article card's design. Cached under a hash of what it shows and of
 * the og version, so it is rendered once and copied after that. (`writeCards` only takes
 * article slugs, and `_site` cannot be one, so the two never collide.)
 */
export async function writeSiteCard(options: SiteCardOptions): Promise<'rendered' | 'reused'> {
  const { site } = options
  const card = {
    slug: 'site',
    title: site.title,
    description: site.description,
    readingTime: { minutes: 0 },
    tags: [],
  }
  const key = createHash('sha256')
    .update(JSON.stringify({ card, site, siteDir: options.siteDir, og: readOgVersion() }))
    .digest('hex')
  const cached = join(options.cacheDir, 'site', `${key}.png`)
  const target = join(options.outDir, ...SITE_PATHS.siteCard.split('/').slice(1))
  await mkdir(dirname(target), { recursive: true })
  const hit = await stat(cached).then(
    (info) => info.isFile(),
    () => false,
  )
  if (hit) {
    await copyFile(cached, target)
    return 'reused'
  }
  // Loaded here, not at the top: importing the site package must not load the card renderer.
  const { defaultTemplate, renderCard } = await import('@dawnpress/og')
  const png = await renderCard(card, {
    site,
    template: siteTemplate(defaultTemplate),
    ...(options.siteDir !== undefined && { siteDir: options.siteDir }),
  })
  await writeFile(target, png)
  await mkdir(dirname(cached), { recursive: true })
  // Write, then rename: a build that stops half-way never leaves a truncated cache entry.
  const partial = `${cached}.${process.pid}.tmp`
  await writeFile(partial, png)
  await rename(partial, cached)
  await pruneSiteCards(dirname(cached))
  return 'rendered'
}

/** Cards kept per cache: a build's and a few dev servers' (whose URLs differ) at once. */
const KEEP = 8

/** Deletes all but the most recently written site cards, so the cache cannot grow forever. */
async function pruneSiteCards(folder: string): Promise<void> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.png'))
  if (names.length <= KEEP) return
  const dated = await Promise.all(
    names.map(async (name) => ({ name, time: (await stat(join(folder, name))).mtimeMs })),
  )
  dated.sort((a, b) => b.time - a.time)
  await Promise.all(dated.slice(KEEP).map(({ name }) => rm(join(folder, name), { force: true })))
}
