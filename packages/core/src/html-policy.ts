/**
 * What raw HTML in an article may contain: the one allow-list that both the renderer's
 * token-level sanitiser and `sanitizeHtml` (through sanitize-html) enforce.
 *
 * It is data, built by `createHtmlPolicy`, so that a configuration option can later extend it
 * (an embedded video, say) without touching the code that applies it.
 */

/** The rule for one allowed element. */
export interface HtmlElementRule {
  /** Attributes the element may carry besides the global ones, lower case. */
  attributes: readonly string[]
  /**
   * Attributes the element must have, each with a value matching the pattern; otherwise the
   * element is treated as not allowed. `description` says it in words, for messages.
   */
  require?: Readonly<Record<string, { pattern: RegExp; description: string }>>
}

/** The allow-list, as `createHtmlPolicy` makes it. */
export interface HtmlPolicy {
  /** Allowed elements by lower-case name. */
  elements: ReadonlyMap<string, HtmlElementRule>
  /** Attributes every allowed element may carry; `aria-*` stands for every name with that prefix. */
  globalAttributes: readonly string[]
  /** URL schemes allowed in `href`, `src`, `srcset` and `poster`, besides relative URLs. */
  schemes: readonly string[]
  /** CSS properties allowed in a `style` attribute (where the element allows one), with their values. */
  styles: Readonly<Record<string, RegExp>>
}

/** What `createHtmlPolicy` adds to the default allow-list. */
export interface HtmlPolicyExtension {
  elements?: Readonly<Record<string, HtmlElementRule>>
}

/** Attributes whose value is one URL, checked against the allowed schemes. */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'poster'])

/** Attributes whose value is a list of image candidates, each URL checked. */
export const SRCSET_ATTRIBUTES: ReadonlySet<string> = new Set(['srcset'])

/**
 * Elements no policy may allow, because the sanitiser's guarantees rest on their absence:
 * they run code, change how the rest of the page is parsed (raw text, foreign content,
 * templates, select), or belong to the page rather than to an article. `iframe` is not here:
 * a policy may allow it (with a required `src` pattern), and its content is then dropped.
 */
const NEVER_ALLOWED = new Set([
  'script',
  'style',
  'template',
  'svg',
  'math',
  'noscript',
  'noembed',
  'noframes',
  'plaintext',
  'xmp',
  'textarea',
  'title',
  'select',
  'option',
  'optgroup',
  'html',
  'head',
  'body',
  'base',
  'meta',
  'link',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
])

const DEFAULT_ELEMENTS: Record<string, HtmlElementRule> = {
  a: { attributes: ['href', 'name', 'target', 'rel'] },
  img: { attributes: ['src', 'srcset', 'alt', 'width', 'height', 'loading', 'sizes'] },
  source: { attributes: ['src', 'srcset', 'type', 'media', 'sizes'] },
  video: { attributes: ['src', 'poster', 'controls', 'width', 'height'] },
  audio: { attributes: ['src', 'controls'] },
  ol: { attributes: ['start', 'reversed', 'type'] },
  td: { attributes: ['colspan', 'rowspan', 'style'] },
  th: { attributes: ['colspan', 'rowspan', 'style', 'scope'] },
  input: {
    attributes: ['type', 'checked', 'disabled'],
    require: { type: { pattern: /^checkbox$/i, description: 'type="checkbox"' } },
  },
  details: { attributes: ['open'] },
}

