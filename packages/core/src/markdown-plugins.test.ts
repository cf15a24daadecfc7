import markdownItKatex from '@vscode/markdown-it-katex'
// @ts-expect-error markdown-it-container ships no types
import markdownItContainer from 'markdown-it-container'
import { describe, expect, it } from 'vitest'
import { createMarkdownRenderer, type MarkdownItPlugin } from './markdown.ts'

// The README's two examples, as written there.
const katex = markdownItKatex as unknown as MarkdownItPlugin
const container = markdownItContainer as MarkdownItPlugin

describe('markdown-it plugins (the README’s examples)', () => {
  it('renders math with KaTeX at build time', () => {
    const renderer = createMarkdownRenderer({ plugins: [[katex, { throwOnError: false }]] })
    const { html, changes } = renderer.render(
      'Euler: $e^{i\\pi} + 1 = 0$\n\n$$\n\\int_0^1 x\\,dx\n$$\n',
    )
    expect(html).toContain('<span class="katex">')
    expect(html).toContain('<math')
    expect(html).toContain('katex-display')
    expect(changes).toEqual([])
  })

  it('renders a custom container, whose title is escaped', () => {
    const aside = [
      container,
      'aside',
      {
        render: (tokens: { nesting: number; info: string }[], index: number) => {
          const token = tokens[index] as { nesting: number; info: string }
          const title = token.info.trim().slice('aside'.length).trim()
          const escaped = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
          return token.nesting === 1
            ? `<aside class="aside"><p class="aside__title">${escaped}</p>\n`
            : '</aside>\n'
        },
      },
    ] as const
    const renderer = createMarkdownRenderer({ plugins: [aside] })
    const { html } = renderer.render('::: aside A <b>side</b> note\nInside **it**.\n:::\n')
    expect(html).toBe(
      '<aside class="aside"><p class="aside__title">A &#60;b&#62;side&#60;/b&#62; note</p>\n<p>Inside <strong>it</strong>.</p>\n</aside>\n',
    )
  })

  it('still sanitises raw HTML inside what a plugin parses', () => {
    const renderer = createMarkdownRenderer({ plugins: [[container, 'aside']] })
    const { html, changes } = renderer.render(
      '::: aside\n<img src=x alt="" onerror="alert(1)">\n:::\n',
    )
    expect(html).not.toContain('onerror')
    expect(changes.map((change) => change.code)).toEqual(['HTML_ATTRIBUTE_REMOVED'])
  })

  it('refuses a plugin that is not a function, naming the likely mistake', () => {
    expect(() =>
      createMarkdownRenderer({ plugins: [{ default: container } as unknown as MarkdownItPlugin] }),
    ).toThrow(/some packages export it as "default"/)
  })
})
