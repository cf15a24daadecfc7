import { absoluteUrl, CARD_IMAGE, SITE_PATHS } from '@dawnpress/core'
import { safeUrl } from './format.ts'
import { html, raw, type SafeHtml } from './html.ts'
import { serializeJsonLd } from './json-ld.ts'
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

const ICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#0b1020"/><circle cx="32" cy="40" r="14" fill="#f59e0b"/><rect x="10" y="40" width="44" height="14" fill="#0b1020"/><rect x="10" y="42" width="44" height="3" rx="1.5" fill="#f5f3ee"/></svg>',
)}`

/**
 * The `<head>` contents of a page: title, description, canonical URL, Open Graph, Twitter
 * card, feed autodiscovery and JSON-LD. URLs that leave the site (canonical, `og:*`) are
 * absolute; links the browser follows (stylesheet, feeds) come from `href` so they work on
 * any host.
 */
export function renderHead(page: PageHead, site: Site, href: (path: string) => string): SafeHtml {
  const canonical = absoluteUrl(site.url, page.path)
  const image = absoluteUrl(site.url, page.image.path)
  const feeds = [...siteFeeds(site), ...(page.feeds ?? [])]
  return html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<meta name="description" content="${page.description}">
<link rel="canonical" href="${canonical}">
${page.noindex && html`<meta name="robots" content="noindex">\n`}<meta name="color-scheme" content="light dark">
<meta name="theme-color" content="#fbfaf7" media="(prefers-color-scheme: light)">
<meta name="theme-color" content="#0b1020" media="(prefers-color-scheme: dark)">
<link rel="icon" href="${ICON}">
<link rel="stylesheet" href="${href(SITE_PATHS.stylesheet)}">
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
