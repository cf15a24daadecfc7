import { SITE_PATHS, tagFeedRoutes } from '@dawnpress/core'
import { renderArticleList } from './article-list.ts'
import type { FeedLink } from './head.ts'
import { html } from './html.ts'
import type { PageOptions } from './layout.ts'
import { type ListPage, pageLabel, renderPagination } from './pagination.ts'
import type { TagGroup } from './tags.ts'
import type { Site, SiteArticle } from './types.ts'

function tagFeeds(tag: TagGroup, site: Site): FeedLink[] {
  const feeds = tagFeedRoutes(tag.name)
  return [
    { type: 'application/rss+xml', title: `${site.title}: ${tag.name} (RSS)`, path: feeds.rss },
    { type: 'application/atom+xml', title: `${site.title}: ${tag.name} (Atom)`, path: feeds.atom },
    {
      type: 'application/feed+json',
      title: `${site.title}: ${tag.name} (JSON Feed)`,
      path: feeds.json,
    },
  ]
}

/**
 * A page of a tag's list: one page of the articles with that tag, newest first, with links
 * to the pages before and after, and the tag's own feeds.
 */
export function tagPage(
  tag: TagGroup,
  page: ListPage<SiteArticle>,
  site: Site,
  href: (path: string) => string,
  options: { tagFeeds: boolean },
): Omit<PageOptions, 'href'> {
  const count = tag.articles.length
  const label = pageLabel(page)
  const title = `Articles tagged “${tag.name}”`
  return {
    head: {
      path: page.path,
      title: `${title}${label ? ` · ${label}` : ''} · ${site.title}`,
      socialTitle: title,
      description: `${count} ${count === 1 ? 'article' : 'articles'} about ${tag.name} from ${site.title}.`,
      type: 'website',
      image: { path: SITE_PATHS.siteCard, alt: `${site.title}: ${site.description}` },
      ...(options.tagFeeds && { feeds: tagFeeds(tag, site) }),
      pagination: page,
    },
    main: html`<section class="intro intro--tag">
<p class="intro__eyebrow">Tag${label && ` · ${label}`}</p>
<h1 class="intro__title" dir="auto">${tag.name}</h1>
<p class="intro__description">${count} ${count === 1 ? 'article' : 'articles'}${options.tagFeeds && html` · <a href="${href(tagFeedRoutes(tag.name).rss)}">RSS feed for this tag</a>`}</p>
</section>
<section aria-label="Articles">
${renderArticleList(page.items, site, href)}
${renderPagination(page, href, SITE_PATHS.articles)}
</section>`,
  }
}
