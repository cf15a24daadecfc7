import { absoluteUrl, CARD_IMAGE, SITE_PATHS } from '@dawnpress/core'
import { safeUrl } from './format.ts'
import { html, raw, type SafeHtml } from './html.ts'
import { serializeJsonLd } from './json-ld.ts'
import { type PageAssets, type SiteIcons, THEME_COLORS } from './theme.ts'
import type { Author, Site } from './types.ts'

/** A feed a page announces for autodiscovery. */
export interface FeedLink {
  type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json'
  title: string
  /** Site path of the feed, such as `/rss.xml`. */
  path: string
}

/** Everything the `<head>` of one page says about it. */
export interface PageHead {
  /** The page's site path, such as `/articles/a/`; the canonical URL is built from it. */
  path: string
  /** The document title, as shown in tabs and search results. */
  title: string
  /** The title shared on social networks, usually without the site name. */
  socialTitle: string
  description: string
  type: 'website' | 'article'
  /** Site path of the page's 1200×630 social card, and a text alternative for it. */
  image: { path: string; alt: string }
  /** Dates and tags of an article page, for `article:*` properties. */
  article?: { published?: string | undefined; modified?: string | undefined; tags: string[] }
  /** The page's language (BCP 47), for `og:locale`. @default the site's */
  language?: string | undefined
  /** Who wrote the page: `meta name="author"`, `article:author` and `twitter:creator`. */
  authors?: readonly Author[] | undefined
  /** Site paths of the pages before and after this one of a paginated list. */
  pagination?: { previous?: string | undefined; next?: string | undefined } | undefined
  /** Structured data, such as schema.org `Article`. */
  jsonLd?: Record<string, unknown>
  /** Feeds to announce; the site's own three are always announced first. */
  feeds?: FeedLink[]
  /** Keep the page out of search indexes (the 404 page). */
  noindex?: boolean
}

/** The site-wide feeds: RSS, Atom and JSON Feed. */
export function siteFeeds(site: Site): FeedLink[] {
  return [
    { type: 'application/rss+xml', title: `${site.title} (RSS)`, path: SITE_PATHS.rss },
    { type: 'application/atom+xml', title: `${site.title} (Atom)`, path: SITE_PATHS.atom },
    {
      type: 'application/feed+json',
      title: `${site.title} (JSON Feed)`,
      path: SITE_PATHS.jsonFeed,
    },
  ]
}

/**
 * The icon links of a page, for the icons the build wrote: the ICO, the SVG, the
 * apple-touch icon and the manifest. `sizes="32x32"` on the ICO keeps Chrome from taking it
 * over the SVG (an ICO without `sizes` counts as every size); browsers without SVG icons
 * take the ICO. Without icons there is no link at all: no `data:` URI, which crawlers and
 * chat previews ignore, and which left `/favicon.ico` a 404.
 */
function renderIconLinks(icons: SiteIcons | undefined, href: (path: string) => string): SafeHtml {
  if (icons === undefined) return html``
  return html`<link rel="icon" href="${href(SITE_PATHS.favicon)}" sizes="32x32">
${icons.svg && html`<link rel="icon" href="${href(SITE_PATHS.faviconSvg)}" type="image/svg+xml">\n`}<link rel="apple-touch-icon" href="${href(SITE_PATHS.appleTouchIcon)}">
<link rel="manifest" href="${href(SITE_PATHS.manifest)}">
`
}

/**
 * The `<head>` contents of a page: title, description, canonical URL, Open Graph, Twitter
 * card, feed autodiscovery and JSON-LD. URLs that leave the site (canonical, `og:*`) are
 * absolute; links the browser follows (stylesheet, feeds) come from `href` so they work on
 * any host.
 */