// sanitize-html's default elements, which dawnpress allowed before this list was its own,
// and the ones it added: what Markdown itself produces, and common presentational markup.
const PLAIN_ELEMENTS = [
  ...['address', 'article', 'aside', 'footer', 'header', 'hgroup', 'main', 'nav', 'section'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption'],
  ...['figure', 'hr', 'li', 'menu', 'p', 'pre', 'ul', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite'],
  ...['code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 'rb', 'rp', 'rt', 'rtc', 'ruby', 's'],
  ...['samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'caption'],
  ...['col', 'colgroup', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'picture', 'del', 'ins'],
  ...['summary', 'label'],
]

/**
 * Makes the allow-list: the default one, extended by `extension`. Throws for an extension that
 * would allow an element or attribute the sanitiser cannot make safe (a configuration mistake).
 *
 * @example
 * createHtmlPolicy({
 *   elements: {
 *     iframe: {
 *       attributes: ['src', 'width', 'height', 'allowfullscreen'],
 *       require: { src: { pattern: /^https:\/\/www\.youtube-nocookie\.com\/embed\//, description: 'a YouTube embed URL' } },
 *     },
 *   },
 * })
 */
export function createHtmlPolicy(extension: HtmlPolicyExtension = {}): HtmlPolicy {
  const elements = new Map<string, HtmlElementRule>()
  for (const name of PLAIN_ELEMENTS) elements.set(name, { attributes: [] })
  for (const [name, rule] of Object.entries(DEFAULT_ELEMENTS)) elements.set(name, rule)
  for (const [name, rule] of Object.entries(extension.elements ?? {})) {
    const key = name.toLowerCase()
    if (NEVER_ALLOWED.has(key)) {
      throw new Error(`The HTML allow-list cannot allow <${key}>: it could not be made safe.`)
    }
    if (key === 'iframe' && rule.require?.src === undefined) {
      throw new Error('The HTML allow-list can allow <iframe> only with a required "src" pattern.')
    }
    const unsafe = rule.attributes.find((attribute) => /^on|^srcdoc$|^formaction$/i.test(attribute))
    if (unsafe !== undefined) {
      throw new Error(`The HTML allow-list cannot allow the attribute "${unsafe}" on <${key}>.`)
    }
    elements.set(key, rule)
  }
  return {
    elements,
    globalAttributes: ['id', 'class', 'title', 'lang', 'dir', 'aria-*', 'align'],
    schemes: ['http', 'https', 'mailto', 'tel'],
    styles: { 'text-align': /^(?:left|right|center)$/ },
  }
}

/** The allow-list dawnpress applies unless told otherwise. */
export const DEFAULT_HTML_POLICY: HtmlPolicy = createHtmlPolicy()

/** True when `element` may carry `attribute` under `policy`. */
export function isAllowedAttribute(
  policy: HtmlPolicy,
  element: string,
  attribute: string,
): boolean {
  const allowed = (names: readonly string[]) =>
    names.some((name) =>
      name.endsWith('*') ? attribute.startsWith(name.slice(0, -1)) : name === attribute,
    )
  return allowed(policy.globalAttributes) || allowed(policy.elements.get(element)?.attributes ?? [])
}

/**
 * The first requirement of `rule` that `attributes` do not meet, described in words, or
 * undefined when the element may be used.
 */
export function unmetRequirement(
  rule: HtmlElementRule,
  attributeValue: (attribute: string) => string | undefined,
): string | undefined {
  for (const [attribute, { pattern, description }] of Object.entries(rule.require ?? {})) {
    const value = attributeValue(attribute)
    if (value === undefined || !pattern.test(value)) return description
  }
  return undefined
}

/**
 * The scheme of a URL that `policy` does not allow, or undefined when the URL is allowed
 * (relative and protocol-relative URLs are). Reads the URL as a browser does: spaces and
 * control characters around it are ignored, tabs and newlines inside it removed.
 *
 * @example
 * disallowedScheme(DEFAULT_HTML_POLICY, ' java\tscript:alert(1)') // 'javascript'
 */
export function disallowedScheme(policy: HtmlPolicy, url: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the URL standard strips C0 controls.
  const trimmed = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '')
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(trimmed)?.[1]?.toLowerCase()
  return scheme === undefined || policy.schemes.includes(scheme) ? undefined : scheme
}

/** One image candidate of a `srcset` value: its URL and its descriptor (`480w`, `2x`, or ''). */
export interface SrcsetCandidate {
  url: string
  descriptor: string
}

/**
 * The candidates of a `srcset` value, split as the HTML standard does: at commas that end a
 * URL or a descriptor (outside parentheses), so that URLs containing commas stay whole.
 * Descriptors are trimmed, their inner spaces collapsed to one.
 */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = []
  let position = 0
  while (position < value.length) {
    while (position < value.length && /[\t\n\f\r ,]/.test(value.charAt(position))) position++
    if (position >= value.length) break
    const start = position
    while (position < value.length && !/[\t\n\f\r ]/.test(value.charAt(position))) position++
    const url = value.slice(start, position)
    if (url.endsWith(',')) {
      candidates.push({ url: url.replace(/,+$/, ''), descriptor: '' })
      continue
    }
    const descriptorStart = position
    let depth = 0
    while (position < value.length) {
      const character = value.charAt(position)
      if (character === '(') depth++
      else if (character === ')') depth = Math.max(0, depth - 1)
      else if (character === ',' && depth === 0) break
      position++
    }
    const descriptor = value.slice(descriptorStart, position).trim().replace(/\s+/g, ' ')
    candidates.push({ url, descriptor })
    position++
  }
  return candidates
}

/** The URLs of a `srcset` value (see `parseSrcset`). */
export function srcsetUrls(value: string): string[] {
  return parseSrcset(value).map((candidate) => candidate.url)
}

/**
 * Splits a `style` value into the declarations `policy` allows, written canonically
 * (`text-align:center`), and the ones it drops, as written.
 */
export function filterStyle(
  policy: HtmlPolicy,
  value: string,
): { kept: string; dropped: string[] } {
  const kept: string[] = []
  const dropped: string[] = []
  for (const declaration of value.split(';')) {
    const text = declaration.trim()
    if (text === '') continue
    const match = /^([a-zA-Z-]+)\s*:\s*(.*?)\s*$/.exec(text)
    const property = match?.[1]?.toLowerCase()
    const pattern = property === undefined ? undefined : policy.styles[property]
    if (match && pattern?.test(match[2] as string)) kept.push(`${property}:${match[2]}`)
    else dropped.push(text)
  }
  return { kept: kept.join(';'), dropped }
}
