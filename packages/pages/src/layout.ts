import { languageDirection, SITE_PATHS } from '@dawnpress/core'
import { type PageHead, renderHead } from './head.ts'
import { html, type SafeHtml } from './html.ts'
import type { PageAssets } from './theme.ts'
import type { Site } from './types.ts'

/** Everything one page needs: what its head says, and its main content. */
export interface PageOptions {
  head: PageHead
  /** The page's own language when it differs from the site's (an article's `lang`). */
  lang?: string | undefined
  /** Makes a link from this page to a site path. */
  href: (path: string) => string
  main: SafeHtml
  /** What the build wrote beside the pages (icons, a search index), for the pages to link. */
  assets?: PageAssets | undefined
}

/** `lang` and `dir` of the site's language, for its words on a page in another language. */
export function siteLanguage(site: Site): SafeHtml {
  return html` lang="${site.language}" dir="${languageDirection(site.language)}"`
}

/** A complete HTML document: head, site header with navigation, main content, footer. */
export function renderDocument(page: PageOptions, site: Site): string {
  const { href } = page
  const isHome = page.head.path === SITE_PATHS.home
  const lang = page.lang ?? site.language
  // The header and footer are in the site's language, also on a page in another one.
  const chrome = lang !== site.language && siteLanguage(site)
  return html`<!doctype html>
<html lang="${lang}" dir="${languageDirection(lang)}">
<head>
${renderHead(page.head, site, href, page.assets)}</head>
<body>
<a class="skip-link" href="#main"${chrome}>Skip to content</a>
<header class="site-header"${chrome}>
<div class="wrap site-header__inner">
<a class="brand" href="${href(SITE_PATHS.home)}"${isHome && html` aria-current="page"`}><span class="brand__mark" aria-hidden="true"></span>${site.title}</a>
<nav class="site-nav" aria-label="Site">
<a href="${href(SITE_PATHS.articles)}"${page.head.path === SITE_PATHS.articles && html` aria-current="page"`}>Articles</a>
<a href="${href(SITE_PATHS.tags)}"${page.head.path === SITE_PATHS.tags && html` aria-current="page"`}>Topics</a>
${page.assets?.search && html`<a href="${href(SITE_PATHS.search)}">Search</a>\n`}<a href="${href(SITE_PATHS.rss)}">RSS</a>
</nav>
</div>
</header>
<main id="main" class="wrap">
${page.main}
</main>
<footer class="site-footer"${chrome}>
<div class="wrap site-footer__inner">
<p>${site.copyright ?? `© ${site.author.name}`}</p>
<p class="site-footer__feeds">Follow via <a href="${href(SITE_PATHS.rss)}">RSS</a>, <a href="${href(SITE_PATHS.atom)}">Atom</a> or <a href="${href(SITE_PATHS.jsonFeed)}">JSON Feed</a></p>
</div>
</footer>
</body>
</html>
`.value
}
