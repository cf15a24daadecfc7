/** Namespaces the feeds declare beside their own. */
export const NAMESPACES = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
} as const

/** The XML declaration every feed starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'

const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' }

function escapeCharacter(character: string): string {
  return ESCAPES[character] ?? `&#${character.charCodeAt(0)};`
}

/**
 * Escapes text for element content. `>` is escaped too, so `]]>` can never appear. The
 * text must already be clean (see `cleanText`): this only escapes, it drops nothing.
 */
export function escapeXmlText(text: string): string {
  // Three native replaces beat one with a callback on long content.
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * Escapes text for a double-quoted attribute value. Tab, newline and carriage return become
 * character references, since a parser would turn them into spaces otherwise.
 */
export function escapeXmlAttribute(value: string): string {
  return value.replace(/[<>&"\t\n\r]/g, escapeCharacter)
}

/** Attribute name and value pairs; undefined values are left out. */
export type XmlAttributes = ReadonlyArray<readonly [name: string, value: string | undefined]>

/** A start tag, or an empty-element tag when `empty`, with escaped attribute values. */
export function startTag(name: string, attributes: XmlAttributes = [], empty = false): string {
  let tag = `<${name}`
  for (const [attribute, value] of attributes) {
    if (value !== undefined) tag += ` ${attribute}="${escapeXmlAttribute(value)}"`
  }
  return `${tag}${empty ? '/>' : '>'}`
}

/** An element holding only text, on one line: `<name>text</name>`, the text escaped. */
export function textElement(name: string, text: string, attributes: XmlAttributes = []): string {
  return `${startTag(name, attributes)}${escapeXmlText(text)}</${name}>`
}

/**
 * Lines of a document, indented four spaces per level (the layout `feed` wrote, kept so
 * that the files did not change when this package began writing them), joined with
 * newlines, with a final newline.
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
