import { absoluteUrl, articlePath, outputFile, SITE_PATHS } from '@dawnpress/core'
import { articlePage } from './article-page.ts'
import { relativeHref } from './format.ts'
import { homePage } from './home-page.ts'
import { type PageOptions, renderDocument } from './layout.ts'
import { notFoundPage } from './not-found-page.ts'
import { searchPage } from './search-page.ts'
import { SEARCH_STYLES } from './search-styles.ts'
import { renderRobots, renderSitemap } from './sitemap.ts'
import { STYLESHEET } from './styles.ts'
import { tagPage } from './tag-page.ts'
import { groupByTag } from './tags.ts'
import type { PageAssets, SiteIcons } from './theme.ts'
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
   * The icons written beside the pages (`favicon.ico`, `apple-touch-icon.png`, the manifest
   * and, for an SVG logo, `favicon.svg`), which every page then links. @default none: no
   * icon links
   */
  icons?: SiteIcons | undefined
  /**
   * A Pagefind index is written under `/pagefind/`: render the search page (`/search/`), a
   * search box on the home page and a link in the navigation. In a preview the search page
   * says that search works on a built site. @default false
   */
  search?: boolean | undefined
}

function page(
  site: Site,
  path: string,
  build: (href: (to: string) => string) => Omit<PageOptions, 'href'>,
  assets: PageAssets,
): OutputFile {
  const href = (to: string) => relativeHref(path, to)
  return {
    path: outputFile(path),
    contents: renderDocument({ ...build(href), href, assets }, site),
  }
}

/**
 * Renders every page of the site from articles (newest first, as `loadCollection` returns
 * them): the home page, one page per article and per tag, the search page (with `search`),
 * `404.html`, `sitemap.xml`, `robots.txt` and the stylesheet. Pure and deterministic: the
 * same input gives the same bytes. Pages come one at a time, each rendered only when asked for: write each and let it
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
  const search = options.search ?? false
  const assets: PageAssets = { icons: options.icons, search }
  yield page(
    site,
    SITE_PATHS.home,
    (href) => homePage(articles, tags, site, href, { search }),
    assets,
  )

  for (const [index, article] of articles.entries()) {
    const neighbours = { previous: articles[index + 1], next: articles[index - 1] }
    yield page(
      site,
      articlePath(article.slug),
      (href) => articlePage(article, site, neighbours, href, options.preview),
      assets,
    )
  }
  for (const tag of tags) {
    yield page(site, tag.path, (href) => tagPage(tag, site, href, { tagFeeds }), assets)
  }
  if (search) {
    yield page(
      site,
      SITE_PATHS.search,
      (href) => searchPage(articles, site, href, options.preview),
      assets,
    )
  }

  // The 404 page is served at any depth, so its links start from the site's base path.
  const basePath = new URL(absoluteUrl(site.url, '/')).pathname
  const rooted = (to: string) => basePath + to.replace(/^\/+/, '')
  yield {
    path: outputFile(SITE_PATHS.notFound),
    contents: renderDocument(
      { ...notFoundPage(articles, site, rooted), href: rooted, assets },
      site,
    ),
  }
  yield { path: outputFile(SITE_PATHS.sitemap), contents: renderSitemap(articles, tags, site) }
  yield { path: outputFile(SITE_PATHS.robots), contents: renderRobots(site) }
  yield {
    path: outputFile(SITE_PATHS.stylesheet),
    contents: search ? STYLESHEET + SEARCH_STYLES : STYLESHEET,
  }
}
