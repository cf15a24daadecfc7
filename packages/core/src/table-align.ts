import type MarkdownIt from 'markdown-it'

/**
 * Table cells carry their column's alignment as `align="center"`, as GitHub renders GFM
 * tables, instead of markdown-it's `style="text-align:center"`: browsers align by it without
 * a stylesheet, and feed readers, which drop `style`, keep it.
 */
export function tableAlignPlugin(md: MarkdownIt): void {
  md.core.ruler.after('block', 'dawnpress_table_align', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'th_open' && token.type !== 'td_open') continue
      const style = token.attrGet('style')
      const align = style === null ? undefined : /^text-align:(left|right|center)$/.exec(style)?.[1]
      if (align === undefined) continue
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style')
      token.attrSet('align', align)
    }
  })
}
