import type { Token } from 'markdown-it'
import { lexHtml } from './html-lexer.ts'

/**
 * A URL in an article that names a file beside it rather than a page on the web: an image
 * (`![](./images/diagram.png)`, `<img src="diagram.png">`, the frontmatter's `image:`) or a
 * link (`[the last part](./part-one.md#setup)`, `[the data](./data.csv)`). The build finds
 * the file, copies it into the output (or, for another article, links to its page) and
 * reports the ones that are missing at their place.
 */
export interface ArticleReference {
  kind: 'image' | 'link'
  /** The URL as the article's HTML holds it (Markdown's percent-encoding applied). */
  url: string
  /** Where it is in the article's file, 1-based. */
  line: number
  column: number
  /** Set for a reference in the frontmatter: the field that holds it. */
  field?: 'image'
}

/** Elements and attributes whose URL can name a file beside the article. */
const HTML_URLS: Readonly<Record<string, { attribute: string; kind: ArticleReference['kind'] }>> = {
  img: { attribute: 'src', kind: 'image' },
  a: { attribute: 'href', kind: 'link' },
}

/**
 * True for a URL that is relative to the file it is written in: no scheme (`https:`,
 * `mailto:`), not a path on the site (`/about/`), not protocol-relative (`//cdn…`), not only
 * a fragment (`#setup`) or a query.
 *
 * @example
 * isRelativeReference('./images/a.png') // true
 * isRelativeReference('part-two.md#setup') // true
 * isRelativeReference('/articles/a/') // false
 */
export function isRelativeReference(url: string): boolean {
  const trimmed = url.trim()
  if (trimmed === '' || /^[#?/\\]/.test(trimmed)) return false
  return !/^[a-z][a-z0-9+.-]*:/i.test(trimmed)
}

/**
 * Every relative URL of a body's images and links, Markdown's and raw HTML's alike, in
 * source order, with its position in the body (`bodyLine` is the file's line of the body's
 * first line). Positions are found by looking for the URL as written on the lines of its
 * block; one that cannot be found is given at its block's first line.
 */
export function collectReferences(
  tokens: readonly Token[],
  body: string,
  bodyLine = 1,
): ArticleReference[] {
  const references: ArticleReference[] = []
  let lines: string[] | undefined
  // Per block, where the search for the next URL starts, so that a URL written twice in a
  // paragraph gets both of its places.
  let cursor = { line: 0, column: 0 }
  let block: [number, number] = [0, 1]
  const add = (kind: ArticleReference['kind'], url: string) => {
    if (!isRelativeReference(url)) return
    lines ??= body.split('\n')
    const at = locate(lines, block, cursor, url)
    cursor = { line: at.line, column: at.column + 1 }
    references.push({ kind, url, line: bodyLine + at.line, column: at.column + 1 })
  }
  const addHtml = (html: string) => {
    if (!html.includes('src') && !html.includes('href')) return
    for (const piece of lexHtml(html)) {
      if (piece.kind !== 'start') continue
      const wanted = HTML_URLS[piece.name]
      const attribute = piece.attributes.find((item) => item.name === wanted?.attribute)
      if (wanted && attribute) add(wanted.kind, attribute.value)
    }
  }

  for (const token of tokens) {
    if (token.map) {
      block = token.map
      cursor = { line: token.map[0], column: 0 }
    }
    if (token.type === 'html_block') addHtml(token.content)
    if (token.type !== 'inline' || !token.children) continue
    for (const child of token.children) {
      if (child.type === 'image') add('image', child.attrGet('src') ?? '')
      else if (child.type === 'link_open') add('link', child.attrGet('href') ?? '')
      else if (child.type === 'html_inline') addHtml(child.content)
    }
  }
  return references
}

/**
 * The 0-based line and column of `url` on the lines of `block` at or after `from`, trying
 * it as the HTML holds it and as the author may have written it (before percent-encoding).
 */
function locate(
  lines: readonly string[],
  block: readonly [number, number],
  from: { line: number; column: number },
  url: string,
): { line: number; column: number } {
  const forms = [url]
  try {
    const decoded = decodeURI(url)
    if (decoded !== url) forms.push(decoded)
  } catch {
    // A URL with a lone `%` is only ever written as it is.
  }
  const last = Math.max(block[1], from.line + 1)
  for (let line = from.line; line < last && line < lines.length; line++) {
    const text = lines[line] as string
    const start = line === from.line ? from.column : 0
    for (const form of forms) {
      const column = text.indexOf(form, start)
      if (column !== -1) return { line, column }
    }
  }
  return { line: block[0], column: 0 }
}
