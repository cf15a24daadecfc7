import { SITE_PATHS } from '@dawnpress/core'
import { renderArticleList } from './article-list.ts'
import { html } from './html.ts'
import type { PageOptions } from './layout.ts'
import { type ListPage, pageLabel, renderPagination } from './pagination.ts'
import { renderSearchForm } from './search-page.ts'
import type { TagGroup } from './tags.ts'
import type { Site, SiteArticle } from './types.ts'

/**
 * A page of the home page's list: the publication's name and purpose with its feeds, one
 * page of articles newest first with links to the pages before and after, and the topics
 * (tags) with how many articles each has.
 */
export function homePage(
  page: ListPage<SiteArticle>,
  tags: readonly TagGroup[],
  site: Site,
  href: (path: string) => string,
  options: { search?: boolean | undefined } = {},
): Omit<PageOptions, 'href'> {
  const label = pageLabel(page)
  return {
    head: {
      path: page.path,
      title: label ? `${site.title} · ${label}` : site.title,
      socialTitle: site.title,
      description: site.description,
      type: 'website',
      image: { path: SITE_PATHS.siteCard, alt: `${site.title}: ${site.description}` },
      authors: [site.author],
      pagination: page,
    },
    main: html`<section class="intro">
${label && html`<p class="intro__eyebrow">${label}</p>`}
<h1 class="intro__title">${site.title}</h1>
<p class="intro__description">${site.description}</p>
${options.search && html`${renderSearchForm(href, { id: 'home-search' })}\n`}<p class="subscribe">Subscribe: <a href="${href(SITE_PATHS.rss)}">RSS</a> <a href="${href(SITE_PATHS.atom)}">Atom</a> <a href="${href(SITE_PATHS.jsonFeed)}">JSON Feed</a></p>
</section>
<div class="home">
<section class="home__articles" aria-labelledby="latest-title">
<h2 class="section-title" id="latest-title">${page.number === 1 ? 'Latest articles' : 'Older articles'}</h2>
${renderArticleList(page.items, site, href, 3)}
${renderPagination(page, href, SITE_PATHS.articles)}
</section>
${
  tags.length > 0 &&
  html`<aside class="home__topics" aria-labelledby="topics-title">
<h2 class="section-title" id="topics-title">Topics</h2>
<ul class="topics">${tags.map((tag) => html`<li><a href="${href(tag.path)}"><span dir="auto">${tag.name}</span> <span class="topics__count">${tag.articles.length}<span class="sr-only"> ${tag.articles.length === 1 ? 'article' : 'articles'}</span></span></a></li>`)}</ul>
<p class="topics__all"><a href="${href(SITE_PATHS.tags)}">Every topic</a></p>
</aside>`
}
</div>`,
  }
}
