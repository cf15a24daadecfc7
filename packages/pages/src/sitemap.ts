import { absoluteUrl, articlePath, outputFile, SITE_PATHS, sitemapPartPath } from '@dawnpress/core'
import { escapeHtml } from './html.ts'
import { paginate } from './pagination.ts'
import type { TagGroup } from './tags.ts'
import type { Site, SiteArticle } from './types.ts'

function latest(articles: readonly SiteArticle[]): string | undefined {
  return newest(articles.map((article) => article.updated ?? article.date))
}

function entry(loc: string, lastmod: string | undefined): string {
  return `<url><loc>${escapeHtml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`
}

/** What one sitemap may hold, by the protocol: 50,000 URLs and 50 MB (52,428,800 bytes). */
export const SITEMAP_LIMITS = { urls: 50_000, bytes: 52_428_800 }

const URLSET_OPEN = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
`
const URLSET_CLOSE = `
</urlset>
`

/**
 * The sitemap (sitemaps.org 0.9): every page of the home page's list, the two indexes,
 * every article and every page of each tag's list, with the date each last changed. The
 * 404 page and the redirect pages at old slugs are left out. One `sitemap.xml` while the
 * URLs fit in one (`SITEMAP_LIMITS`); past that, `sitemap.xml` is a sitemap index of
 * `sitemap-1.xml`, `sitemap-2.xml`…, each within the limits, as search engines require.
 */
export function renderSitemaps(
  articles: readonly SiteArticle[],
  tags: readonly TagGroup[],
  site: Site,
  pageSize: number,
  limits: { urls: number; bytes: number } = SITEMAP_LIMITS,
): { path: string; contents: string }[] {
  const url = (path: string, lastmod: string | undefined) => ({
    xml: entry(absoluteUrl(site.url, path), lastmod),
    lastmod,
  })
  const list = (items: readonly SiteArticle[], first: string) =>
    paginate(items, first, pageSize).map((page) => url(page.path, latest(page.items)))
  const newestOfAll = latest(articles)
  const urls = [
    ...list(articles, SITE_PATHS.home),
    url(SITE_PATHS.articles, newestOfAll),
    url(SITE_PATHS.tags, newestOfAll),
    ...articles.map((article) => url(articlePath(article.slug), article.updated ?? article.date)),
    ...tags.flatMap((tag) => list(tag.articles, tag.path)),
  ]
  const parts = splitUrls(urls, limits)
  const urlset = (part: readonly { xml: string }[]) =>
    `${URLSET_OPEN}${part.map((url) => url.xml).join('\n')}${URLSET_CLOSE}`
  if (parts.length <= 1) {
    return [{ path: outputFile(SITE_PATHS.sitemap), contents: urlset(parts[0] ?? []) }]
  }
  const files = parts.map((part, index) => ({
    path: outputFile(sitemapPartPath(index + 1)),
    contents: urlset(part),
  }))
  const index = parts.map((part, number) => {
    const loc = escapeHtml(absoluteUrl(site.url, sitemapPartPath(number + 1)))
    const lastmod = newest(part.map((url) => url.lastmod))
    return `<sitemap><loc>${loc}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>`
  })
  const sitemapIndex = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${index.join('\n')}
</sitemapindex>
`
  return [{ path: outputFile(SITE_PATHS.sitemap), contents: sitemapIndex }, ...files]
}

/** URLs in runs that each make a sitemap within the limits, in order. */
function splitUrls<T extends { xml: string }>(
  urls: readonly T[],
  limits: { urls: number; bytes: number },
): T[][] {
  const frame = Buffer.byteLength(URLSET_OPEN) + Buffer.byteLength(URLSET_CLOSE)
  const parts: T[][] = []
  let part: T[] = []
  let bytes = frame
  for (const url of urls) {
    const size = Buffer.byteLength(url.xml) + 1
    if (part.length > 0 && (part.length >= limits.urls || bytes + size > limits.bytes)) {
      parts.push(part)
      part = []
      bytes = frame
    }
    part.push(url)
    bytes += size
  }
  if (part.length > 0) parts.push(part)
  return parts
}

function newest(dates: readonly (string | undefined)[]): string | undefined {
  let found: string | undefined
  for (const date of dates)
    if (date !== undefined && (found === undefined || date > found)) found = date
  return found
}

/** `robots.txt`: everything may be crawled, and the sitemap is announced. */
export function renderRobots(site: Site): string {
  return `User-agent: *
Allow: /

Sitemap: ${absoluteUrl(site.url, SITE_PATHS.sitemap)}
`
}
