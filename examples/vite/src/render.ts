import { type ArticleMeta, articles, hasArticle, loadArticle, type Slug, site } from '@content'

/** A page of the site: what goes in `<head>` and in `<main>`. */
export interface Page {
  title: string
  head: string
  body: string
}

/** The site path of an article's page. */
export const articlePath = (slug: string): string => `/articles/${encodeURIComponent(slug)}/`

/** The absolute URL of an article's social card, as the plugin's `cards` option serves it. */
export const cardUrl = (slug: string): string =>
  new URL(`dawnpress/og/${encodeURIComponent(slug)}.png`, withSlash(site.url)).href

/** Every path the site has, for the prerender: the list, then one page per article. */
export function listPaths(): string[] {
  return ['/', ...articles.map((article) => articlePath(article.slug))]
}

/** The page at a site path, or undefined when there is none. */
export async function renderPage(path: string): Promise<Page | undefined> {
  if (path === '/') return renderList()
  const match = /^\/articles\/([^/]+)\/$/.exec(path)
  const slug = match?.[1] === undefined ? undefined : decodeURIComponent(match[1])
  return slug !== undefined && hasArticle(slug) ? renderArticle(slug) : undefined
}

function renderList(): Page {
  const items = articles.map(
    (article) => `<li>
      <a href="${articlePath(article.slug)}">${escapeHtml(article.title)}</a>
      <p>${escapeHtml(article.description)}</p>
      ${byline(article)}
    </li>`,
  )
  return {
    title: site.title,
    head: meta({ title: site.title, description: site.description }),
    body: `<h1>${escapeHtml(site.title)}</h1>
    <p class="lede">${escapeHtml(site.description)}</p>
    <ul class="articles">${items.join('')}</ul>`,
  }
}

async function renderArticle(slug: Slug): Promise<Page> {
  const article = await loadArticle(slug)
  const title = `${article.title} · ${site.title}`
  return {
    title,
    head: meta({ title, description: article.description, image: cardUrl(article.slug) }),
    // `html` is the body as dawnpress sanitised it: no scripts, handlers or javascript: links.
    body: `<article>
      <p><a href="/">← ${escapeHtml(site.title)}</a></p>
      <h1>${escapeHtml(article.title)}</h1>
      <p class="lede">${escapeHtml(article.description)}</p>
      ${byline(article)}
      <div class="body">${article.html}</div>
    </article>`,
  }
}

function byline(article: ArticleMeta): string {
  const date = article.date === undefined ? '' : article.date.slice(0, 10)
  return `<p class="byline"><time datetime="${escapeHtml(article.date ?? '')}">${date}</time> · ${article.readingTime.minutes} min read</p>`
}

function meta(page: { title: string; description: string; image?: string }): string {
  const tags = [
    `<title>${escapeHtml(page.title)}</title>`,
    `<meta name="description" content="${escapeHtml(page.description)}" />`,
    `<meta property="og:title" content="${escapeHtml(page.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(page.description)}" />`,
  ]
  if (page.image !== undefined) {
    tags.push(
      `<meta property="og:image" content="${escapeHtml(page.image)}" />`,
      '<meta property="og:image:width" content="1200" />',
      '<meta property="og:image:height" content="630" />',
      '<meta name="twitter:card" content="summary_large_image" />',
    )
  }
  return tags.join('\n    ')
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`
}

/** Text as HTML that shows exactly that text, in content and in quoted attributes. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}
