import { renderArticleList } from './article-list.ts'
import { html } from './html.ts'
import type { PageOptions } from './layout.ts'
import { SITE_PATHS } from './paths.ts'
import type { Site, SiteArticle } from './types.ts'

/** The home page: the publication's name and purpose, then every article, newest first. */
export function homePage(
  articles: readonly SiteArticle[],
  site: Site,
  href: (path: string) => string,
): Omit<PageOptions, 'href'> {
  return {
    head: {
      path: SITE_PATHS.home,
      title: site.title,
      socialTitle: site.title,
      description: site.description,
      type: 'website',
      image: { path: SITE_PATHS.siteCard, alt: `${site.title}: ${site.description}` },
    },
    main: html`<section class="intro">
<h1 class="intro__title">${site.title}</h1>
<p class="intro__description">${site.description}</p>
</section>
<section aria-label="Articles">
${renderArticleList(articles, site, href)}
</section>`,
  }
}
