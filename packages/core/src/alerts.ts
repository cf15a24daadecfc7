import type MarkdownIt from 'markdown-it'
import type { Token } from 'markdown-it'
import { escapeHtml } from './escape.ts'

/** GitHub's five alerts, by the marker's word, with the title GitHub shows. */
const ALERTS: Record<string, string> = {
  note: 'Note',
  tip: 'Tip',
  important: 'Important',
  warning: 'Warning',
  caution: 'Caution',
}

/** `[!NOTE]` alone on the first line of a quote, in any case. */
const MARKER = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\n|$)/i

/**
 * GitHub alerts: a quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
 * `[!WARNING]` or `[!CAUTION]` becomes `<div class="markdown-alert markdown-alert-note">`
 * with a `<p class="markdown-alert-title">Note</p>` before its content, as GitHub renders
 * it (without its icons: the stylesheet draws them). Any other quote stays a quote.
 */
export function alertsPlugin(md: MarkdownIt): void {
  md.core.ruler.after('block', 'dawnpress_alerts', (state) => {
    const { tokens } = state
    const open: (Token | undefined)[] = []
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index] as Token
      if (token.type === 'blockquote_open') {
        const alert = alertOf(tokens, index)
        open.push(alert === undefined ? undefined : token)
        if (alert === undefined) continue
        token.type = 'alert_open'
        token.tag = 'div'
        token.meta = { kind: alert }
        const inline = tokens[index + 2] as Token
        inline.content = inline.content.replace(MARKER, '')
        if (inline.map) inline.map = [inline.map[0] + 1, inline.map[1]]
        // A marker with nothing after it on its paragraph leaves no paragraph.
        if (inline.content.trim() === '') tokens.splice(index + 1, 3)
      } else if (token.type === 'blockquote_close') {
        const opener = open.pop()
        if (opener === undefined) continue
        token.type = 'alert_close'
        token.tag = 'div'
      }
    }
  })
  md.renderer.rules.alert_open = (tokens, index) => {
    const kind = (tokens[index]?.meta as { kind?: string } | undefined)?.kind ?? 'note'
    return `<div class="markdown-alert markdown-alert-${kind}">\n<p class="markdown-alert-title">${escapeHtml(ALERTS[kind] ?? kind)}</p>\n`
  }
  md.renderer.rules.alert_close = () => '</div>\n'
}

function alertOf(tokens: Token[], index: number): string | undefined {
  const paragraph = tokens[index + 1]
  const inline = tokens[index + 2]
  if (paragraph?.type !== 'paragraph_open' || inline?.type !== 'inline') return undefined
  return MARKER.exec(inline.content)?.[1]?.toLowerCase()
}
