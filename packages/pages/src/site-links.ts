import { relativeHref } from './format.ts'

/** Attributes whose value is one URL, as core's sanitiser lets them through. */
const URL_ATTRIBUTE = /(\s(?:href|src|poster|cite)=")(\/(?![/\\])[^"]*)"/g
const SRCSET_ATTRIBUTE = /(\s(?:srcset)=")([^"]*)"/g

/**
 * Rewrites the site paths in an article's HTML (`href="/about/"`, as an author writes a link
 * to another page of the site) into links relative to the page they appear on, the way the
 * site's own links are made. Under a base path (`https://example.org/blog/`) `/about/` then
 * reaches `/blog/about/`, as it does in the feeds, instead of leaving the site. HTML from
 * core quotes every attribute with `"`, which is what this reads.
 *
 * @example
 * resolveSiteLinks('<a href="/about/">', '/articles/a/') // '<a href="../../about/">'
 */
export function resolveSiteLinks(html: string, pagePath: string): string {
  if (!html.includes('="/')) return html
  return html
    .replace(
      URL_ATTRIBUTE,
      (_, start: string, path: string) => `${start}${relative(pagePath, path)}"`,
    )
    .replace(SRCSET_ATTRIBUTE, (_, start: string, value: string) => {
      const candidates = value.split(',').map((candidate) => {
        const [url = '', ...descriptor] = candidate.trim().split(/\s+/)
        const resolved = /^\/(?![/\\])/.test(url) ? relative(pagePath, url) : url
        return [resolved, ...descriptor].join(' ')
      })
      return `${start}${candidates.join(', ')}"`
    })
}

function relative(pagePath: string, path: string): string {
  // A fragment or query stays as written; relativeHref works on the path alone.
  const cut = path.search(/[?#]/)
  const target = cut === -1 ? path : path.slice(0, cut)
  const rest = cut === -1 ? '' : path.slice(cut)
  return `${relativeHref(pagePath, target)}${rest}`
}
