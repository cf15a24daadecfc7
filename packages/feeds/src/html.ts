import { escapeHtml, sanitizeHtml } from '@dawnpress/core'
import { parseSrcset } from '@dawnpress/core/internal'
import { cleanText } from './text.ts'
import type { FeedSourceOptions } from './types.ts'

/**
 * End tags of void elements, which sanitize-html writes for the ones it does not know as
 * void (`<source></source>`, `<wbr></wbr>`, `<col></col>`). HTML has no such end tags: the
 * W3C validator calls them invalid HTML (NotHtml), and a browser ignores them. Sanitised
 * HTML escapes every `<` of its text, so this matches tags only.
 */
const VOID_END_TAGS =
  /<\/(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)>/gi

/** Attributes whose value is one URL. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'poster',
  'cite',
  'longdesc',
  'background',
  'action',
  'formaction',
  'data',
  'xlink:href',
])

/** Attributes whose value is a list of image candidates: `url [descriptor], ...`. */
const SRCSET_ATTRIBUTES = new Set(['srcset', 'imagesrcset'])

/**
 * Turns an article's HTML into feed content: sanitised again with core's rules (the input
 * may come from anywhere; `allow` extends them as the Markdown renderer's `html.allow` did) with every URL in it made absolute in the same pass (readers show
 * content away from the site, where relative URLs break), then cleaned of characters XML
 * cannot carry.
 *
 * A path starting with `/` is site-relative, like every path in dawnpress: with the site at
 * `https://example.com/blog/`, `/img/a.png` becomes `https://example.com/blog/img/a.png`.
 * Other relative URLs resolve against the article's URL, as a browser would on its page.
 * A URL that cannot be resolved is dropped with its attribute.
 */
export function prepareContentHtml(
  html: string,
  articleUrl: string,
  siteUrl: string,
  allow?: FeedSourceOptions['htmlAllow'],
): string {
  // One parse: URLs are made absolute as the rules read them, so the scheme checks apply
  // to the absolute URL.
  const sanitized = sanitizeHtml(html, {
    allow,
    rewriteAttribute: (_tag, name, value) =>
      URL_ATTRIBUTES.has(name)
        ? resolveUrl(value, articleUrl, siteUrl)
        : SRCSET_ATTRIBUTES.has(name)
          ? resolveSrcset(value, articleUrl, siteUrl)
          : value,
  })
  return cleanText(sanitized.replace(VOID_END_TAGS, ''))
}

/**
 * Plain text as HTML that shows exactly that text, for the places where feeds carry HTML
 * (RSS descriptions, Atom `type="html"` text): see `encodeReplacementCharacters`.
 */
export function escapeHtmlText(text: string): string {
  return encodeReplacementCharacters(escapeHtml(text))
}

/**
 * Writes U+FFFD, the replacement character, as the HTML reference `&#xFFFD;`. A reader shows
 * the same character, but the XML holds none: the W3C validator takes one in the XML for a
 * sign of a broken encoding (BadCharacters). Only for HTML, where the reference is decoded.
 */
export function encodeReplacementCharacters(html: string): string {
  return html.includes('\uFFFD') ? html.replace(/\uFFFD/g, '&#xFFFD;') : html
}

/**
 * Resolves one URL from an article: site-relative paths (`/x`) against the site's base URL,
 * everything else against the article's URL. Undefined when it is not a URL at all.
 */
export function resolveUrl(value: string, articleUrl: string, siteUrl: string): string | undefined {
  // HTML strips leading and trailing ASCII whitespace from URL attributes.
  const url = value.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '')
  try {
    // `/\host` and `//host` are scheme-relative to a browser, so they are not site paths.
    if (/^\/(?![/\\])/.test(url)) {
      const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`
      return new URL(`.${url}`, base).href
    }
    return new URL(url, articleUrl).href
  } catch {
    return undefined
  }
}

/**
 * Resolves every URL of a `srcset` value, keeping each candidate's width or density
 * descriptor. Follows the HTML standard's parsing: candidates are split at commas that
 * follow a URL or end a descriptor (outside parentheses), so URLs that contain commas
 * survive. Candidates whose URL cannot be resolved are dropped; undefined when none is left.
 */
export function resolveSrcset(
  value: string,
  articleUrl: string,
  siteUrl: string,
): string | undefined {
  const candidates: string[] = []
  for (const { url, descriptor } of parseSrcset(value)) {
    const resolved = resolveUrl(url, articleUrl, siteUrl)
    if (resolved !== undefined) candidates.push(descriptor ? `${resolved} ${descriptor}` : resolved)
  }
  return candidates.length > 0 ? candidates.join(', ') : undefined
}
