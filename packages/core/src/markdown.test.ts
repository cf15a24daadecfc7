import MarkdownIt, { type PluginSimple } from 'markdown-it'
import footnotePlugin from 'markdown-it-footnote'
import { describe, expect, it } from 'vitest'
import { createMarkdownRenderer, truncateAtWord } from './markdown.ts'
import { sanitizeHtml } from './sanitize.ts'

const renderer = createMarkdownRenderer()

/** The ids on heading elements in rendered HTML, in document order. */
function headingIdsIn(html: string): string[] {
  return [...html.matchAll(/<h[1-6] id="([^"]*)">/g)].map((match) => match[1] as string)
}

describe('createMarkdownRenderer: headings', () => {
  it('gives repeated headings unique ids that match the ids in the HTML', () => {
    const { headings, html } = renderer.render(
      '# Intro\n\nText.\n\n## Intro\n\n### Intro\n\n## What’s *new*? `code`\n\n## !!!\n\n## ???\n',
    )
    expect(headings).toEqual([
      { depth: 1, text: 'Intro', id: 'intro' },
      { depth: 2, text: 'Intro', id: 'intro-1' },
      { depth: 3, text: 'Intro', id: 'intro-2' },
      { depth: 2, text: 'What’s new? code', id: 'whats-new-code' },
      { depth: 2, text: '!!!', id: 'section' },
      { depth: 2, text: '???', id: 'section-1' },
    ])
    expect(headingIdsIn(html)).toEqual(headings.map((heading) => heading.id))
  })

  it('keeps heading ids when raw HTML makes the output go through the sanitiser', () => {
    const { headings, html } = renderer.render('# Intro\n\n<b>bold</b>\n\n# Intro\n')
    expect(headingIdsIn(html)).toEqual(['intro', 'intro-1'])
    expect(headings.map((heading) => heading.id)).toEqual(['intro', 'intro-1'])
  })

  it('leaves ids out when asked to', () => {
    const plain = createMarkdownRenderer({ headingIds: false })
    expect(plain.render('# Intro\n').html).toBe('<h1>Intro</h1>\n')
  })
})

describe('createMarkdownRenderer: excerpt and reading time', () => {
  it('makes the excerpt from plain text of the opening paragraphs, without markup', () => {
    const { excerpt } = renderer.render(
      '# Title\n\nThe **first** paragraph has a [link](https://example.com) and `code` &amp; <em>html</em>.\n\n- a list item\n\nSecond paragraph.\n',
    )
    expect(excerpt).toBe('The first paragraph has a link and code & html. Second paragraph.')
  })

  it('cuts a long excerpt at a word boundary with an ellipsis', () => {
    const words = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu'
    const { excerpt } = createMarkdownRenderer({ excerptLength: 30 }).render(`${words}\n`)
    expect(excerpt).toBe('alpha beta gamma delta…')
    expect(excerpt.length).toBeLessThanOrEqual(30)
    expect(words.startsWith(excerpt.slice(0, -1))).toBe(true)
  })

  it('uses list text for the excerpt only when there is no top-level paragraph', () => {
    expect(renderer.render('- one\n- two\n').excerpt).toBe('one two')
  })

  it('leaves footnotes out of the excerpt', () => {
    expect(renderer.render('Short.[^1]\n\n[^1]: A note.\n').excerpt).toBe('Short.')
  })

  it('counts words separated by any kind of space', () => {
    expect(renderer.render('one\u00a0two three\u3000four\u2003five\n').words).toBe(5)
  })

  it('counts prose words but not code blocks', () => {
    const { words } = renderer.render(
      '# Two words\n\nOne two three `four`.\n\n```js\nconst a = 1; const b = 2\n```\n\n    indented code here\n',
    )
    expect(words).toBe(6)
  })
})

describe('truncateAtWord', () => {
  it('keeps a text that fits', () => {
    expect(truncateAtWord('short text', 20)).toBe('short text')
  })

  it('keeps the last word when the cut falls right after it', () => {
    expect(truncateAtWord('one two three', 8)).toBe('one two…')
  })

  it('drops trailing punctuation before the ellipsis', () => {
    expect(truncateAtWord('first, second, third', 16)).toBe('first, second…')
  })

  it('never splits an emoji in half', () => {
    const cut = truncateAtWord('a😀😀😀😀😀😀😀😀😀', 5)
    expect(cut).toBe('a😀…')
  })
})

