import { absoluteUrl, articlePath, SITE_PATHS } from '@dawnpress/core'
import { escapeHtml } from './html.ts'
import { paginate } from './pagination.ts'
import type { TagGroup } from './tags.ts'
import type { Site, SiteArticle } from './types.ts'

function latest(articles: readonly SiteArticle[]): string | undefined {
  let newest: string | undefined
  for (const article of articles) {
    const changed = article.updated ?? article.date
    if (changed !== undefined && (newest === undefined || changed > newest)) newest = changed
  }
  return newest
}

function entry(loc: string, lastmod: string | undefined): string {
  return `<url><loc>${escapeHtml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`
}

/**
 * `sitemap.xml` (sitemaps.org 0.9): every page of the home page's list, the two indexes,
 * every article and every page of each tag's list, with the date each last changed. The
 * 404 page and the redirect pages at old slugs are left out.
 */
export function renderSitemap(
  articles: readonly SiteArticle[],
  tags: readonly TagGroup[],
  site: Site,
  pageSize: number,
): string {
  const list = (items: readonly SiteArticle[], first: string) =>
    paginate(items, first, pageSize).map((page) =>
      entry(absoluteUrl(site.url, page.path), latest(page.items)),
    )
  const urls = [
    ...list(articles, SITE_PATHS.home),
    entry(absoluteUrl(site.url, SITE_PATHS.articles), latest(articles)),
    entry(absoluteUrl(site.url, SITE_PATHS.tags), latest(articles)),
    ...articles.map((article) =>
      entry(absoluteUrl(site.url, articlePath(article.slug)), article.updated ?? article.date),
    ),
    ...tags.flatMap((tag) => list(tag.articles, tag.path)),
  ]
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`
}

/** `robots.txt`: everything may be crawled, and the sitemap is announced. */
export function renderRobots(site: Site): string {
  return `User-agent: *
Allow: /

Sitemap: ${absoluteUrl(site.url, SITE_PATHS.sitemap)}
`
}
