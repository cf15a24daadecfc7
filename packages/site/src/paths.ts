/** Where the site's own files live, as site paths (leading `/`). */
export const SITE_PATHS = {
  home: '/',
  stylesheet: '/style.css',
  notFound: '/404.html',
  sitemap: '/sitemap.xml',
  robots: '/robots.txt',
  rss: '/rss.xml',
  atom: '/atom.xml',
  jsonFeed: '/feed.json',
  /** The card of pages that are not articles (home, tags); slugs cannot start with `_`. */
  siteCard: '/og/_site.png',
} as const

/** Width, height and type of the social cards @dawnpress/og renders. */
export const CARD = { width: 1200, height: 630, type: 'image/png' } as const

/** The file an output path is written to: `/articles/a/` becomes `articles/a/index.html`. */
export function outputFile(sitePath: string): string {
  const trimmed = sitePath.replace(/^\/+/, '')
  return trimmed === '' || trimmed.endsWith('/') ? `${trimmed}index.html` : trimmed
}
