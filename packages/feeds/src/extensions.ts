import type { Extension } from 'feed'
import { cleanText } from './text.ts'
import { escapeXmlText, startTag, type XmlLines } from './xml.ts'

/**
 * Namespaces an extension may use by prefix alone: the root element declares the ones in
 * use. Any other prefix must be declared by the extension itself
 * (`_attributes: { 'xmlns:x': '…' }`), or writing it throws.
 */
export const EXTENSION_NAMESPACES: Readonly<Record<string, string>> = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  georss: 'http://www.georss.org/georss',
  googleplay: 'http://www.google.com/schemas/play-podcasts/1.0',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  media: 'http://search.yahoo.com/mrss/',
  podcast: 'https://podcastindex.org/namespace/1.0',
  slash: 'http://purl.org/rss/1.0/modules/slash/',
  sy: 'http://purl.org/rss/1.0/modules/syndication/',
  webfeeds: 'http://webfeeds.org/rss/1.0',
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/

/**
 * Writes a `feed` extension as XML: `name` is the element, `objects` its content in the
 * compact form of xml-js that `feed` documents (`_attributes`, `_text`, `_cdata`, child
 * elements by name, arrays for repeated ones). Text is escaped like every other text; CDATA
 * is written as escaped text, which reads the same. Adds the prefixes it uses from
 * `EXTENSION_NAMESPACES` to `prefixes`. Throws a `TypeError` for a name that is not an XML
 * name or a prefix with no namespace.
 */
export function writeXmlExtension(
  lines: XmlLines,
  depth: number,
  extension: Extension,
  prefixes: Set<string>,
): void {
  writeElement(lines, depth, extension.name, extension.objects, prefixes, new Set())
}

function writeElement(
  lines: XmlLines,
  depth: number,
  name: string,
  content: unknown,
  prefixes: Set<string>,
  declared: ReadonlySet<string>,
): void {
  if (Array.isArray(content)) {
    for (const entry of content) writeElement(lines, depth, name, entry, prefixes, declared)
    return
  }
  if (content === null || typeof content !== 'object') {
    checkName(name, prefixes, declared)
    const text = content === undefined || content === null ? '' : String(content)
    lines.add(depth, `<${name}>${escapeXmlText(cleanText(text))}</${name}>`)
    return
  }
  const fields = content as Record<string, unknown>
  const attributes = Object.entries((fields._attributes ?? {}) as Record<string, unknown>)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => [key, cleanText(String(value))] as const)
  const inScope = new Set(declared)
  for (const [key] of attributes) if (key.startsWith('xmlns:')) inScope.add(key.slice(6))
  checkName(name, prefixes, inScope)
  for (const [key] of attributes) if (!/^xmlns(?::|$)/.test(key)) checkName(key, prefixes, inScope)
  const text = [fields._text, fields._cdata]
    .flat()
    .filter((value) => value !== undefined && value !== null)
    .map((value) => escapeXmlText(cleanText(String(value))))
    .join('')
  const children = Object.entries(fields).filter(([key]) => !key.startsWith('_'))
  const open = startTag(name, attributes)
  if (children.length === 0) {
    lines.add(depth, text === '' ? startTag(name, attributes, true) : `${open}${text}</${name}>`)
    return
  }
  lines.add(depth, `${open}${text}`)
  for (const [child, value] of children) {
    writeElement(lines, depth + 1, child, value, prefixes, inScope)
  }
  lines.add(depth, `</${name}>`)
}

function checkName(name: string, prefixes: Set<string>, declared: ReadonlySet<string>): void {
  if (!NAME.test(name)) {
    throw new TypeError(`A feed extension uses ${JSON.stringify(name)}, which is not an XML name.`)
  }
  const colon = name.indexOf(':')
  if (colon < 0) return
  const prefix = name.slice(0, colon)
  if (prefix === 'xml' || declared.has(prefix)) return
  if (EXTENSION_NAMESPACES[prefix] === undefined) {
    throw new TypeError(
      `A feed extension uses the prefix "${prefix}" (in "${name}"), which has no namespace: declare it with _attributes: { "xmlns:${prefix}": "…" }.`,
    )
  }
  prefixes.add(prefix)
}

/** The `xmlns:` attributes for the prefixes in use, in a fixed order. */
export function namespaceAttributes(prefixes: Iterable<string>): Array<[string, string]> {
  return [...new Set(prefixes)]
    .sort()
    .map((prefix) => [`xmlns:${prefix}`, EXTENSION_NAMESPACES[prefix] as string])
}

/**
 * A `feed` extension as a JSON Feed member: its name with the leading `_` JSON Feed asks
 * of extensions (`feed` left it out), its value with every text cleaned.
 */
export function jsonExtension(extension: Extension): [string, unknown] {
  const name = extension.name.startsWith('_') ? extension.name : `_${extension.name}`
  return [name, cleanJson(extension.objects)]
}

function cleanJson(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value)
  if (Array.isArray(value)) return value.map(cleanJson)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, cleanJson(entry)]))
  }
  return value
}
