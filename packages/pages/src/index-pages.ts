import { articlePath, SITE_PATHS } from '@dawnpress/core'
import { renderTime, textDirection } from './article-list.ts'
import { html } from './html.ts'
import type { PageOptions } from './layout.ts'
import type { TagGroup } from './tags.ts'
import type { Site, SiteArticle } from './types.ts'

function yearOf(article: SiteArticle): string {
  return article.date === undefined ? 'Undated' : article.date.slice(0, 4)
}

/**
 * `/articles/`: every article, newest first, one line each (date and title) under its year,
 * so that the whole archive stays one light page where the home page is paginated.
 */
export function archivePage(
  articles: readonly SiteArticle[],
  site: Site,
  href: (path: string) => string,
): Omit<PageOptions, 'href'> {
  const years: { year: string; articles: SiteArticle[] }[] = []
  for (const article of articles) {
    const year = yearOf(article)
    const last = years.at(-1)
    if (last?.year === year) last.articles.push(article)
    else years.push({ year, articles: [article] })
  }
  const count = articles.length
  return {
    head: {
      path: SITE_PATHS.articles,
      title: `All articles · ${site.title}`,
      socialTitle: `All articles of ${site.title}`,
      description: `Every article of ${site.title}, newest first: ${count} ${count === 1 ? 'article' : 'articles'}.`,
      type: 'website',
      image: { path: SITE_PATHS.siteCard, alt: `${site.title}: ${site.description}` },
    },
    main: html`<section class="intro">
<p class="intro__eyebrow">Archive</p>
<h1 class="intro__title">All articles</h1>
<p class="intro__description">${count} ${count === 1 ? 'article' : 'articles'}, newest first.</p>
</section>
${count === 0 && html`<p class="empty">Nothing has been published yet.</p>`}${years.map(
  (group) => html`<section class="archive" aria-labelledby="year-${group.year}">
<h2 class="section-title" id="year-${group.year}">${group.year}</h2>
<ol class="archive__list" role="list">${group.articles.map(
    (article) =>
      html`<li>${article.date ? renderTime(article.date, site.language) : html`<span></span>`} <a href="${href(articlePath(article.slug))}"${textDirection(article, site)}>${article.title}</a></li>`,
  )}</ol>
</section>
`,
)}`,
  }
}

/** `/tags/`: every tag with how many articles it has, as the home page's topics are ordered. */
export function tagsPage(
  tags: readonly TagGroup[],
  site: Site,
  href: (path: string) => string,
): Omit<PageOptions, 'href'> {
  return {
    head: {
      path: SITE_PATHS.tags,
      title: `Topics · ${site.title}`,
      socialTitle: `Topics of ${site.title}`,
      description: `The ${tags.length} ${tags.length === 1 ? 'topic' : 'topics'} of ${site.title}, with how many articles each has.`,
      type: 'website',
      image: { path: SITE_PATHS.siteCard, alt: `${site.title}: ${site.description}` },
    },
    main: html`<section class="intro">
<p class="intro__eyebrow">Tags</p>
<h1 class="intro__title">Topics</h1>
<p class="intro__description">${tags.length} ${tags.length === 1 ? 'topic' : 'topics'}.</p>
</section>
${tags.length === 0 ? html`<p class="empty">No article has tags yet.</p>` : html`<ul class="topics topics--index">${tags.map((tag) => html`<li><a href="${href(tag.path)}"><span dir="auto">${tag.name}</span> <span class="topics__count">${tag.articles.length}<span class="sr-only"> ${tag.articles.length === 1 ? 'article' : 'articles'}</span></span></a></li>`)}</ul>`}`,
  }
}
