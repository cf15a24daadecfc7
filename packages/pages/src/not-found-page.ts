import { articlePath, SITE_PATHS } from '@dawnpress/core'
import { html } from './html.ts'
import type { PageOptions } from './layout.ts'
import type { Site, SiteArticle } from './types.ts'

/** The page served for unknown paths, with a way back and the latest articles. */
export function notFoundPage(
  articles: readonly SiteArticle[],
  site: Site,
  href: (path: string) => string,
): Omit<PageOptions, 'href'> {
  const latest = articles.slice(0, 5)
  return {
    head: {
      path: SITE_PATHS.notFound,
      title: `Page not found · ${site.title}`,
      socialTitle: 'Page not found',
      description: 'There is no page at this address.',
      type: 'website',
      image: { path: SITE_PATHS.siteCard, alt: `${site.title}: ${site.description}` },
      noindex: true,
    },
    main: html`<section class="intro intro--error">
<p class="intro__eyebrow">Error 404</p>
<h1 class="intro__title">Page not found</h1>
<p class="intro__description">There is no page at this address. It may have moved, or the link may be mistyped.</p>
<p><a class="button" href="${href(SITE_PATHS.home)}">Go to the home page</a></p>
</section>
${
  latest.length > 0 &&
  html`<section class="latest" aria-labelledby="latest-title">
<h2 id="latest-title">Latest articles</h2>
<ul>${latest.map((article) => html`<li><a href="${href(articlePath(article.slug))}">${article.title}</a></li>`)}</ul>
</section>`
}`,
  }
}
