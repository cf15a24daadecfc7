import type MarkdownIt from 'markdown-it'
import type { Token } from 'markdown-it'
import { type CodeThemes, getCodeHighlighter } from './code-highlight.ts'
import { knownLanguageNames, lookUpLanguage } from './code-languages.ts'
import { escapeHtml } from './escape.ts'
import { addNote, type RenderNotesEnv, unknownLanguage } from './render-notes.ts'
import { closestName } from './suggest.ts'

/**
 * Renders code blocks as GitHub-style figures: `<figure class="code-block">` with the
 * language's name as its caption and the code highlighted by Shiki at build time, both
 * themes at once as CSS variables (`--shiki-light`, `--shiki-dark`, on `<pre>` for the
 * block and on each span), so the page's stylesheet picks one by colour scheme and no
 * script runs. A block in a language without a grammar is plain text, with a
 * `CODE_LANGUAGE_UNKNOWN` note at its opening fence; indented blocks are plain too.
 * With `highlight` false, every block is plain but its language is still looked up, so the
 * notes are the same: for a check, which reads the problems and not the HTML.
 */
export function codeBlocksPlugin(md: MarkdownIt, themes: CodeThemes, highlight = true): void {
  // Fail early for a theme that does not exist: a configuration mistake.
  const highlighter = highlight ? getCodeHighlighter(themes) : undefined
  md.core.ruler.push('dawnpress_code_languages', (state) => {
    let lines: string[] | undefined
    for (const token of state.tokens) {
      if (token.type !== 'fence') continue
      const name = languageOf(token)
      if (name === '' || lookUpLanguage(name).kind !== 'unknown') continue
      lines ??= state.src.split('\n')
      const line = token.map?.[0] ?? 0
      const text = lines[line] ?? ''
      const fence = text.indexOf(token.markup)
      const column = fence === -1 ? 1 : text.indexOf(name, fence + token.markup.length) + 1
      const suggestion = closestName(name, knownLanguageNames())
      addNote(
        state.env as RenderNotesEnv,
        unknownLanguage(name, { line: line + 1, column }, suggestion),
      )
    }
  })

  md.renderer.rules.fence = (tokens, index) => {
    const token = tokens[index] as Token
    const name = languageOf(token)
    const found = name === '' ? undefined : lookUpLanguage(name)
    const codeClass = name === '' ? '' : ` class="language-${escapeHtml(name)}"`
    if (found?.kind === 'grammar') {
      if (highlighter === undefined) {
        return figure(found.language.displayName, plainPre(token.content, codeClass))
      }
      const { html, preStyle } = highlighter.highlight(token.content, found.language)
      return figure(
        found.language.displayName,
        `<pre class="shiki" style="${preStyle}" tabindex="0"><code${codeClass}>${html}</code></pre>`,
      )
    }
    const label = found?.kind === 'unknown' ? name : undefined
    return figure(label, plainPre(token.content, codeClass))
  }
  md.renderer.rules.code_block = (tokens, index) =>
    figure(undefined, plainPre((tokens[index] as Token).content, ''))
}

/** The first word of a fence's info string, as markdown-it reads the language. */
function languageOf(token: Token): string {
  const info = token.info ? token.info.trim() : ''
  return info === '' ? '' : (info.split(/\s+/g)[0] as string)
}

function plainPre(code: string, codeClass: string): string {
  return `<pre tabindex="0"><code${codeClass}>${escapeHtml(code.replace(/\n$/, ''))}</code></pre>`
}

function figure(label: string | undefined, pre: string): string {
  const caption =
    label === undefined
      ? ''
      : `<figcaption class="code-block__language">${escapeHtml(label)}</figcaption>`
  return `<figure class="code-block">${caption}${pre}</figure>\n`
}
