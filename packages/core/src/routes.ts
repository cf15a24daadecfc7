import { slugify } from './slug.ts'

/**
 * Where the site's own files live, as site paths (leading `/`). Pages, feeds, cards and the
 * content package all take their URLs from here, so that they always agree.
 */
export const SITE_PATHS = {
  home: '/',
  stylesheet: '/style.css',
  notFound: '/404.html',
  /** The sitemap, or past 50,000 URLs the index of its parts (see `sitemapPartPath`). */
  sitemap: '/sitemap.xml',
  robots: '/robots.txt',
  rss: '/rss.xml',
  atom: '/atom.xml',
  jsonFeed: '/feed.json',
  /** The XSL stylesheet a browser shows the RSS and Atom feeds with. */
  feedStylesheet: '/feed.xsl',
  /** Every article's JSON, HTML included, for other programs. */
  articlesJson: '/articles.json',
  /** The card of pages that are not articles (home, tags); no slug can be `_site`. */
  siteCard: '/og/_site.png',
  /** Every article, by year: the archive. */
  articles: '/articles/',
  /** Every tag, with how many articles each has. */
  tags: '/tags/',
  /** The search page, which runs Pagefind's UI over the index in `searchBundle`. */
  search: '/search/',
  /** The folder Pagefind's index and its UI are written to. */
  searchBundle: '/pagefind/',
  /** The ICO of 16, 32 and 48 px icons that browsers and crawlers ask for unprompted. */
  favicon: '/favicon.ico',
  /** The logo itself, when it is an SVG: a sharp icon at any size. */
  faviconSvg: '/favicon.svg',
  /** 180×180 on an opaque background, for iOS home screens and link previews. */
  appleTouchIcon: '/apple-touch-icon.png',
  /** The web manifest's icons: 192 and 512 px, and a maskable 512 px one. */
  icon192: '/icon-192.png',
  icon512: '/icon-512.png',
  iconMaskable: '/icon-maskable-512.png',
  /** The web app manifest: name, icons, start URL, colours. */
  manifest: '/manifest.webmanifest',
} as const

/**
 * The site path of the `part`th sitemap (from 1), when the site has more URLs than one
 * sitemap may hold and `sitemap.xml` is their index.
 *
 * @example
 * sitemapPartPath(2) // '/sitemap-2.xml'
 */
export function sitemapPartPath(part: number): string {
  return `/sitemap-${part}.xml`
}

/** The site-relative path of an article page, such as `/articles/my-post/`. */
export function articlePath(slug: string): string {
  return `/articles/${slug}/`
}

/**
 * The site path that names an article for good, as feeds' item ids do: the page it was
 * first published at. That is the first slug of `redirect_from`, the oldest, when the
 * article was renamed (its old pages redirect to the new one); else its own page.
 *
 * @example
 * articleIdPath({ slug: 'new-name', redirect_from: ['first-name', 'second-name'] }) // '/articles/first-name/'
 */
export function articleIdPath(article: {
  slug: string
  redirect_from?: readonly string[] | undefined
}): string {
  return articlePath(article.redirect_from?.[0] ?? article.slug)
}

/**
 * The path of page `page` (from 1) of a paginated list whose first page is at `first`:
 * the first page is `first` itself, and no `page/1/` exists beside it; later pages are
 * `page/N/` under it.
 *
 * @example
 * listPagePath('/', 1) // '/'
 * listPagePath('/', 2) // '/page/2/'
 * listPagePath('/tags/ai/', 3) // '/tags/ai/page/3/'
 */
export function listPagePath(first: string, page: number): string {
  if (!Number.isSafeInteger(page) || page < 1) {
    throw new RangeError(`A list page is a whole number from 1, not ${page}.`)
  }
  return page === 1 ? first : `${first}page/${page}/`
}

/** The path of page `page` (from 1) of the home page's list of articles: `/`, `/page/2/`, ... */
export function homePagePath(page: number): string {
  return listPagePath(SITE_PATHS.home, page)
}

/** The path of page `page` (from 1) of a tag's list: `/tags/ai/`, `/tags/ai/page/2/`, ... */
export function tagPagePath(tag: string, page: number): string {
  return listPagePath(tagPath(tag), page)
}

/** How many pages a list of `count` items takes at `pageSize` a page; at least one. */
export function pageCount(count: number, pageSize: number): number {
  return Math.max(1, Math.ceil(count / pageSize))
}

/** The site-relative path of an article's social card, such as `/og/my-post.png`. */
export function cardPath(slug: string): string {
  return `/og/${slug}.png`
}

/**
 * A tag as it appears in URLs, by the one slug rule of `slugify`, which article slugs follow
 * too: `Machine Learning` → `machine-learning`, `C++` → `c-plus-plus`, `C#` → `c-sharp`,
 * `Café & Crème` → `cafe-creme`, `東京` → `東京`, `❤️` → `u2764`. Tags with the same slug
 * (`AI` and `ai`) are one tag. `""` only for a tag with no visible character, which
 * `loadCollection` reports.
 */
export function slugifyTag(tag: string): string {
  return slugify(tag)
}

/** The site-relative folder of a tag's page and feeds, such as `/tags/machine-learning/`. */
export function tagPath(tag: string): string {
  return `/tags/${slugifyTag(tag)}/`
}

/**
 * Resolves a site-relative path against the site's base URL, keeping any path the base URL
 * has (`https://example.com/blog/` + `/og/a.png` = `https://example.com/blog/og/a.png`).
 */
export function absoluteUrl(baseUrl: string, path: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
  // './' keeps a first segment with a colon (`/a:b.png`) from being read as a URL scheme.
  return new URL(`./${path.replace(/^\/+/, '')}`, base).href
}

/** The site paths of one feed in its three formats. */
export interface FeedRoutes {
  /** @example "/rss.xml" */
  rss: string
  /** @example "/atom.xml" */
  atom: string
  /** @example "/feed.json" */
  json: string
}

/** The site-wide feeds. */
export const SITE_FEEDS: Readonly<FeedRoutes> = {
  rss: SITE_PATHS.rss,
  atom: SITE_PATHS.atom,
  json: SITE_PATHS.jsonFeed,
}

/** The feeds of one tag, beside its page: `/tags/ai/rss.xml`, `/tags/ai/atom.xml`, ... */
export function tagFeedRoutes(tag: string): FeedRoutes {
  const folder = tagPath(tag)
  return { rss: `${folder}rss.xml`, atom: `${folder}atom.xml`, json: `${folder}feed.json` }
}

/** Size and type of every social card: what `og:image:*` tags announce and og renders. */
export const CARD_IMAGE = { width: 1200, height: 630, type: 'image/png' } as const

/**
 * The file a site path is written to, relative to the output folder:
 * `/articles/a/` becomes `articles/a/index.html`, `/rss.xml` becomes `rss.xml`.
 */
export function outputFile(sitePath: string): string {
  const trimmed = sitePath.replace(/^\/+/, '')
  return trimmed === '' || trimmed.endsWith('/') ? `${trimmed}index.html` : trimmed
}

/** The output file of an article's page, such as `articles/my-post/index.html`. */
export function articleFile(slug: string): string {
  return outputFile(articlePath(slug))
}
