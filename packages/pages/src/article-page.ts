import { articleLanguage, articlePath, cardPath, isScheduled } from '@dawnpress/core'
import { readingTimeLabel, renderTags, renderTime } from './article-list.ts'
import { copyButtonScript } from './copy-button.ts'
import { safeUrl } from './format.ts'
import { html, raw, type SafeHtml } from './html.ts'
import { articleJsonLd } from './json-ld.ts'
import type { PageOptions } from './layout.ts'
import { resolveSiteLinks } from './site-links.ts'
import { renderToc } from './toc.ts'
import type { Author, Site, SiteArticle } from './types.ts'

/** The neighbours of an article in publication order. */
export interface ArticleNeighbours {
  /** The article published just before (older). */
  previous: SiteArticle | undefined
  /** The article published just after (newer). */
  next: SiteArticle | undefined
}

const LEADING_H1 = /^\s*<h1\b[^>]*>([\s\S]*?)<\/h1>\s*/

function textOf(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) =>
      name === 'amp'
        ? '&'
        : name === 'lt'
          ? '<'
          : name === 'gt'
            ? '>'
            : name === 'quot'
              ? '"'
              : "'",
    )
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

/**
 * The article body as it appears in a page: core's sanitised HTML (its type says so),
 * without a leading `# Title` that only repeats the page title.
 */
export function prepareBody(article: Pick<SiteArticle, 'html' | 'title'>): string {
  const clean: string = article.html
  const match = LEADING_H1.exec(clean)
  if (match && textOf(match[1] ?? '') === article.title.trim().toLowerCase()) {
    return clean.slice(match[0].length)
  }
  return clean
}

function renderAuthors(authors: readonly Author[]): SafeHtml {
  const names = authors.map((author) => {
    const url = safeUrl(author.url)
    return url ? html`<a href="${url}" rel="author">${author.name}</a>` : html`${author.name}`
  })
  const joined = names.map((name, index) => {
    if (index === 0) return name
    return html`${index === names.length - 1 ? ' and ' : ', '}${name}`
  })
  return html`<p class="article__byline">By ${joined}</p>`
}

function renderCover(image: string | undefined, href: (path: string) => string): SafeHtml {
  if (image === undefined) return html``
  const src = image.startsWith('/') && !image.startsWith('//') ? href(image) : safeUrl(image)
  return src ? html`<img class="article__cover" src="${src}" alt="" loading="eager">` : html``
}

function renderPager(neighbours: ArticleNeighbours, href: (path: string) => string): SafeHtml {
  const { previous, next } = neighbours
  if (!previous && !next) return html``
  return html`<nav class="pager" aria-label="More articles">
${previous ? html`<a class="pager__link pager__link--previous" rel="prev" href="${href(articlePath(previous.slug))}"><span class="pager__label">← Previous article</span><span class="pager__title">${previous.title}</span></a>` : html`<span></span>`}
${next && html`<a class="pager__link pager__link--next" rel="next" href="${href(articlePath(next.slug))}"><span class="pager__label">Next article →</span><span class="pager__title">${next.title}</span></a>`}
</nav>`
}

/**
 * What a preview says above an article readers cannot see yet: a draft, or one scheduled
 * for later than `now`. Nothing for a published article, or outside a preview.
 */
function renderNotice(article: SiteArticle, site: Site, now: Date | undefined): SafeHtml {
  if (now === undefined) return html``
  if (article.draft) {
    return html`<p class="notice" role="note"><strong>Draft.</strong> Only this preview shows it: builds leave it out until <code>draft: true</code> is removed.</p>
`
  }
  if (article.date !== undefined && isScheduled(article, now)) {
    return html`<p class="notice" role="note"><strong>Scheduled.</strong> Readers see it from ${renderTime(article.date, site.language)}; until then builds leave it out.</p>
`
  }
  return html``
}

/** An article page: header, table of contents, body, tags and links to its neighbours. */
export function articlePage(
  article: SiteArticle,
  site: Site,
  neighbours: ArticleNeighbours,
  href: (path: string) => string,
  preview?: Date,
): Omit<PageOptions, 'href'> {
  const path = articlePath(article.slug)
  const authors = article.authors.length > 0 ? article.authors : [site.author]
  // The date and reading time are in the article's language, as on its card; the page's
  // own words ("Updated") are the site's, so each phrase is in one language.
  const language = articleLanguage(article, site)
  const toc = renderToc(article.headings)
  const body = resolveSiteLinks(prepareBody(article), path)
  const main = html`${renderNotice(article, site, preview)}<article class="article" data-pagefind-body${toc.value !== '' && html` data-toc`}>
<header class="article__header">
${renderTags(article.tags, href)}
<h1 class="article__title">${article.title}</h1>
<p class="article__lede">${article.description}</p>
${renderAuthors(authors)}
<p class="meta">${article.date && html`${renderTime(article.date, language)}<span aria-hidden="true"> · </span>`}<span>${readingTimeLabel(article, language)}</span></p>
${article.updated && html`<p class="meta meta--updated"${language !== site.language && html` lang="${site.language}"`}>Updated ${renderTime(article.updated, site.language)}</p>`}
</header>
${renderCover(article.image, href)}
<div class="article__layout">
${toc}
<div class="prose">
${raw(body)}
</div>
</div>
</article>
${copyButtonScript(body)}
${renderPager(neighbours, href)}`
  return {
    lang: article.lang,
    head: {
      path,
      title: `${article.title} · ${site.title}`,
      socialTitle: article.title,
      description: article.description,
      type: 'article',
      image: { path: cardPath(article.slug), alt: `${article.title} — ${site.title}` },
      article: { published: article.date, modified: article.updated, tags: article.tags },
      jsonLd: articleJsonLd(article, site),
    },
    main,
  }
}
