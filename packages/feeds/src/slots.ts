import type { Document, Element, Node } from '@xmldom/xmldom'

const OPEN = '\uE000'
const CLOSE = '\uE001'
const SLOT = /^\uE000(\d+)\uE001$/
// Marks a slot that stands in an attribute value, once the document is marked.
const ATTRIBUTE = '\uE002'
const MARK = /([\uE000\uE002])(\d+)\uE001/g
const MARKED = /[\uE000\uE002]/

const XML_ESCAPES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
}

function escapeXmlCharacter(character: string): string {
  return XML_ESCAPES[character] ?? `&#${character.charCodeAt(0)};`
}

/**
 * Placeholders for text, so that `feed` never sees an author's words.
 *
 * `feed` 6.0.0 writes XML through xml-js, which escapes text wrongly (it turns a literal
 * `&amp;` into `&`), leaves `<` and `&` raw in attributes, and breaks CDATA sections on a
 * second `]]>`. So `feed` gets a placeholder for every piece of text (a number between two
 * private-use characters, which nothing in `feed` or xml-js transforms), its output is
 * parsed and reshaped as a DOM, and the real text, escaped for its place, goes into the
 * serialised string. URLs and dates, which `feed` handles well, are passed as they are.
 */
export class TextSlots {
  readonly #values: string[] = []

  /** The placeholder that stands for `text` until the document is filled. */
  add(text: string): string {
    this.#values.push(text)
    return `${OPEN}${this.#values.length - 1}${CLOSE}`
  }

  /** The text a placeholder stands for; undefined when `value` is not a placeholder. */
  read(value: string | null | undefined): string | undefined {
    const match = value == null ? null : SLOT.exec(value)
    return match ? this.#values[Number(match[1])] : undefined
  }

  /**
   * Serialises an XML document with every placeholder replaced by its text, escaped for
   * where it stands: element text (CDATA sections become escaped text) or attribute value.
   *
   * The document keeps its placeholders: it is only marked, then serialised small, and the
   * text goes into the string in one pass. Parsing and serialising megabytes of article
   * content through the DOM was most of the cost of a feed. The escaping is the serializer's
   * own (`<`, `&`, `>` in text; also `"`, tab, newline and carriage return in attributes),
   * so the bytes are those the serializer would write for the text in the DOM.
   */
  serializeXml(document: Document, serialize: (document: Document) => string): string {
    const visit = (node: Node): void => {
      if (node.nodeType === node.ELEMENT_NODE) {
        const element = node as unknown as Element
        for (const attribute of Array.from(element.attributes)) {
          if (MARKED.test(attribute.value)) {
            const index = this.#index(attribute.value)
            element.setAttribute(attribute.name, `${ATTRIBUTE}${index}${CLOSE}`)
          }
        }
        for (const child of Array.from(node.childNodes)) visit(child)
      } else if (node.nodeType === node.TEXT_NODE || node.nodeType === node.CDATA_SECTION_NODE) {
        const data = node.nodeValue ?? ''
        if (!MARKED.test(data)) return
        const text = document.createTextNode(`${OPEN}${this.#index(data)}${CLOSE}`)
        node.parentNode?.replaceChild(text, node)
      }
    }
    if (document.documentElement) visit(document.documentElement)
    // Any other text holding a mark character threw above, so every match is a mark.
    return serialize(document).replace(MARK, (_match, kind: string, index: string) => {
      const text = this.#values[Number(index)] ?? ''
      return kind === OPEN
        ? text.replace(/[<&>]/g, escapeXmlCharacter)
        : text.replace(/[<>&"\t\n\r]/g, escapeXmlCharacter)
    })
  }

  /** Replaces every placeholder string in a JSON value with its text. */
  fillJson(value: unknown): unknown {
    if (typeof value === 'string') return value.includes(OPEN) ? this.#resolve(value) : value
    if (Array.isArray(value)) return value.map((entry) => this.fillJson(entry))
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, entry]) => [key, this.fillJson(entry)]),
      )
    }
    return value
  }

  #index(value: string): number {
    const match = SLOT.exec(value)
    // Every slot is passed whole; `feed` combining one with other text is a bug here.
    if (!match) throw new Error(`A text placeholder was altered: ${JSON.stringify(value)}`)
    return Number(match[1])
  }

  #resolve(value: string): string {
    const text = this.read(value)
    // Every slot is passed whole; `feed` combining one with other text is a bug here.
    if (text === undefined)
      throw new Error(`A text placeholder was altered: ${JSON.stringify(value)}`)
    return text
  }
}
