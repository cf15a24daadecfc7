import type MarkdownIt from 'markdown-it'
import type { Token } from 'markdown-it'

/** `[ ]`, `[x]` or `[X]` and a space or tab, at the start of a list item's first paragraph. */
const MARKER = /^\[([ \txX])\][ \t]/

/**
 * GFM task list items, rendered as GitHub's spec does: `<li><input type="checkbox"
 * disabled=""> text</li>`, checked for `[x]`. The checkbox is a token of its own
 * (`task_list_checkbox`), never raw HTML, so the sanitiser has nothing to tell apart.
 */
export function taskListsPlugin(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'dawnpress_task_lists', (state) => {
    const { tokens } = state
    for (let index = 2; index < tokens.length; index++) {
      const inline = tokens[index] as Token
      if (
        inline.type !== 'inline' ||
        tokens[index - 1]?.type !== 'paragraph_open' ||
        tokens[index - 2]?.type !== 'list_item_open'
      )
        continue
      const first = inline.children?.[0]
      const marker = first?.type === 'text' ? MARKER.exec(first.content) : null
      if (!first || !marker || !inline.children) continue
      first.content = first.content.slice(3)
      const checkbox = new state.Token('task_list_checkbox', 'input', 0)
      checkbox.meta = { checked: marker[1] === 'x' || marker[1] === 'X' }
      inline.children.unshift(checkbox)
    }
  })
  md.renderer.rules.task_list_checkbox = (tokens, index) =>
    (tokens[index]?.meta as { checked?: boolean } | undefined)?.checked
      ? '<input type="checkbox" checked="" disabled="">'
      : '<input type="checkbox" disabled="">'
}
