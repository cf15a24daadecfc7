import {
  absoluteUrl,
  articleLanguage,
  articlePath,
  languageDirection,
  SITE_PATHS,
} from '@dawnpress/core'
import { relativeHref } from './format.ts'
import { html } from './html.ts'
import type { Site, SiteArticle } from './types.ts'

/**
 * The page left at an old slug of a renamed article (`redirect_from`): a browser goes on
 * at once to the article (`meta refresh`, relative so that it works on any host), search
 * engines are told where the article is now (canonical) and keep the old page out of their
 * index, and a reader without either sees a link. A static site cannot answer with a 301.
 *
 * @example
 * renderRedirectPage(article, 'old-name', site) // the file for /articles/old-name/
 */
export function renderRedirectPage(article: SiteArticle, oldSlug: string, site: Site): string {
  const from = articlePath(oldSlug)
  const to = articlePath(article.slug)
  const target = relativeHref(from, to)
  const language = articleLanguage(article, site)
  return html`<!doctype html>
<html lang="${site.language}" dir="${languageDirection(site.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${article.title} · ${site.title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${absoluteUrl(site.url, to)}">
<meta http-equiv="refresh" content="0; url=${target}">
<link rel="stylesheet" href="${relativeHref(from, SITE_PATHS.stylesheet)}">
</head>
<body>
<main id="main" class="wrap">
<p class="redirect">This article has moved to <a href="${target}" lang="${language}" dir="${languageDirection(language)}">${article.title}</a>.</p>
</main>
</body>
</html>
`.value
}
