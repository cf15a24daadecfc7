import { slugify } from './slug.ts'

/** The site-relative path of an article page, such as `/articles/my-post/`. */
export function articlePath(slug: string): string {
  return `/articles/${slug}/`
}

/** The site-relative path of an article's social card, such as `/og/my-post.png`. */
export function cardPath(slug: string): string {
  return `/og/${slug}.png`
}

/**
 * A tag as it appears in URLs, by the one slug rule of `slugify`, which article slugs follow
 * too: `Machine Learning` → `machine-learning`, `C++` → `c-plus-plus`, `C#` → `c-sharp`,
 * `Café & Crème` → `cafe-creme`, `東京` → `東京`, `❤️` → `u2764`. Tags with the same slug
 * (`AI` and `ai`) are one tag. `""` only for a tag with no visible character, which
 * `loadCollection` reports.
 */
export function slugifyTag(tag: string): string {
  return slugify(tag)
}

/** The site-relative folder of a tag's page and feeds, such as `/tags/machine-learning/`. */
export function tagPath(tag: string): string {
  return `/tags/${slugifyTag(tag)}/`
}

/**
 * Resolves a site-relative path against the site's base URL, keeping any path the base URL
 * has (`https://example.com/blog/` + `/og/a.png` = `https://example.com/blog/og/a.png`).
 */
export function absoluteUrl(baseUrl: string, path: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
  // './' keeps a first segment with a colon (`/a:b.png`) from being read as a URL scheme.
  return new URL(`./${path.replace(/^\/+/, '')}`, base).href
}