export function renderHead(
  page: PageHead,
  site: Site,
  href: (path: string) => string,
  assets: PageAssets = {},
): SafeHtml {
  const canonical = absoluteUrl(site.url, page.path)
  const image = absoluteUrl(site.url, page.image.path)
  const feeds = [...siteFeeds(site), ...(page.feeds ?? [])]
  return html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<meta name="description" content="${page.description}">
<link rel="canonical" href="${canonical}">
${page.noindex && html`<meta name="robots" content="noindex">\n`}<meta name="color-scheme" content="light dark">
${renderThemeColors()}${renderIconLinks(assets.icons, href)}<link rel="stylesheet" href="${href(SITE_PATHS.stylesheet)}">
${renderPaginationLinks(page.pagination, href)}${renderAuthorNames(page.authors)}${feeds.map((feed) => html`<link rel="alternate" type="${feed.type}" title="${feed.title}" href="${href(feed.path)}">\n`)}<meta property="og:site_name" content="${site.title}">
<meta property="og:title" content="${page.socialTitle}">
<meta property="og:description" content="${page.description}">
<meta property="og:type" content="${page.type}">
<meta property="og:locale" content="${openGraphLocale(page.language ?? site.language)}">
<meta property="og:url" content="${canonical}">
<meta property="og:image" content="${image}">
<meta property="og:image:width" content="${CARD_IMAGE.width}">
<meta property="og:image:height" content="${CARD_IMAGE.height}">
<meta property="og:image:type" content="${CARD_IMAGE.type}">
<meta property="og:image:alt" content="${page.image.alt}">
${page.article && renderArticleProperties(page.article, page.authors ?? [])}<meta name="twitter:card" content="summary_large_image">
${site.twitter && html`<meta name="twitter:site" content="${site.twitter}">\n`}${creator(page.authors) && html`<meta name="twitter:creator" content="${creator(page.authors)}">\n`}
<meta name="twitter:title" content="${page.socialTitle}">
<meta name="twitter:description" content="${page.description}">
<meta name="twitter:image" content="${image}">
<meta name="twitter:image:alt" content="${page.image.alt}">
${page.jsonLd && html`<script type="application/ld+json">${raw(serializeJsonLd(page.jsonLd))}</script>\n`}`
}

/**
 * One `theme-color` per scheme, light then dark, each with its media query. A browser takes
 * the first whose media matches, so a tag without a query must never come first (it would
 * win in both schemes); with both queries the order only keeps light, the default scheme,
 * first for browsers that read a single tag.
 */
function renderThemeColors(): SafeHtml {
  return html`<meta name="theme-color" content="${THEME_COLORS.light}" media="(prefers-color-scheme: light)">
<meta name="theme-color" content="${THEME_COLORS.dark}" media="(prefers-color-scheme: dark)">
`
}

function renderArticleProperties(
  article: NonNullable<PageHead['article']>,
  authors: readonly Author[],
): SafeHtml {
  // A profile URL where the author has one, as Open Graph asks; else the name, as Facebook and LinkedIn take it.
  return html`${article.published && html`<meta property="article:published_time" content="${article.published}">\n`}${article.modified && html`<meta property="article:modified_time" content="${article.modified}">\n`}${authors.map((author) => html`<meta property="article:author" content="${safeUrl(author.url) ?? author.name}">\n`)}${article.tags.map((tag) => html`<meta property="article:tag" content="${tag}">\n`)}`
}

function renderAuthorNames(authors: readonly Author[] | undefined): SafeHtml {
  return html`${(authors ?? []).map((author) => html`<meta name="author" content="${author.name}">\n`)}`
}

function renderPaginationLinks(
  pagination: PageHead['pagination'],
  href: (path: string) => string,
): SafeHtml {
  return html`${pagination?.previous && html`<link rel="prev" href="${href(pagination.previous)}">\n`}${pagination?.next && html`<link rel="next" href="${href(pagination.next)}">\n`}`
}

/** The first author's X handle, for `twitter:creator`. */
function creator(authors: readonly Author[] | undefined): string | undefined {
  return authors?.find((author) => author.twitter !== undefined)?.twitter
}

/**
 * A BCP 47 language tag as Open Graph writes a locale: language and region joined by `_`
 * (`en-GB` → `en_GB`, `zh-Hant-TW` → `zh_TW`); a tag without a region is its language alone.
 *
 * @example
 * openGraphLocale('pt-br') // 'pt_BR'
 */
export function openGraphLocale(language: string): string {
  const [primary = 'en', ...rest] = language.split('-')
  const region = rest.find((part) => /^(?:[a-z]{2}|\d{3})$/i.test(part))
  return region === undefined
    ? primary.toLowerCase()
    : `${primary.toLowerCase()}_${region.toUpperCase()}`
}
