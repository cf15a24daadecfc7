import { createRequire } from 'node:module'
import type sanitize from 'sanitize-html'
import {
  createHtmlPolicy,
  DEFAULT_HTML_POLICY,
  type HtmlElementRule,
  type HtmlPolicy,
  SRCSET_ATTRIBUTES,
  URL_ATTRIBUTES,
  unmetRequirement,
} from './html-policy.ts'

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

// Loaded on first use: the renderer never needs it, and sanitize-html (with the CSS parser
// it brings) takes longer to load than a small build takes to run.
let sanitizer: typeof sanitize | undefined
let defaultRules: sanitize.IOptions | undefined
// The rules of each extended allow-list, made once for each `allow` object.
const extendedRules = new WeakMap<object, sanitize.IOptions>()

function loadSanitizer(allow: Readonly<Record<string, HtmlElementRule>> | undefined) {
  sanitizer ??= createRequire(import.meta.url)('sanitize-html') as typeof sanitize
  if (allow === undefined) {
    defaultRules ??= sanitizeOptions(DEFAULT_HTML_POLICY)
    return { sanitize: sanitizer, options: defaultRules }
  }
  let rules = extendedRules.get(allow)
  if (rules === undefined) {
    try {
      rules = sanitizeOptions(createHtmlPolicy({ elements: allow }))
    } catch (cause) {
      throw new TypeError((cause as Error).message, { cause })
    }
    extendedRules.set(allow, rules)
  }
  return { sanitize: sanitizer, options: rules }
}

/** The allow-list in sanitize-html's terms, so that both sanitisers enforce the same list. */
function sanitizeOptions(policy: HtmlPolicy): sanitize.IOptions {
  const allowedAttributes: Record<string, string[]> = { '*': [...policy.globalAttributes] }
  for (const [name, rule] of policy.elements) {
    if (rule.attributes.length > 0) allowedAttributes[name] = [...rule.attributes]
  }
  return {
    allowedTags: [...policy.elements.keys()],
    allowedAttributes,
    allowedStyles: {
      '*': Object.fromEntries(
        Object.entries(policy.styles).map(([name, value]) => [name, [value]]),
      ),
    },
    allowedSchemes: [...policy.schemes],
    allowedSchemesAppliedToAttributes: [...URL_ATTRIBUTES, ...SRCSET_ATTRIBUTES],
    allowProtocolRelative: true,
    disallowedTagsMode: 'discard',
    exclusiveFilter: (frame) => {
      const rule = policy.elements.get(frame.tag)
      return (
        rule !== undefined && unmetRequirement(rule, (name) => frame.attribs[name]) !== undefined
      )
    },
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
  /**
   * More elements to keep, as the Markdown renderer's `html.allow` takes them: pass the same
   * object so that HTML the renderer kept is kept here too (a feed of articles rendered with
   * an allowed `<iframe>` keeps it). Throws a `TypeError` for an element that cannot be made
   * safe, as the renderer does. @default the default allow-list
   */
  allow?: Readonly<Record<string, HtmlElementRule>> | undefined
}

/**
 * Removes everything from HTML that could run code or break out of the page: `<script>`,
 * `<style>`, `<iframe>`, `on*` attributes, `javascript:` URLs and the like, by the same
 * allow-list as the Markdown renderer. For HTML from elsewhere: the renderer's output
 * (`Article.html`) is sanitised already. `options.rewriteAttribute` can change attributes
 * (make URLs absolute, say) in the same pass.
 *
 * @example
 * sanitizeHtml('<p onclick="x()">Hi<script>x()</script></p>') // '<p>Hi</p>'
 */
export function sanitizeHtml(html: string, options: SanitizeHtmlOptions = {}): SanitizedHtml {
  const { rewriteAttribute } = options
  const { sanitize, options: rules } = loadSanitizer(options.allow)
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
