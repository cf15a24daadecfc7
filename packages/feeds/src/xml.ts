/** Namespaces the XML feeds declare beside their own. */
export const NAMESPACES = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
} as const

/** The XML declaration every feed starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'

/**
 * Escapes text for element content with hexadecimal character references (`&#x26;`,
 * `&#x3C;`, `&#x3E;`), as the RSS Best Practices Profile recommends. The XML means what
 * `&amp;` would, but readers built on `@rowanmanning/feed-parser` decode `&amp;`, `&lt;`
 * and `&gt;` twice: `Write &amp;amp; for &amp;` read as "Write & for &", and an escaped
 * `&lt;script&gt;` in a code sample came back as a live `<script>`. `>` is escaped too, so
 * `]]>` never appears. The text must already be clean (see `cleanText`).
 */
export function escapeXmlText(text: string): string {
  // Three native replaces beat one with a callback on long content.
  return text.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;').replace(/>/g, '&#x3E;')
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&#x26;',
  '<': '&#x3C;',
  '>': '&#x3E;',
  '"': '&#x22;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
}

/**
 * Escapes text for a double-quoted attribute value, with character references as in
 * element text. Tab, newline and carriage return are escaped too, since a parser would
 * turn them into spaces otherwise.
 */
export function escapeXmlAttribute(value: string): string {
  return value.replace(/[<>&"\t\n\r]/g, (character) => ATTRIBUTE_ESCAPES[character] as string)
}

/** Attribute name and value pairs; undefined values are left out. */
export type XmlAttributes = ReadonlyArray<
  readonly [name: string, value: string | number | undefined]
>

/** A start tag, or an empty-element tag when `empty`, with escaped attribute values. */
export function startTag(name: string, attributes: XmlAttributes = [], empty = false): string {
  let tag = `<${name}`
  for (const [attribute, value] of attributes) {
    if (value !== undefined) tag += ` ${attribute}="${escapeXmlAttribute(String(value))}"`
  }
  return `${tag}${empty ? '/>' : '>'}`
}

/** An element holding only text, on one line: `<name>text</name>`, the text escaped. */
export function textElement(name: string, text: string, attributes: XmlAttributes = []): string {
  return `${startTag(name, attributes)}${escapeXmlText(text)}</${name}>`
}

/**
 * The processing instruction that has a browser show the feed through an XSL stylesheet.
 * Feed readers skip it: what they parse does not change.
 */
export function stylesheetInstruction(href: string): string {
  // Pseudo-attributes take character references as attributes do; an escaped `>` cannot
  // end the instruction.
  return `<?xml-stylesheet href="${escapeXmlAttribute(href)}" type="text/xsl"?>`
}

/**
 * Lines of a document, indented four spaces per level (the layout `feed` writes), joined
 * with newlines, with a final newline.
 */
export class XmlLines {
  readonly #lines: string[] = []

  /** Adds one line at `depth`. */
  add(depth: number, line: string): void {
    this.#lines.push(`${'    '.repeat(depth)}${line}`)
  }

  /** The lines without a final newline, to add elsewhere as one line at depth 0. */
  toBlock(): string {
    return this.#lines.join('\n')
  }

  /** The document. */
  toString(): string {
    return `${this.#lines.join('\n')}\n`
  }
}
