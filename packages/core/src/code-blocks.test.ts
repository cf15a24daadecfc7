import { type DefaultTreeAdapterTypes, parseFragment } from 'parse5'
import { describe, expect, it } from 'vitest'
import {
  createMarkdownRenderer,
  createPlainCodeRenderer,
  createProblemsRenderer,
} from './markdown.ts'

type Element = DefaultTreeAdapterTypes.Element
type Node = DefaultTreeAdapterTypes.ChildNode

const renderer = createMarkdownRenderer()

function elements(html: string): Element[] {
  const found: Element[] = []
  const visit = (nodes: Node[]) => {
    for (const node of nodes) {
      if (!('tagName' in node)) continue
      found.push(node)
      visit(node.childNodes)
    }
  }
  visit(parseFragment(html).childNodes)
  return found
}

const textOf = (node: Node): string =>
  node.nodeName === '#text'
    ? (node as DefaultTreeAdapterTypes.TextNode).value
    : 'childNodes' in node
      ? node.childNodes.map(textOf).join('')
      : ''

const attr = (element: Element | undefined, name: string) =>
  element?.attrs.find((attribute) => attribute.name === name)?.value

/** What Shiki writes in a `style`: both themes' colours and font styles as variables. */
const SHIKI_STYLE =
  /^(?:--shiki-(?:light|dark)(?:-bg)?:#[0-9a-f]{3,8}|--shiki-(?:light|dark)-(?:font-style:italic|font-weight:bold|text-decoration:(?:underline|line-through|underline line-through)))(?:;(?:--shiki-(?:light|dark)(?:-bg)?:#[0-9a-f]{3,8}|--shiki-(?:light|dark)-(?:font-style:italic|font-weight:bold|text-decoration:(?:underline|line-through|underline line-through))))*$/

describe('code blocks: highlighting', () => {
  it('highlights a block in both themes, as CSS variables, under the language’s name', () => {
    const { html, changes } = renderer.render('```ts\nconst answer: number = 42\n```\n')
    const [figure, caption, pre, code] = elements(html)
    expect(figure?.tagName).toBe('figure')
    expect(attr(figure, 'class')).toBe('code-block')
    expect(caption?.tagName).toBe('figcaption')
    expect(textOf(caption as Node)).toBe('TypeScript')
    expect(attr(pre, 'class')).toBe('shiki')
    expect(attr(pre, 'style')).toBe(
      '--shiki-light:#24292e;--shiki-light-bg:#fff;--shiki-dark:#e1e4e8;--shiki-dark-bg:#24292e',
    )
    expect(attr(code, 'class')).toBe('language-ts')
    expect(textOf(code as Node)).toBe('const answer: number = 42')
    const keyword = elements(html).find((element) => textOf(element) === 'const')
    expect(attr(keyword, 'style')).toBe('--shiki-light:#d73a49;--shiki-dark:#f97583')
    expect(changes).toEqual([])
  })

  it('writes only figure, figcaption, pre, code and span, with Shiki’s own classes and styles', () => {
    const { html } = renderer.render(
      '```python\n# A comment\ndef f(x): return "s" * 2\n```\n\n```md\n**bold** _it_\n```\n',
    )
    for (const element of elements(html)) {
      expect(['figure', 'figcaption', 'pre', 'code', 'span']).toContain(element.tagName)
      for (const { name, value } of element.attrs) {
        if (name === 'style') expect(value).toMatch(SHIKI_STYLE)
        else if (name === 'class')
          expect(value).toMatch(/^(?:code-block|code-block__language|shiki|line|language-\w+)$/)
        else expect(name).toBe('tabindex')
      }
    }
  })

  it('keeps hostile code as text: nothing in it becomes markup', () => {
    const code = '</code></pre></figure><script>alert(1)</script><img src=x onerror=alert(2)> & "\''
    for (const language of ['html', 'ts', 'unknown-language', '']) {
      const { html } = renderer.render(`\`\`\`${language}\n${code}\n\`\`\`\n`)
      const found = elements(html)
      expect(found.map((element) => element.tagName)).not.toContain('script')
      expect(found.map((element) => element.tagName)).not.toContain('img')
      const codeElement = found.find((element) => element.tagName === 'code') as Node
      expect(textOf(codeElement)).toBe(code)
    }
  })

  it('escapes a language name that tries to break out of its attribute', () => {
    const { html } = renderer.render('```"><script>x</script>\ncode\n```\n')
    expect(elements(html).map((element) => element.tagName)).toEqual([
      'figure',
      'figcaption',
      'pre',
      'code',
    ])
  })

  it('colours a line by what comes before it, even when the same line was seen elsewhere', () => {
    const outside = renderer.render('```ts\nconst x = 1\n```\n').html
    const inComment = renderer.render('```ts\n/*\nconst x = 1\n*/\n```\n').html
    const lineOf = (html: string) =>
      elements(html).filter((element) => attr(element, 'class') === 'line')
    const [plain] = lineOf(outside)
    const [, commented] = lineOf(inComment)
    const stylesOf = (line: Element | undefined) =>
      elements(
        `<span>${line?.childNodes.map((node) => ('tagName' in node ? `<span style="${attr(node, 'style')}"></span>` : '')).join('')}</span>`,
      ).map((element) => attr(element, 'style'))
    expect(new Set(stylesOf(commented).slice(1))).toEqual(
      new Set(['--shiki-light:#6a737d;--shiki-dark:#6a737d']),
    )
    expect(stylesOf(plain)).toContain('--shiki-light:#d73a49;--shiki-dark:#f97583')
  })

  it('gives the same HTML for the same block every time (the memo changes nothing)', () => {
    const source = '```json\n{ "a": [1, true, null] }\n```\n'
    const first = createMarkdownRenderer().render(source).html
    expect(renderer.render(source).html).toBe(first)
    expect(renderer.render(source).html).toBe(first)
  })

  it('highlights languages embedded in others, such as CSS and JavaScript in HTML', () => {
    const { html } = renderer.render(
      '```html\n<style>p { color: red }</style>\n<script>let a = 1</script>\n```\n',
    )
    const styled = elements(html).filter((element) => attr(element, 'style') !== undefined)
    expect(styled.map((element) => textOf(element))).toEqual(
      expect.arrayContaining(['let', 'color']),
    )
  })
})

describe('code blocks: plain ones', () => {
  it('shows a block without a language, or in plain text, plainly and without a label', () => {
    for (const fence of ['```', '```text', '```txt']) {
      const { html, changes } = renderer.render(`${fence}\na < b\n\`\`\`\n`)
      const tags = elements(html).map((element) => element.tagName)
      expect(tags).toEqual(['figure', 'pre', 'code'])
      expect(html).toContain('a &lt; b')
      expect(changes).toEqual([])
    }
  })

  it('shows a block in an unknown language plainly, labelled as written, with a warning at its name', () => {
    const { html, changes } = renderer.render('Text.\n\n> ```typescirpt\n> let a\n> ```\n')
    expect(elements(html).map((element) => element.tagName)).toContain('figcaption')
    expect(html).toContain('<figcaption class="code-block__language">typescirpt</figcaption>')
    expect(html).toContain('<code class="language-typescirpt">let a</code>')
    expect(changes).toEqual([
      expect.objectContaining({ code: 'CODE_LANGUAGE_UNKNOWN', line: 3, column: 6 }),
    ])
    expect(changes[0]?.hint).toContain('"typescript"')
  })

  it('renders indented code as a plain figure too', () => {
    expect(renderer.render('    indented\n').html).toBe(
      '<figure class="code-block"><pre tabindex="0"><code>indented</code></pre></figure>\n',
    )
  })

  it('renders code as markdown-it does when highlighting is off, with no warning', () => {
    const plain = createMarkdownRenderer({ highlight: false })
    const { html, changes } = plain.render('```nope\nx\n```\n')
    expect(html).toBe('<pre><code class="language-nope">x\n</code></pre>\n')
    expect(changes).toEqual([])
  })

  it('refuses a theme that does not exist', () => {
    expect(() =>
      createMarkdownRenderer({ highlight: { themes: { dark: 'no-such-theme' } } }),
    ).toThrow(/no code theme named "no-such-theme"/)
    expect(() => createMarkdownRenderer({ highlight: { themes: { dark: '../../etc' } } })).toThrow(
      TypeError,
    )
  })

  it('highlights with other themes when asked to', () => {
    const { html } = createMarkdownRenderer({
      highlight: { themes: { light: 'min-light', dark: 'dracula' } },
    }).render('```ts\nconst a = 1\n```\n')
    expect(html).toContain('--shiki-dark-bg:#282a36')
  })
})

describe('code blocks: determinism', () => {
  it('splits the first line of a language into its tokens however long the grammar takes to load (regression: a time limit per line cut it short on a busy machine)', () => {
    const { html } = createMarkdownRenderer().render('```rust\nlet wind: u32 = 2;\n```\n')
    const spans = elements(html).filter((element) => element.tagName === 'span')
    const texts = spans.filter((span) => attr(span, 'class') !== 'line').map(textOf)
    expect(texts).toEqual(expect.arrayContaining(['let', 'u32', '2']))
  })
})

describe('code blocks: plain, for a check', () => {
  const body = [
    '# Title',
    '',
    'Some words, and [a link](./other.md).',
    '',
    '```ts',
    'const answer: number = 42',
    '```',
    '',
    '```pyhton',
    'print(1)',
    '```',
    '',
    '<div onclick="x()">raw</div>',
    '',
  ].join('\n')

  it('finds the same notes, headings, words, excerpt and references as the highlighting renderer', () => {
    const { html: _highlighted, ...full } = createMarkdownRenderer().render(body)
    const { html, ...plain } = createPlainCodeRenderer().render(body)
    expect(plain).toEqual(full)
    expect(full.changes.map((change) => change.code)).toEqual([
      'CODE_LANGUAGE_UNKNOWN',
      'HTML_ATTRIBUTE_REMOVED',
    ])
    const found = elements(html)
    const captions = found.filter((element) => element.tagName === 'figcaption').map(textOf)
    expect(captions).toEqual(['TypeScript', 'pyhton'])
    expect(found.some((element) => element.tagName === 'span')).toBe(false)
  })

  it.each([
    ['a heading', body],
    ['raw HTML', '  <h1>Raw</h1>\n\nText.\n'],
    ['a list', '- one\n- two\n\n# Later\n'],
    ['nothing', ''],
  ])(
    'renders only the opening of a body that starts with %s, and finds the same',
    (_, markdown) => {
      const { html: plainHtml, ...plain } = createPlainCodeRenderer().render(markdown)
      const { html, ...opening } = createProblemsRenderer().render(markdown)
      expect(opening).toEqual(plain)
      expect(plainHtml.startsWith(html)).toBe(true)
      expect(html.trimStart().slice(0, 4)).toBe(plainHtml.trimStart().slice(0, 4))
    },
  )
})
