import { absoluteUrl, articlePath, outputFile, SITE_PATHS } from '@dawnpress/core'
import type { PageImage } from './article-page.ts'
import { articlePage } from './article-page.ts'
import { relativeHref } from './format.ts'
import { homePage } from './home-page.ts'
import { type PageOptions, renderDocument } from './layout.ts'
import { notFoundPage } from './not-found-page.ts'
import { renderRobots, renderSitemap } from './sitemap.ts'
import { STYLESHEET } from './styles.ts'
import { tagPage } from './tag-page.ts'
import { groupByTag } from './tags.ts'
import type { OutputFile, Site, SiteArticle } from './types.ts'

/** Options of `renderPages`. */
export interface RenderPagesOptions {
  /**
   * Announce the per-tag feeds (`tags/<tag>/rss.xml`, ...) on tag pages. Turn off when the
   * feeds are not built with the site.
   * @default true
   */
  tagFeeds?: boolean
  /**
   * Render a preview as of this time, as the dev server does: drafts and articles scheduled
   * after it get a notice that readers cannot see them yet. @default none: a published site
   */
  preview?: Date | undefined
  /**
   * What the build knows of the site's own images, by site path: their size and smaller
   * copies, so that a cover image is shown at its size with a `srcset`. @default none
   */
  images?: ReadonlyMap<string, PageImage> | undefined
}

function page(
  site: Site,
  path: string,
  build: (href: (to: string) => string) => Omit<PageOptions, 'href'>,
): OutputFile {
  const href = (to: string) => relativeHref(path, to)
  return { path: outputFile(path), contents: renderDocument({ ...build(href), href }, site) }
}

/**
 * Renders every page of the site from articles (newest first, as `loadCollection` returns
 * them): the home page, one page per article and per tag, `404.html`, `sitemap.xml`,
 * `robots.txt` and the stylesheet. Pure and deterministic: the same input gives the same
 * bytes. Pages come one at a time, each rendered only when asked for: write each and let it
 * go, and a large site never holds all its pages in memory (`[...renderPages(…)]` for all).
 * Article bodies are placed as they are: their type says that core sanitised them.
 *
 * @example
 * for (const file of renderPages(articles, site)) await writeFile(join(out, file.path), file.contents)
 */
export function* renderPages(
  articles: readonly SiteArticle[],
  site: Site,
  options: RenderPagesOptions = {},
): Generator<OutputFile, void, undefined> {
  const tagFeeds = options.tagFeeds ?? true
  const tags = groupByTag(articles)
  yield page(site, SITE_PATHS.home, (href) => homePage(articles, tags, site, href))

  for (const [index, article] of articles.entries()) {
    const neighbours = { previous: articles[index + 1], next: articles[index - 1] }
    yield page(site, articlePath(article.slug), (href) =>
      articlePage(article, site, neighbours, href, options.preview, options.images),
    )
  }
  for (const tag of tags) {
    yield page(site, tag.path, (href) => tagPage(tag, site, href, { tagFeeds }))
  }

  // The 404 page is served at any depth, so its links start from the site's base path.
  const basePath = new URL(absoluteUrl(site.url, '/')).pathname
  const rooted = (to: string) => basePath + to.replace(/^\/+/, '')
  yield {
    path: outputFile(SITE_PATHS.notFound),
    contents: renderDocument({ ...notFoundPage(articles, site, rooted), href: rooted }, site),
  }
  yield { path: outputFile(SITE_PATHS.sitemap), contents: renderSitemap(articles, tags, site) }
  yield { path: outputFile(SITE_PATHS.robots), contents: renderRobots(site) }
  yield { path: outputFile(SITE_PATHS.stylesheet), contents: STYLESHEET }
}
