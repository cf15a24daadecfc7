import { absoluteUrl, articleLanguage, SITE_PATHS } from '@dawnpress/core'
import { html, raw, type SafeHtml } from './html.ts'
import type { PageOptions } from './layout.ts'
import type { Site, SiteArticle } from './types.ts'

/**
 * A search box: a plain GET form to the search page (`/search/?q=…`), so it works without
 * JavaScript; the search page then runs the query.
 */
export function renderSearchForm(
  href: (path: string) => string,
  options: { id: string; value?: string | undefined },
): SafeHtml {
  return html`<form class="search-form" role="search" action="${href(SITE_PATHS.search)}" method="get">
<label for="${options.id}">Search the articles</label>
<input id="${options.id}" type="search" name="q" autocomplete="off"${options.value !== undefined && html` value="${options.value}"`}>
<button type="submit">Search</button>
</form>`
}

// Runs Pagefind's own UI over the index the build wrote beside the page. The query comes
// from `?q=` (the home page's form); `?lang=` picks another language's index, since
// Pagefind loads the index of the page's `<html lang>`. Its results are links under the
// site's base path. When the bundle cannot load (a dev server, which keeps no index), the
// plain form stays and a notice says why.
const SEARCH_SCRIPT = (basePath: string) => `<script>
(() => {
  const params = new URLSearchParams(location.search)
  const lang = params.get('lang')
  if (lang && /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/.test(lang)) document.documentElement.lang = lang
  // The bundle's script above has run (or failed to load) by now: scripts run in order.
  if (typeof PagefindUI !== 'function') {
    document.querySelector('[data-search-unavailable]').hidden = false
    return
  }
  document.querySelector('[data-search-fallback]').hidden = true
  const ui = new PagefindUI({ element: '#search', baseUrl: ${JSON.stringify(basePath).replace(/</g, '\\u003c')}, showImages: false, showSubResults: true, autofocus: true })
  const query = params.get('q')
  if (query) ui.triggerSearch(query)
})()
</script>`

/**
 * The search page, `/search/`: a search box, Pagefind's UI over the index under
 * `/pagefind/` (self-hosted: its script and stylesheet come from the written bundle), a link
 * for each other language the articles are written in, and, without JavaScript, a notice
 * that search needs it. In a preview (`dawnpress dev`, which writes no index) it says that
 * search works on a built site.
 */
export function searchPage(
  articles: readonly SiteArticle[],
  site: Site,
  href: (path: string) => string,
  preview: Date | undefined,
): Omit<PageOptions, 'href'> {
  const basePath = new URL(absoluteUrl(site.url, '/')).pathname
  const bundle = (file: string) => href(`${SITE_PATHS.searchBundle}${file}`)
  const languages = [...new Set(articles.map((article) => articleLanguage(article, site)))]
    .filter((language) => language.toLowerCase() !== site.language.toLowerCase())
    .sort()
  const head = {
    path: SITE_PATHS.search,
    title: `Search · ${site.title}`,
    socialTitle: `Search ${site.title}`,
    description: `Search the articles of ${site.title}.`,
    type: 'website' as const,
    image: { path: SITE_PATHS.siteCard, alt: `${site.title}: ${site.description}` },
    noindex: true,
  }
  if (preview !== undefined) {
    return {
      head,
      main: html`<section class="search-page" data-pagefind-ignore="all">
<h1 class="intro__title">Search</h1>
<p class="notice" role="note"><strong>Search works on a built site.</strong> This preview keeps no search index: run <code>dawnpress build</code>, then <code>dawnpress preview</code>, to search the articles.</p>
</section>`,
    }
  }
  return {
    head,
    main: html`<section class="search-page" data-pagefind-ignore="all">
<h1 class="intro__title">Search</h1>
<div data-search-fallback>
${renderSearchForm(href, { id: 'search-query' })}
<noscript><p class="notice" role="note">Search runs in your browser and needs JavaScript. The <a href="${href(SITE_PATHS.home)}">home page</a> lists every article and topic.</p></noscript>
</div>
<p class="notice" role="note" data-search-unavailable hidden>Search could not be loaded. The <a href="${href(SITE_PATHS.home)}">home page</a> lists every article and topic.</p>
<div id="search" class="search-results"></div>
${
  languages.length > 0 &&
  html`<p class="search-languages">Search articles in another language: ${languages.map((language, index) => html`${index > 0 && ', '}<a href="${href(SITE_PATHS.search)}?lang=${language}" hreflang="${language}" lang="${language}">${language}</a>`)} (or <a href="${href(SITE_PATHS.search)}">${site.language}</a>).</p>`
}
<link rel="stylesheet" href="${bundle('pagefind-ui.css')}">
<script src="${bundle('pagefind-ui.js')}"></script>
${raw(SEARCH_SCRIPT(basePath))}
</section>`,
  }
}
