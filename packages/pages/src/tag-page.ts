import { SITE_PATHS, tagFeedRoutes } from '@dawnpress/core'
import { renderArticleList } from './article-list.ts'
import { html } from './html.ts'
import type { PageOptions } from './layout.ts'
import type { TagGroup } from './tags.ts'
import type { Site } from './types.ts'

/** A tag's page: every article with that tag, newest first, and the tag's own feeds. */
export function tagPage(
  tag: TagGroup,
  site: Site,
  href: (path: string) => string,
  options: { tagFeeds: boolean },
): Omit<PageOptions, 'href'> {
  const count = tag.articles.length
  const feeds = tagFeedRoutes(tag.name)
  return {
    head: {
      path: tag.path,
      title: `Articles tagged “${tag.name}” · ${site.title}`,
      socialTitle: `Articles tagged “${tag.name}”`,
      description: `${count} ${count === 1 ? 'article' : 'articles'} about ${tag.name} from ${site.title}.`,
      type: 'website',
      image: { path: SITE_PATHS.siteCard, alt: `${site.title}: ${site.description}` },
      ...(options.tagFeeds && {
        feeds: [
          {
            type: 'application/rss+xml',
            title: `${site.title}: ${tag.name} (RSS)`,
            path: feeds.rss,
          },
          {
            type: 'application/atom+xml',
            title: `${site.title}: ${tag.name} (Atom)`,
            path: feeds.atom,
          },
          {
            type: 'application/feed+json',
            title: `${site.title}: ${tag.name} (JSON Feed)`,
            path: feeds.json,
          },
        ],
      }),
    },
    main: html`<section class="intro intro--tag">
<p class="intro__eyebrow">Tag</p>
<h1 class="intro__title">${tag.name}</h1>
<p class="intro__description">${count} ${count === 1 ? 'article' : 'articles'}${options.tagFeeds && html` · <a href="${href(feeds.rss)}">RSS feed for this tag</a>`}</p>
</section>
<section aria-label="Articles">
${renderArticleList(tag.articles, site, href)}
</section>`,
  }
}
