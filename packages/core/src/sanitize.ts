import { createRequire } from 'node:module'
import type sanitize from 'sanitize-html'

declare const sanitized: unique symbol

/**
 * HTML that dawnpress has sanitised: what `sanitizeHtml` returns and what the Markdown
 * renderer makes (`Article.html`). It is a string, so code that reads it as one needs no
 * change; the type says that it is safe to put in a page as it is, with no second pass.
 * Only a cast can turn other text into one: do that only for HTML you have sanitised.
 */
export type SanitizedHtml = string & { readonly [sanitized]: true }

/** Marks HTML that core has just sanitised; not exported from the package. */
export function asSanitizedHtml(html: string): SanitizedHtml {
  return html as SanitizedHtml
}

// Loaded on first use: most articles have no raw HTML, and sanitize-html (with the CSS parser
// it brings) takes longer to load than a small build takes to run.
let loaded: { sanitize: typeof sanitize; options: sanitize.IOptions } | undefined

function loadSanitizer() {
  if (loaded === undefined) {
    const sanitizer = createRequire(import.meta.url)('sanitize-html') as typeof sanitize
    loaded = { sanitize: sanitizer, options: sanitizeOptions(sanitizer.defaults.allowedTags) }
  }
  return loaded
}

/**
 * What may survive from raw HTML in an article: the elements and attributes Markdown itself
 * produces, plus common presentational ones. No scripts, styles, frames, forms, event
 * handlers or `javascript:` URLs.
 */
function sanitizeOptions(defaultTags: readonly string[]): sanitize.IOptions {
  return {
    allowedTags: [
      ...defaultTags,
      'img',
      'picture',
      'source',
      'figure',
      'figcaption',
      'del',
      'ins',
      's',
      'sup',
      'sub',
      'details',
      'summary',
      'input',
      'label',
      'section',
      'kbd',
      'mark',
      'video',
      'audio',
    ],
    allowedAttributes: {
      '*': ['id', 'class', 'title', 'lang', 'dir', 'aria-*', 'align'],
      a: ['href', 'name', 'target', 'rel'],
      img: ['src', 'srcset', 'alt', 'width', 'height', 'loading', 'sizes'],
      source: ['src', 'srcset', 'type', 'media', 'sizes'],
      video: ['src', 'poster', 'controls', 'width', 'height'],
      audio: ['src', 'controls'],
      ol: ['start', 'reversed', 'type'],
      td: ['colspan', 'rowspan', 'style'],
      th: ['colspan', 'rowspan', 'style', 'scope'],
      input: ['type', 'checked', 'disabled'],
      details: ['open'],
    },
    allowedStyles: { '*': { 'text-align': [/^(?:left|right|center)$/] } },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesAppliedToAttributes: ['href', 'src', 'srcset', 'poster'],
    allowProtocolRelative: true,
    disallowedTagsMode: 'discard',
    exclusiveFilter: (frame) => frame.tag === 'input' && frame.attribs.type !== 'checkbox',
  }
}

/** Options of `sanitizeHtml`. */
export interface SanitizeHtmlOptions {
  /**
   * Rewrites an attribute before the rules see it, in the same parse: return the new value,
   * or undefined to drop the attribute. The rules then apply to what it returns, so a URL
   * made absolute is still checked for its scheme. Called for every attribute of every
   * element, with lower-case names.
   *
   * @example
   * // Make every link absolute.
   * sanitizeHtml(html, {
   *   rewriteAttribute: (tag, name, value) =>
   *     name === 'href' ? new URL(value, 'https://example.com/').href : value,
   * })
   */
  rewriteAttribute?: (tag: string, name: string, value: string) => string | undefined
}

/**
 * Removes everything from rendered HTML that could run code or break out of the page:
 * `<script>`, `<style>`, `<iframe>`, `on*` attributes, `javascript:` URLs and the like.
 * `options.rewriteAttribute` can change attributes (make URLs absolute, say) in the same pass.
 */
export function sanitizeHtml(html: string, options: SanitizeHtmlOptions = {}): SanitizedHtml {
  const { rewriteAttribute } = options
  const { sanitize, options: rules } = loadSanitizer()
  if (rewriteAttribute === undefined) return asSanitizedHtml(sanitize(html, rules))
  const rewritten = sanitize(html, {
    ...rules,
    transformTags: {
      '*': (tagName, attribs) => ({
        tagName,
        attribs: rewriteAttributes(tagName, attribs, rewriteAttribute),
      }),
    },
  })
  return asSanitizedHtml(rewritten)
}

function rewriteAttributes(
  tag: string,
  attribs: sanitize.Attributes,
  rewrite: NonNullable<SanitizeHtmlOptions['rewriteAttribute']>,
): sanitize.Attributes {
  const rewritten: sanitize.Attributes = {}
  for (const [name, value] of Object.entries(attribs)) {
    const next = rewrite(tag, name.toLowerCase(), value)
    if (next !== undefined) rewritten[name] = next
  }
  return rewritten
}
