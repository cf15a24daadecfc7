import { createHash } from 'node:crypto'
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { CardArticle } from './article.ts'
import { hashSetup } from './cache-key.ts'
import { writeCacheEntry } from './card-file.ts'
import { readLogo } from './context.ts'
import { defaultTemplate } from './default-template.tsx'
import { createCardRenderer } from './render.ts'
import type { CardSite, CardTemplate } from './template.ts'

/** What the site's own card needs. */
export interface PrepareSiteCardOptions {
  /** The site: its title and description are what the card shows. */
  site: CardSite & { description: string }
  /** The cards' cache folder (as for `prepareCards`); site cards are kept in its `site/`. */
  cacheDir: string
  /** The folder `site.card.logo` is relative to. @default process.cwd() */
  siteDir?: string | undefined
}

// The site's card is the article card without the date and reading time an article has.
const siteTemplate: CardTemplate = (article, context) =>
  defaultTemplate(article, { ...context, date: undefined, readingTime: '' })

/** Site cards kept per cache: a build's and a few others' (other URLs, other colours). */
const KEEP = 8

/**
 * Makes sure the card of pages that are not articles (home, tags, 404) is in the cache: the
 * publication's title and description on the article card's design, keyed by what it shows
 * and by everything `prepareCards` keys on. Resolves with the cached PNG.
 *
 * @example
 * const { file } = await prepareSiteCard({ site, cacheDir: '.dawnpress-cache/og' })
 */
export async function prepareSiteCard(
  options: PrepareSiteCardOptions,
): Promise<{ file: string; rendered: boolean }> {
  const { site } = options
  const siteDir = options.siteDir ?? process.cwd()
  const card: CardArticle = {
    slug: 'site',
    title: site.title,
    description: site.description,
    readingTime: { minutes: 0 },
    tags: [],
  }
  const setup = hashSetup({
    site,
    logo: await readLogo(site, siteDir),
    template: 'site',
    fonts: [],
    extra: undefined,
  })
  const key = createHash('sha256')
    .update(`${setup}\n${JSON.stringify(card)}`)
    .digest('hex')
  const folder = join(resolve(options.cacheDir), 'site')
  const file = join(folder, `${key}.png`)
  const hit = await stat(file).then(
    (info) => info.isFile(),
    () => false,
  )
  if (hit) return { file, rendered: false }
  const renderer = createCardRenderer({ site, siteDir, template: siteTemplate })
  const { png, warnings } = await renderer.renderWithWarnings(card)
  await mkdir(folder, { recursive: true })
  await writeCacheEntry(file, png, warnings)
  await pruneSiteCards(folder)
  return { file, rendered: true }
}

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
