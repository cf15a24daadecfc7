import { articleLanguage, articlePath, cardPath, type Heading, isScheduled } from '@dawnpress/core'
import { planBodyHeadings, shiftedDepth } from '@dawnpress/core/internal'
import { readingTimeLabel, renderTags, renderTime, textDirection } from './article-list.ts'
import { copyButtonScript } from './copy-button.ts'
import { safeUrl } from './format.ts'
import { html, raw, type SafeHtml } from './html.ts'
import { articleJsonLd } from './json-ld.ts'
import { type PageOptions, siteLanguage } from './layout.ts'
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

const LEADING_H1 = /^\s*<h1\b[^>]*>[\s\S]*?<\/h1>\s*/
const HEADING_TAG = /<(\/?)h([1-6])(?=[\s>])/g

/** The article's body and headings as its page shows them under the title. */
export interface PageBody {
  /** Core's sanitised HTML, with the page's heading levels. */
  html: string
  /** The headings of `html`, at the levels it shows them. */
  headings: Heading[]
}

/**
 * The article body as it appears in its page, by core's rule for headings under a title
 * (`planBodyHeadings`): a leading `# Title` that only repeats the page title is left out,
 * and when the body has a level-1 heading of its own every heading is shown one level
 * lower, so that the title stays the page's one `<h1>` (core warns the author of that).
 * Only tag names change: the text and ids stay as core rendered them.
 */
export function prepareBody(article: Pick<SiteArticle, 'html' | 'title' | 'headings'>): PageBody {
  const clean: string = article.html
  const plan = planBodyHeadings(clean, article.headings, article.title)
  let body = plan.repeatsTitle ? clean.replace(LEADING_H1, '') : clean
  const headings = plan.repeatsTitle ? article.headings.slice(1) : [...article.headings]
  if (plan.shift === 0) return { html: body, headings }
  body = body.replace(
    HEADING_TAG,
    (_, slash: string, level: string) =>
      `<${slash}h${shiftedDepth(Number(level) as Heading['depth'], plan.shift)}`,
  )
  return {
    html: body,
    headings: headings.map((heading) => ({
      ...heading,
      depth: shiftedDepth(heading.depth, plan.shift),
    })),
  }
}

function renderAuthors(authors: readonly Author[], lang: SafeHtml | false): SafeHtml {
  const names = authors.map((author) => {
    const url = safeUrl(author.url)
    return url ? html`<a href="${url}" rel="author">${author.name}</a>` : html`${author.name}`
  })
  const joined = names.map((name, index) => {
    if (index === 0) return name
    return html`${index === names.length - 1 ? ' and ' : ', '}${name}`
  })
  // "By" is the site's word, read in the article's direction beside the names.
  return html`<p class="article__byline">${lang ? html`<span${lang}>By</span>` : 'By'} ${joined}</p>`
}

/** An image of the site as the build measured it: its size, and smaller copies by width. */
export interface PageImage {
  width: number
  height: number
  variants: readonly { width: number; path: string }[]
}

/**
 * The cover, on the first screen: loaded at once, and, for an image of the site, at its
 * size with its smaller copies. It illustrates the title beside it, so its text alternative
 * is empty (the title says what it is about).
 */
function renderCover(
  image: string | undefined,
  href: (path: string) => string,
  images: ReadonlyMap<string, PageImage> | undefined,
): SafeHtml {
  if (image === undefined) return html``
  const sitePath = image.startsWith('/') && !image.startsWith('//')
  const src = sitePath ? href(image) : safeUrl(image)
  if (!src) return html``
  const placed = sitePath ? images?.get(image) : undefined
  if (!placed) return html`<img class="article__cover" src="${src}" alt="" loading="eager">`
  const srcset = [
    ...placed.variants.map((variant) => `${href(variant.path)} ${variant.width}w`),
    `${src} ${placed.width}w`,
  ].join(', ')
  return html`<img class="article__cover" src="${src}" alt="" width="${String(placed.width)}" height="${String(placed.height)}" loading="eager" fetchpriority="high" decoding="async"${placed.variants.length > 0 && html` srcset="${srcset}" sizes="(min-width: 42rem) 42rem, 100vw"`}>`
}

function renderPager(
  neighbours: ArticleNeighbours,
  site: Site,
  words: SafeHtml | false,
  href: (path: string) => string,
): SafeHtml {
  const { previous, next } = neighbours
  if (!previous && !next) return html``
  return html`<nav class="pager" aria-label="More articles"${words}>
${previous ? html`<a class="pager__link pager__link--previous" rel="prev" href="${href(articlePath(previous.slug))}"><span class="pager__label">← Previous article</span><span class="pager__title"${textDirection(previous, site)}>${previous.title}</span></a>` : html`<span></span>`}
${next && html`<a class="pager__link pager__link--next" rel="next" href="${href(articlePath(next.slug))}"><span class="pager__label">Next article →</span><span class="pager__title"${textDirection(next, site)}>${next.title}</span></a>`}
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
    return html`<p class="notice" role="note"><strong>Scheduled.</strong> Readers see it from ${renderTime(article.date, site.language, site.timeZone)}; until then builds leave it out.</p>
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
  images?: ReadonlyMap<string, PageImage>,
): Omit<PageOptions, 'href'> {
  const path = articlePath(article.slug)
  const authors = article.authors.length > 0 ? article.authors : [site.author]
  // The date and reading time are in the article's language, as on its card; the page's
  // own words ("Updated") are the site's, so each phrase is in one language.
  const language = articleLanguage(article, site)
  // The page's own words ("By", "Contents") are the site's: marked so on a page in another
  // language. The pager is the site's, in its direction; single words follow the article's.
  const words = language !== site.language && siteLanguage(site)
  const lang = language !== site.language && html` lang="${site.language}"`
  const prepared = prepareBody(article)
  const toc = renderToc(prepared.headings, lang)
  const body = resolveSiteLinks(prepared.html, path)
  const main = html`${renderNotice(article, site, preview)}<article class="article" data-pagefind-body${toc.value !== '' && html` data-toc`}>
<header class="article__header">
${renderTags(article.tags, href)}
<h1 class="article__title">${article.title}</h1>
<p class="article__lede">${article.description}</p>
${renderAuthors(authors, lang)}
<p class="meta">${article.date && html`${renderTime(article.date, language, site.timeZone)}<span aria-hidden="true"> · </span>`}<span>${readingTimeLabel(article, language)}</span></p>
${article.updated && html`<p class="meta meta--updated"${language !== site.language && html` lang="${site.language}"`}>Updated ${renderTime(article.updated, site.language, site.timeZone)}</p>`}
</header>
${renderCover(article.image, href, images)}
<div class="article__layout">
${toc}
<div class="prose">
${raw(body)}
</div>
</div>
</article>
${copyButtonScript(body)}
${renderPager(neighbours, site, words, href)}`
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
      language,
      authors,
      jsonLd: articleJsonLd(article, site),
    },
    main,
  }
}
