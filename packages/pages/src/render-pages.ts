import { absoluteUrl, articlePath, outputFile, SITE_PATHS } from '@dawnpress/core'
import type { PageImage } from './article-page.ts'
import { articlePage } from './article-page.ts'
import { relativeHref } from './format.ts'
import { homePage } from './home-page.ts'
import { archivePage, tagsPage } from './index-pages.ts'
import { type PageOptions, renderDocument } from './layout.ts'
import { notFoundPage } from './not-found-page.ts'
import { DEFAULT_PAGE_SIZE, paginate } from './pagination.ts'
import { renderRedirectPage } from './redirect-page.ts'
import { searchPage } from './search-page.ts'
import { SEARCH_STYLES } from './search-styles.ts'
import { renderRobots, renderSitemaps } from './sitemap.ts'
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
  /**
   * What the build knows of the site's own images, by site path: their size and smaller
   * copies, so that a cover image is shown at its size with a `srcset`. @default none
   */
  images?: ReadonlyMap<string, PageImage> | undefined
  /**
   * Articles on each page of the home page's and each tag's list. Page 1 is `/` (or
   * `/tags/<tag>/`), page N is `/page/N/` (or `/tags/<tag>/page/N/`); `/articles/` lists
   * every article on one page.
   * @default 10
   */
  pageSize?: number | undefined
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
 * them): the home page and each tag's page, paginated (`pageSize`), the `/articles/` and
 * `/tags/` indexes, one page per article and a redirect page at each of its old slugs
 * (`redirect_from`), the search page (with `search`), `404.html`, `sitemap.xml`,
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
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) {
    throw new TypeError(`pageSize must be a whole number of articles from 1, not ${pageSize}.`)
  }
  const tags = groupByTag(articles)
  const search = options.search ?? false
  const assets: PageAssets = { icons: options.icons, search }
  for (const list of paginate(articles, SITE_PATHS.home, pageSize)) {
    yield page(site, list.path, (href) => homePage(list, tags, site, href, { search }), assets)
  }
  yield page(site, SITE_PATHS.articles, (href) => archivePage(articles, site, href), assets)
  yield page(site, SITE_PATHS.tags, (href) => tagsPage(tags, site, href), assets)

  for (const [index, article] of articles.entries()) {
    const neighbours = { previous: articles[index + 1], next: articles[index - 1] }
    yield page(
      site,
      articlePath(article.slug),
      (href) => articlePage(article, site, neighbours, href, options.preview, options.images),
      assets,
    )
    for (const old of article.redirect_from ?? []) {
      yield {
        path: outputFile(articlePath(old)),
        contents: renderRedirectPage(article, old, site),
      }
    }
  }
  for (const tag of tags) {
    for (const list of paginate(tag.articles, tag.path, pageSize)) {
      yield page(site, list.path, (href) => tagPage(tag, list, site, href, { tagFeeds }), assets)
    }
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
  yield* renderSitemaps(articles, tags, site, pageSize)
  yield { path: outputFile(SITE_PATHS.robots), contents: renderRobots(site) }
  yield {
    path: outputFile(SITE_PATHS.stylesheet),
    contents: search ? STYLESHEET + SEARCH_STYLES : STYLESHEET,
  }
}
