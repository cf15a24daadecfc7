import { createRequire } from 'node:module'
import type MarkdownIt from 'markdown-it'
import type { PluginSimple, Token } from 'markdown-it'
import { appendFootnotesInPlace } from './footnote-tail.ts'

// Required when the first renderer is made, as markdown-it is (see markdown.ts). The plugin
// types its argument against another copy of markdown-it's typings.
let footnote: PluginSimple | undefined
function loadFootnotePlugin(): PluginSimple {
  footnote ??= createRequire(import.meta.url)('markdown-it-footnote') as PluginSimple
  return footnote
}

/** The `id` of the footnotes' heading, as GitHub names it. */
export const FOOTNOTE_LABEL_ID = 'footnote-label'

/** The `id` of footnote `n` (1-based), as GitHub names it. */
export const footnoteId = (n: number) => `user-content-fn-${n}`

/** The `id` of the `k`-th reference (0-based) to footnote `n`, as GitHub names it. */
export const footnoteRefId = (n: number, k = 0) =>
  k === 0 ? `user-content-fnref-${n}` : `user-content-fnref-${n}-${k + 1}`

interface FootnoteMeta {
  id: number
  subId?: number
}

/**
 * Footnotes in GitHub's shape: numbered references `<sup><a>` described by the footnotes'
 * heading, and a `<section class="footnotes">` with a visually hidden "Footnotes" heading
 * and back-links labelled "Back to reference 1". Ids carry GitHub's `user-content-` prefix,
 * and the renderer keeps every heading id off them. GitHub's `data-footnote-*` attributes
 * are left out: the allow-list has no `data-*`, and every element and attribute dawnpress
 * writes for footnotes is one that `sanitizeHtml` keeps.
 * Parsing is markdown-it-footnote's, with its last step made linear in the number of notes.
 */
export function footnotesPlugin(md: MarkdownIt): void {
  md.use(loadFootnotePlugin()).use(appendFootnotesInPlace)
  const rules = md.renderer.rules
  rules.footnote_ref = (tokens, index) => {
    const { id, subId = 0 } = metaOf(tokens[index])
    return `<sup><a href="#${footnoteId(id + 1)}" id="${footnoteRefId(id + 1, subId)}" aria-describedby="${FOOTNOTE_LABEL_ID}">${id + 1}</a></sup>`
  }
  rules.footnote_block_open = () =>
    `<section class="footnotes"><h2 class="sr-only" id="${FOOTNOTE_LABEL_ID}">Footnotes</h2>\n<ol>\n`
  rules.footnote_block_close = () => '</ol>\n</section>\n'
  rules.footnote_open = (tokens, index) => `<li id="${footnoteId(metaOf(tokens[index]).id + 1)}">\n`
  rules.footnote_close = () => '</li>\n'
  rules.footnote_anchor = (tokens, index) => {
    const { id, subId = 0 } = metaOf(tokens[index])
    const label = subId === 0 ? `${id + 1}` : `${id + 1}-${subId + 1}`
    const mark = subId === 0 ? '↩' : `↩<sup>${subId + 1}</sup>`
    return ` <a href="#${footnoteRefId(id + 1, subId)}" aria-label="Back to reference ${label}" class="data-footnote-backref">${mark}</a>`
  }
}

function metaOf(token: Token | undefined): FootnoteMeta {
  return (token?.meta ?? { id: 0 }) as FootnoteMeta
}

/** What markdown-it-footnote leaves in `env`: the notes referenced, in order. */
export interface FootnoteEnv {
  footnotes?: { list?: { count?: number }[] }
}

/**
 * Every id the footnotes of a body use, so that no heading is given one of them: a heading
 * "User content fn 1" gets `user-content-fn-1-1` instead.
 */
export function footnoteIds(env: FootnoteEnv): string[] {
  const list = env.footnotes?.list ?? []
  if (list.length === 0) return []
  const ids = [FOOTNOTE_LABEL_ID]
  for (const [index, note] of list.entries()) {
    ids.push(footnoteId(index + 1))
    for (let k = 0; k < Math.max(1, note.count ?? 0); k++) ids.push(footnoteRefId(index + 1, k))
  }
  return ids
}
