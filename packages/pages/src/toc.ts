import type { Heading } from '@dawnpress/core'
import { html, type SafeHtml } from './html.ts'

interface TocNode {
  heading: Heading
  children: TocNode[]
}

/**
 * Nests an article's section headings (level 2 and below; the level-1 heading is the title)
 * two levels deep, starting from the highest level present, so that an article that only
 * uses `###` still gets a flat list.
 */
export function buildToc(headings: readonly Heading[]): TocNode[] {
  const sections = headings.filter((heading) => heading.depth > 1)
  const top = Math.min(...sections.map((heading) => heading.depth))
  const nodes: TocNode[] = []
  for (const heading of sections) {
    if (heading.depth === top) nodes.push({ heading, children: [] })
    else if (heading.depth === top + 1) {
      const parent = nodes.at(-1)
      if (parent) parent.children.push({ heading, children: [] })
      else nodes.push({ heading, children: [] })
    }
  }
  return nodes
}

function renderNodes(nodes: TocNode[]): SafeHtml {
  return html`<ol>${nodes.map(
    (node) =>
      html`<li><a href="#${node.heading.id}">${node.heading.text}</a>${node.children.length > 0 && renderNodes(node.children)}</li>`,
  )}</ol>`
}

/**
 * A table of contents, or nothing when the article has fewer than two sections; `words`
 * marks its title's language when the page is in another one.
 */
export function renderToc(headings: readonly Heading[], words: SafeHtml | false = false): SafeHtml {
  const nodes = buildToc(headings)
  const count = nodes.reduce((sum, node) => sum + 1 + node.children.length, 0)
  if (count < 2) return html``
  return html`<nav class="toc" aria-labelledby="toc-title">
<h2 id="toc-title" class="toc__title"${words}>Contents</h2>
${renderNodes(nodes)}
</nav>`
}
