import type MarkdownIt from 'markdown-it'
import type { StateInline } from 'markdown-it'

type Delimiter = StateInline['delimiters'][number]

const TILDE = 0x7e
// The delimiter list matches openers and closers by `marker`: a run of two tildes gets a
// marker of its own, so that `~` closes only `~` and `~~` only `~~`, as GFM wants.
const DOUBLE_TILDE = 0x7e7e

/**
 * GFM strikethrough in place of markdown-it's: a run of one or two tildes opens or closes
 * (`~one~`, `~~two~~`), an opener matches only a closer of the same length, and a run of
 * three or more is text, as GitHub renders it (`~~~not~~~` does not strike). Flanking
 * follows the emphasis rules, as in markdown-it. Rendered as `<del>`.
 */
export function strikethroughPlugin(md: MarkdownIt): void {
  md.inline.ruler.at('strikethrough', tokenize)
  md.inline.ruler2.at('strikethrough', (state) => {
    postProcess(state, state.delimiters)
    for (const meta of state.tokens_meta) {
      if (meta?.delimiters) postProcess(state, meta.delimiters)
    }
    return false
  })
  md.renderer.rules.s_open = () => '<del>'
  md.renderer.rules.s_close = () => '</del>'
}

function tokenize(state: StateInline, silent: boolean): boolean {
  if (silent || state.src.charCodeAt(state.pos) !== TILDE) return false
  const scanned = state.scanDelims(state.pos, true)
  const run = '~'.repeat(scanned.length)
  const token = state.push('text', '', 0)
  token.content = run
  if (scanned.length <= 2) {
    state.delimiters.push({
      marker: scanned.length === 1 ? TILDE : DOUBLE_TILDE,
      // No "rule of 3": it is meant for emphasis.
      length: 0,
      token: state.tokens.length - 1,
      end: -1,
      open: scanned.can_open,
      close: scanned.can_close,
    } as Delimiter)
  }
  state.pos += scanned.length
  return true
}

function postProcess(state: StateInline, delimiters: Delimiter[]): void {
  for (const start of delimiters) {
    if ((start.marker !== TILDE && start.marker !== DOUBLE_TILDE) || start.end === -1) continue
    const end = delimiters[start.end] as Delimiter
    const markup = start.marker === TILDE ? '~' : '~~'
    for (const [index, type, nesting] of [
      [start.token, 's_open', 1],
      [end.token, 's_close', -1],
    ] as const) {
      const token = state.tokens[index]
      if (token === undefined) continue
      token.type = type
      token.tag = 's'
      token.nesting = nesting
      token.markup = markup
      token.content = ''
    }
  }
}
