import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv } from 'ajv'
import addFormatsPlugin from 'ajv-formats'
import { RelaxNGValidator, XmlDocument, type XmlNode } from 'libxml2-wasm'

const require = createRequire(import.meta.url)

/** Namespaces for XPath queries on the feeds. */
export const XPATH_NAMESPACES = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
}

/**
 * Parses XML with libxml2 in its strict mode (no recovery): any well-formedness error, an
 * undeclared prefix or a character XML forbids throws. The callback gets the document;
 * it is freed afterwards.
 */
export function withXml<T>(xml: string, use: (document: XmlDocument) => T): T {
  if (hasLoneSurrogate(xml)) {
    // libxml2-wasm would encode a lone surrogate to U+FFFD before parsing and hide it.
    throw new Error('The document holds a lone UTF-16 surrogate, which is not Unicode text.')
  }
  const document = XmlDocument.fromString(xml)
  try {
    return use(document)
  } finally {
    document.dispose()
  }
}

/** True when a string holds half of a surrogate pair on its own. */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)
}

const ATOM_RNG = new URL('../fixtures/atom/rfc4287.rng', import.meta.url)
let atomValidator: RelaxNGValidator | undefined

/**
 * Validates Atom against the RELAX NG grammar of RFC 4287 (Appendix B), then checks the
 * two rules the grammar carries as Schematron annotations, with the RFC's own XPath tests.
 */
export function validateAtom(xml: string): void {
  if (!atomValidator) {
    const schema = XmlDocument.fromString(readFileSync(ATOM_RNG, 'utf8'), {
      url: ATOM_RNG.href,
    })
    atomValidator = RelaxNGValidator.fromDoc(schema)
  }
  const validator = atomValidator
  withXml(xml, (document) => {
    validator.validate(document)
    const feed = document.root
    if (
      feed.name === 'feed' &&
      !evaluate(feed, 'atom:author or not(atom:entry[not(atom:author)])')
    ) {
      throw new Error('An atom:feed must have an atom:author unless all of its entries have one.')
    }
    for (const entry of document.find('//atom:entry', XPATH_NAMESPACES)) {
      if (!evaluate(entry, "atom:link[@rel='alternate'] or atom:link[not(@rel)] or atom:content")) {
        throw new Error('An atom:entry must have an alternate link or content.')
      }
      if (!evaluate(entry, 'atom:author or ../atom:author or atom:source/atom:author')) {
        throw new Error('An atom:entry must have an atom:author if its feed does not.')
      }
    }
  })
}

function evaluate(node: XmlNode, xpath: string): boolean {
  return node.eval(`boolean(${xpath})`, XPATH_NAMESPACES) === true
}

/**
 * Validates RSS 2.0 beyond well-formedness: the structure the RSS 2.0 specification
 * requires, and that every namespace the feed uses is declared where it is used.
 */
export function validateRss(xml: string): void {
  withXml(xml, (document) => {
    const rss = document.root
    if (rss.name !== 'rss' || rss.attr('version')?.value !== '2.0') {
      throw new Error('The root must be <rss version="2.0">.')
    }
    const require = (context: XmlNode, xpath: string, message: string) => {
      if (!evaluate(context, xpath)) throw new Error(message)
    }
    require(rss, 'count(channel) = 1', 'An RSS feed has exactly one <channel>.')
    const channel = document.get('/rss/channel')
    if (!channel) throw new Error('No channel.')
    for (const name of ['title', 'link', 'description']) {
      require(channel, `count(${name}) = 1`, `The channel needs exactly one <${name}>.`)
    }
    for (const item of channel.find('item')) {
      require(item, 'title or description', 'An item needs a <title> or a <description>.')
      require(item, 'count(guid) <= 1 and count(link) <= 1', 'An item has one guid and link.')
      require(item, 'not(author) or author[contains(., "@")]', 'An RSS <author> must be an e-mail address.')
      for (const date of item.find('pubDate')) assertRfc822(date.content)
    }
    for (const date of channel.find('lastBuildDate|pubDate')) assertRfc822(date.content)
  })
}

const RFC_822 =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (?:GMT|[+-]\d{4})$/

function assertRfc822(value: string): void {
  if (!RFC_822.test(value)) throw new Error(`Not an RFC 822 date: ${JSON.stringify(value)}`)
}

// ajv-formats is CommonJS with a default export that TypeScript sees through `.default`.
const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default
// The package's schema lists required keys inside anyOf branches, which strict mode flags.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false })
addFormats(ajv)
const validateJsonFeedSchema = ajv.compile(require('jsonfeed-schema/schema-v1.1.json'))

/**
 * Validates JSON Feed text: strict JSON, no lone surrogate escapes (`\ud800`, which strict
 * decoders reject), and the JSON Feed 1.1 schema from the `jsonfeed-schema` package.
 */
export function validateJsonFeed(json: string): void {
  if (hasLoneSurrogate(json)) throw new Error('The JSON holds a lone surrogate.')
  const data: unknown = JSON.parse(json)
  if (holdsLoneSurrogate(data)) throw new Error('The JSON holds an escaped lone surrogate.')
  if (!validateJsonFeedSchema(data)) {
    throw new Error(`Not a valid JSON Feed 1.1: ${ajv.errorsText(validateJsonFeedSchema.errors)}`)
  }
}

function holdsLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return hasLoneSurrogate(value)
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(
      ([key, entry]) => hasLoneSurrogate(key) || holdsLoneSurrogate(entry),
    )
  }
  return false
}
