import { describe, expect, it } from 'vitest'
import { createMarkdownRenderer } from './markdown.ts'

const renderer = createMarkdownRenderer({ highlight: false })
const render = (markdown: string) => renderer.render(markdown).html

describe('emphasis next to CJK punctuation (markdown-it-cjk-friendly)', () => {
  it('renders **「注意」**です as bold, not with literal asterisks (regression: GitHub shows the asterisks)', () => {
    expect(render('**「注意」**です\n')).toBe('<p><strong>「注意」</strong>です</p>\n')
  })

  it.each([
    ['Japanese, a full stop inside', 'これは**重要。**です', 'これは<strong>重要。</strong>です'],
    ['Chinese, quotation marks', '这是**“重点”**内容', '这是<strong>“重点”</strong>内容'],
    ['Korean, parentheses', '**(중요)**합니다', '<strong>(중요)</strong>합니다'],
    ['italics', '*「注意」*です', '<em>「注意」</em>です'],
  ])('renders %s', (_, markdown, inner) => {
    expect(render(`${markdown}\n`)).toBe(`<p>${inner}</p>\n`)
  })

  it('leaves emphasis in Latin text as CommonMark has it', () => {
    expect(render('a **b** c and 2*3*4 and **"q"**x\n')).toBe(
      '<p>a <strong>b</strong> c and 2<em>3</em>4 and **&quot;q&quot;**x</p>\n',
    )
  })
})