describe('createMarkdownRenderer: GitHub Flavored Markdown', () => {
  it('renders tables with alignment', () => {
    const { html } = renderer.render('| a | b |\n|:--|--:|\n| 1 | 2 |\n')
    expect(html).toContain('<table>')
    expect(html).toContain('<th style="text-align:left">a</th>')
    expect(html).toContain('<td style="text-align:right">2</td>')
  })

  it('renders strikethrough as <del>', () => {
    expect(renderer.render('~~old~~ new\n').html).toBe('<p><del>old</del> new</p>\n')
  })

  it('links bare URLs and addresses (autolinks)', () => {
    const { html } = renderer.render('See https://example.com/a?b=1 or www.example.org.\n')
    expect(html).toContain('<a href="https://example.com/a?b=1">https://example.com/a?b=1</a>')
    expect(html).toContain('<a href="http://www.example.org">www.example.org</a>')
  })

  it('renders task lists as disabled checkboxes', () => {
    const { html } = renderer.render('- [ ] todo\n- [x] done\n')
    expect(html).toContain('<ul class="contains-task-list">')
    expect(html).toContain(
      '<label><input class="task-list-item-checkbox" disabled="" type="checkbox"> todo</label>',
    )
    expect(html).toContain(
      '<input class="task-list-item-checkbox" checked="" disabled="" type="checkbox"> done',
    )
  })

  it('renders footnotes with links both ways', () => {
    const { html } = renderer.render('Claim.[^source]\n\n[^source]: The source.\n')
    expect(html).toContain('<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>')
    expect(html).toContain('<li id="fn1" class="footnote-item"><p>The source.')
    expect(html).toContain('href="#fnref1"')
  })

  it('renders task lists and footnotes the same whether or not the article has raw HTML', () => {
    const withHtml = renderer.render('- [x] done\n\nClaim.[^1] <b>raw</b>\n\n[^1]: Note.\n').html
    const without = renderer.render('- [x] done\n\nClaim.[^1] raw\n\n[^1]: Note.\n').html
    expect(withHtml).toBe(without.replace(' raw', ' <b>raw</b>'))
    expect(withHtml).toContain(
      '<label><input class="task-list-item-checkbox" checked="" disabled="" type="checkbox"> done</label>',
    )
    expect(withHtml).toContain('<section class="footnotes">')
  })
})

describe('createMarkdownRenderer: sanitising', () => {
  it('still sanitises raw HTML in an article that has a task list', () => {
    const { html } = renderer.render('- [ ] todo\n\n<img src=x onerror="alert(1)">\n')
    expect(html).not.toContain('onerror')
  })

  it('removes <script> elements with their content', () => {
    const { html } = renderer.render(
      'Hi <script>alert(1)</script> there\n\n<script>\nalert(2)\n</script>\n',
    )
    expect(html).not.toMatch(/script|alert/)
    expect(html).toContain('Hi')
  })

  it('removes on* event handler attributes', () => {
    const { html } = renderer.render(
      '<img src="a.png" onerror="alert(1)" alt="a"> <b onclick="x()">b</b>\n',
    )
    expect(html).not.toMatch(/onerror|onclick|alert/)
    expect(html).toContain('<img src="a.png" alt="a" />')
    expect(html).toContain('<b>b</b>')
  })

  it('removes javascript: URLs from raw HTML and from Markdown links', () => {
    const { html } = renderer.render(
      '<a href="javascript:alert(1)">raw</a> <a href=" JaVaScRiPt:alert(2)">spaced</a>\n\n[md](javascript:alert(3)) <javascript:alert(4)>\n',
    )
    // Markdown leaves the unsafe links as plain text; no element keeps a javascript: URL.
    expect(html).not.toMatch(/href=|src=/)
    expect(html).toContain('<a>raw</a> <a>spaced</a>')
    expect(html).toContain('[md](javascript:alert(3))')
  })

  it('removes iframes, styles and forms', () => {
    const { html } = renderer.render(
      '<iframe src="https://evil.example"></iframe>\n\n<style>body{}</style>\n\n<form><input type="text"></form>\n\ntext\n',
    )
    expect(html.trim()).toBe('<p>text</p>')
  })

  it('exports the sanitiser for HTML from other sources', () => {
    const html = sanitizeHtml(
      '<p onclick="x()">a<script>b()</script><a href="javascript:c()">d</a><a href="https://e.example" target="_blank">e</a></p>',
    )
    expect(html).toBe('<p>a<a>d</a><a href="https://e.example" target="_blank">e</a></p>')
  })

  it('keeps harmless HTML such as <details> and <kbd>', () => {
    const { html } = renderer.render(
      '<details><summary>More</summary>\n\nHidden\n\n</details>\n\nPress <kbd>Ctrl</kbd>\n',
    )
    expect(html).toContain('<details><summary>More</summary>')
    expect(html).toContain('<kbd>Ctrl</kbd>')
  })
})

describe('footnotes at scale', () => {
  const manyFootnotes = (count: number) =>
    Array.from(
      { length: count },
      (_, index) => `Text[^n${index}].\n\n[^n${index}]: Note ${index}.\n`,
    ).join('\n')

  it('renders 20,000 footnotes in linear time (regression: markdown-it-footnote copied every token once per footnote, so 13,000 took 10 s)', () => {
    const renderer = createMarkdownRenderer()
    // CPU time, not wall time: a loaded machine stretches the one, not the other.
    const started = process.cpuUsage()
    const { html } = renderer.render(manyFootnotes(20_000))
    const { user, system } = process.cpuUsage(started)
    expect(html.match(/<li id="fn\d+" class="footnote-item">/g)).toHaveLength(20_000)
    // About 0.3 s of CPU; it took over 20 s before.
    expect((user + system) / 1000).toBeLessThan(8_000)
  })

  it('renders footnotes exactly as markdown-it-footnote does', () => {
    const source = `${manyFootnotes(3)}\nA repeat[^n1] and an inline one^[Inline *note*].\n`
    const plain = new MarkdownIt('default', { html: true, linkify: true }).use(
      footnotePlugin as unknown as PluginSimple,
    )
    expect(createMarkdownRenderer({ headingIds: false }).renderRaw(source)).toBe(
      plain.render(source),
    )
  })
})
