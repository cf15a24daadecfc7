import type { Document, Node } from '@xmldom/xmldom'

const OPEN = '\uE000'
const CLOSE = '\uE001'
const SLOT = /^\uE000(\d+)\uE001$/

/**
 * Placeholders for text, so that `feed` never sees an author's words.
 *
 * `feed` 6.0.0 writes XML through xml-js, which escapes text wrongly (it turns a literal
 * `&amp;` into `&`), leaves `<` and `&` raw in attributes, and breaks CDATA sections on a
 * second `]]>`. So `feed` gets a placeholder for every piece of text (a number between two
 * private-use characters, which nothing in `feed` or xml-js transforms), its output is
 * parsed, and the real text goes into the parsed document as DOM text and attribute values,
 * which the serializer escapes correctly. URLs and dates, which `feed` handles well, are
 * passed as they are.
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
   * Replaces every placeholder in an XML document with its text: in attributes, text nodes
   * and CDATA sections (which become plain text nodes, escaped by the serializer).
   */
  fillXml(document: Document): void {
    const visit = (node: Node): void => {
      if (node.nodeType === node.ELEMENT_NODE) {
        const element = node as unknown as import('@xmldom/xmldom').Element
        for (const attribute of Array.from(element.attributes)) {
          if (attribute.value.includes(OPEN)) {
            element.setAttribute(attribute.name, this.#resolve(attribute.value))
          }
        }
        for (const child of Array.from(node.childNodes)) visit(child)
      } else if (node.nodeType === node.TEXT_NODE || node.nodeType === node.CDATA_SECTION_NODE) {
        const data = node.nodeValue ?? ''
        if (!data.includes(OPEN)) return
        const text = document.createTextNode(this.#resolve(data))
        node.parentNode?.replaceChild(text, node)
      }
    }
    if (document.documentElement) visit(document.documentElement)
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

  #resolve(value: string): string {
    const text = this.read(value)
    // Every slot is passed whole; `feed` combining one with other text is a bug here.
    if (text === undefined)
      throw new Error(`A text placeholder was altered: ${JSON.stringify(value)}`)
    return text
  }
}
