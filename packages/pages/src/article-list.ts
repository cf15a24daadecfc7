import {
  articleLanguage,
  articlePath,
  formatArticleDate,
  formatReadingTime,
  languageDirection,
  readingMinutes,
  tagPath,
} from '@dawnpress/core'
import { isoDay } from './format.ts'
import { html, type SafeHtml } from './html.ts'
import type { Site, SiteArticle } from './types.ts'

/**
 * The reading time readers see, in `language`: the author's estimate when `check` finds it
 * close, else the computed one; the card shows the same figure.
 */
export function readingTimeLabel(article: SiteArticle, language: string): string {
  return formatReadingTime(readingMinutes(article), language)
}

/** `lang` and `dir` for an article's own words in a list; `dir="auto"` in the site's language. */
export function textDirection(article: SiteArticle, site: Site): SafeHtml {
  const language = articleLanguage(article, site)
  if (language === site.language) return html` dir="auto"`
  return html` lang="${language}" dir="${languageDirection(language)}"`
}

/** A `<time>` element for an ISO timestamp, written in `language`, in UTC. */
export function renderTime(iso: string, language: string): SafeHtml {
  return html`<time datetime="${isoDay(iso)}">${formatArticleDate(iso, language)}</time>`
}

/** An article's tags as a list of links to their pages. */
export function renderTags(tags: readonly string[], href: (path: string) => string): SafeHtml {
  if (tags.length === 0) return html``
  return html`<ul class="tags" aria-label="Tags">${tags.map(
    (tag) => html`<li><a class="tag" href="${href(tagPath(tag))}" dir="auto">${tag}</a></li>`,
  )}</ul>`
}

/** Articles as a list of summaries: title, date, reading time, description and tags. */
export function renderArticleList(
  articles: readonly SiteArticle[],
  site: Site,
  href: (path: string) => string,
  headingLevel: 2 | 3 = 2,
): SafeHtml {
  if (articles.length === 0) return html`<p class="empty">Nothing has been published yet.</p>`
  return html`<ol class="post-list" role="list">
${articles.map((article) => {
  // Titles of mixed direction share the list: each reads in its own.
  const direction = textDirection(article, site)
  const title = html`<a href="${href(articlePath(article.slug))}">${article.title}</a>`
  return html`<li class="post-card">
<article>
${headingLevel === 2 ? html`<h2 class="post-card__title"${direction}>${title}</h2>` : html`<h3 class="post-card__title"${direction}>${title}</h3>`}
<p class="meta">${article.date && html`${renderTime(article.date, site.language)}<span aria-hidden="true"> · </span>`}<span>${readingTimeLabel(article, site.language)}</span></p>
<p class="post-card__description"${direction}>${article.description}</p>
${renderTags(article.tags, href)}
</article>
</li>
`
})}</ol>`
}
