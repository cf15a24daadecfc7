import { DOMParser, type Document, type Element, XMLSerializer } from '@xmldom/xmldom'

/** Namespaces the feeds use beside their own. */
export const NAMESPACES = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
} as const

/** Parses XML that `feed` wrote; anything short of well-formed is a bug, so it throws. */
export function parseXml(xml: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`feed wrote XML that does not parse (${level}): ${message}`)
    },
  }).parseFromString(xml, 'text/xml')
}

/** Serialises a document, with the final newline that text files end with. */
export function serializeXml(document: Document): string {
  return `${new XMLSerializer().serializeToString(document)}\n`
}

/** The element children of `parent` with the local name `name`, in document order. */
export function childElements(parent: Element, name?: string): Element[] {
  return Array.from(parent.childNodes).filter(
    (node): node is Element =>
      node.nodeType === node.ELEMENT_NODE &&
      (name === undefined || (node as Element).localName === name),
  )
}

/** The first element child named `name`; throws when `feed` did not write one. */
export function requireChild(parent: Element, name: string): Element {
  const child = childElements(parent, name)[0]
  if (!child) throw new Error(`feed wrote no <${name}> in <${parent.tagName}>.`)
  return child
}

/** Declares a namespace prefix on the root element, so children need not repeat it. */
export function declareNamespace(document: Document, prefix: string, uri: string): void {
  document.documentElement?.setAttributeNS(NAMESPACES.xmlns, `xmlns:${prefix}`, uri)
}

/** Inserts `element` after `reference`, on its own line, indented like its siblings. */
export function insertAfter(reference: Element, element: Element): void {
  const parent = reference.parentNode
  const document = reference.ownerDocument
  if (!parent || !document) throw new Error('Cannot insert beside an element outside a document.')
  const next = reference.nextSibling
  // `feed` indents by four spaces per level.
  parent.insertBefore(document.createTextNode(`\n${'    '.repeat(depth(reference))}`), next)
  parent.insertBefore(element, next)
}

/** Removes an element together with the indentation before it. */
export function removeElement(element: Element): void {
  const previous = element.previousSibling
  if (previous?.nodeType === previous?.TEXT_NODE && /^\s*$/.test(previous?.nodeValue ?? '')) {
    element.parentNode?.removeChild(previous as NonNullable<typeof previous>)
  }
  element.parentNode?.removeChild(element)
}

/** Creates an element with text content. */
export function createTextElement(
  document: Document,
  namespace: string,
  name: string,
  text: string,
): Element {
  const element = document.createElementNS(namespace, name)
  element.appendChild(document.createTextNode(text))
  return element
}

function depth(element: Element): number {
  let count = 0
  for (
    let node = element.parentNode;
    node && node.nodeType === node.ELEMENT_NODE;
    node = node.parentNode
  ) {
    count++
  }
  return count
}
