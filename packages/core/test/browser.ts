import { type DefaultTreeAdapterTypes, parse } from 'parse5'

type Node = DefaultTreeAdapterTypes.Node
type Element = DefaultTreeAdapterTypes.Element

/** What a browser makes of an article's HTML, read inside a page. */
export interface PageReading {
  /** The text a reader sees in the article, whitespace collapsed. */
  text: string
  /** Every element inside the article, in document order. */
  elements: Element[]
  /**
   * The page's own footer after the article is where the page put it, with only its own text:
   * nothing in the article swallowed it, wrapped it or reached out to it.
   */
  pageIntact: boolean
}

/** Elements whose content a reader does not see as text. */
const HIDDEN = new Set(['script', 'style', 'template', 'title', 'noscript', 'iframe', 'xmp'])

/**
 * Reads `html` as a browser reads a page that contains it (parse5 implements the HTML
 * standard's parser): inside `<article>`, followed by the page's `<footer>`.
 */
export function readInPage(html: string): PageReading {
  const document = parse(
    `<!doctype html><html><body><main><article>${html}</article><footer>Page footer</footer></main></body></html>`,
  )
  const main = find(document, (node) => node.nodeName === 'main') as Element
  const [article, footer, ...more] = main.childNodes.filter(
    (node) => node.nodeName !== '#text' || ('value' in node && node.value.trim() !== ''),
  )
  const pageIntact =
    article?.nodeName === 'article' &&
    footer?.nodeName === 'footer' &&
    more.length === 0 &&
    (footer as Element).childNodes.length === 1 &&
    textOf(footer as Element) === 'Page footer'
  const articleElement = article?.nodeName === 'article' ? (article as Element) : main
  return {
    text: textOf(articleElement).replace(/\s+/g, ' ').trim(),
    elements: descendants(articleElement),
    pageIntact,
  }
}

function find(node: Node, test: (node: Node) => boolean): Node | undefined {
  if (test(node)) return node
  for (const child of 'childNodes' in node ? node.childNodes : []) {
    const found = find(child, test)
    if (found) return found
  }
  return undefined
}

function textOf(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value
  if (HIDDEN.has(node.nodeName) || !('childNodes' in node)) return ''
  return node.childNodes.map(textOf).join('')
}

function descendants(node: Element): Element[] {
  const found: Element[] = []
  for (const child of node.childNodes) {
    if (!('tagName' in child)) continue
    found.push(child, ...descendants(child))
  }
  return found
}
