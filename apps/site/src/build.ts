import { relative } from 'node:path'
import { articles, loadArticle, site } from '@dawnpress/content'
import { siteSchema } from '@dawnpress/core'
import { buildSite } from '@dawnpress/site'
import { CACHE_DIR, DIST_DIR } from './paths.ts'

// The site is built from the published content package, as any other project would use it.
const started = performance.now()
const siteUrl = process.env.SITE_URL
const config = siteSchema.parse(siteUrl ? { ...site, url: siteUrl } : site)
const full = await Promise.all(articles.map((article) => loadArticle(article.slug)))

const result = await buildSite({
  articles: full,
  site: config,
  outDir: DIST_DIR,
  cacheDir: CACHE_DIR,
})
const seconds = ((performance.now() - started) / 1000).toFixed(2)
const cards = result.cards
  ? `, ${result.cards.rendered} cards rendered, ${result.cards.reused} reused`
  : ''
process.stdout.write(
  `Built ${full.length} article${full.length === 1 ? '' : 's'} for ${config.url} into ${
    relative(process.cwd(), result.outDir) || '.'
  } in ${seconds} s (${result.files} files${cards}).\n`,
)
