import type MarkdownIt from 'markdown-it'

type Token = ReturnType<MarkdownIt['parse']>[number]

/**
 * Tokens whose `concat` appends in place. markdown-it-footnote 4.0.0's `footnote_tail`
 * appends each footnote with `state.tokens = state.tokens.concat(footnoteTokens)`, copying
 * every token of the article once per footnote: quadratic, so 13,000 footnotes (400 KB)
 * took 10 s. Given these, each append costs only its own tokens. The rule's `filter` keeps
 * the class (arrays create their kind), and the tokens become a plain array again after it.
 */
class AppendingTokens extends Array<Token> {
  override concat(...items: (Token | ConcatArray<Token>)[]): Token[] {
    for (const item of items) {
      if (Array.isArray(item)) for (const token of item as Token[]) this.push(token)
      else this.push(item as Token)
    }
    return this
  }
}

/**
 * A markdown-it plugin, used after markdown-it-footnote, that makes its `footnote_tail`
 * rule linear in the number of footnotes; the tokens it produces are unchanged.
 */
export function appendFootnotesInPlace(md: MarkdownIt): void {
  md.core.ruler.before('footnote_tail', 'footnote_tail_in_place', (state) => {
    if (!(state.env as { footnotes?: unknown }).footnotes) return false
    const tokens = new AppendingTokens()
    for (const token of state.tokens) tokens.push(token)
    state.tokens = tokens
    return false
  })
  md.core.ruler.after('footnote_tail', 'footnote_tail_plain', (state) => {
    if (state.tokens instanceof AppendingTokens) state.tokens = Array.from(state.tokens)
    return false
  })
}
