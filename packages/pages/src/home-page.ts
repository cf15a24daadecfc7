import { SITE_PATHS } from '@dawnpress/core'
import { renderArticleList } from './article-list.ts'
import { html } from './html.ts'
import type { PageOptions } from './layout.ts'
import { renderSearchForm } from './search-page.ts'
import type { TagGroup } from './tags.ts'
import type { Site, SiteArticle } from './types.ts'

/**
 * The home page: the publication's name and purpose with its feeds, every article newest
 * first, and the topics (tags) with how many articles each has.
 */
export function homePage(
  articles: readonly SiteArticle[],
  tags: readonly TagGroup[],
  site: Site,
  href: (path: string) => string,
  options: { search?: boolean | undefined } = {},
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
${options.search && html`${renderSearchForm(href, { id: 'home-search' })}\n`}<p class="subscribe">Subscribe: <a href="${href(SITE_PATHS.rss)}">RSS</a> <a href="${href(SITE_PATHS.atom)}">Atom</a> <a href="${href(SITE_PATHS.jsonFeed)}">JSON Feed</a></p>
</section>
<div class="home">
<section class="home__articles" aria-labelledby="latest-title">
<h2 class="section-title" id="latest-title">Latest articles</h2>
${renderArticleList(articles, site, href, 3)}
</section>
${
  tags.length > 0 &&
  html`<aside class="home__topics" aria-labelledby="topics-title">
<h2 class="section-title" id="topics-title">Topics</h2>
<ul class="topics">${tags.map((tag) => html`<li><a href="${href(tag.path)}"><span>${tag.name}</span> <span class="topics__count">${tag.articles.length}<span class="sr-only"> ${tag.articles.length === 1 ? 'article' : 'articles'}</span></span></a></li>`)}</ul>
</aside>`
}
</div>`,
  }
}
