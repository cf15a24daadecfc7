import MarkdownIt, { type PluginSimple } from 'markdown-it'
import footnotePlugin from 'markdown-it-footnote'
import { describe, expect, it } from 'vitest'
import { footnotesPlugin } from './footnotes.ts'
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
  it('aligns table cells with align, as GitHub does', () => {
    const { html } = renderer.render('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n')
    expect(html).toContain('<th align="left">a</th>')
    expect(html).toContain('<th align="center">b</th>')
    expect(html).toContain('<td align="right">3</td>')
    expect(html).not.toContain('style=')
  })

  it('strikes with one or two tildes, and leaves three as text', () => {
    expect(renderer.render('~~old~~ and ~gone~ but ~~~not~~~\n').html).toBe(
      '<p><del>old</del> and <del>gone</del> but ~~~not~~~</p>\n',
    )
    expect(renderer.render('~one~~\n\n~~two~\n').html).toBe('<p>~one~~</p>\n<p>~~two~</p>\n')
  })

  it('links http(s) URLs, www. addresses and e-mail addresses, and nothing else', () => {
    const { html } = renderer.render(
      'See https://example.com/a?b=1, www.example.org. or me@example.com.\n\nFiles: index.ts, example.com, ftp://x.org, README.md\n',
    )
    expect(html).toBe(
      '<p>See <a href="https://example.com/a?b=1">https://example.com/a?b=1</a>, <a href="http://www.example.org">www.example.org</a>. or <a href="mailto:me@example.com">me@example.com</a>.</p>\n<p>Files: index.ts, example.com, ftp://x.org, README.md</p>\n',
    )
  })

  it('strikes a struck URL without taking the tildes into its link (regression: linkify swallowed "~~")', () => {
    expect(renderer.render('~~https://example.com~~ and ~www.example.com~\n').html).toBe(
      '<p><del><a href="https://example.com">https://example.com</a></del> and <del><a href="http://www.example.com">www.example.com</a></del></p>\n',
    )
  })

  it('keeps balanced parentheses in a URL and leaves an unbalanced one out', () => {
    const { html } = renderer.render(
      '(see https://en.wikipedia.org/wiki/Pi_(letter)) and www.example.com/a_(b)c.\n',
    )
    expect(html).toContain('<a href="https://en.wikipedia.org/wiki/Pi_(letter)">')
    expect(html).toContain('</a>) and')
    expect(html).toContain('<a href="http://www.example.com/a_(b)c">www.example.com/a_(b)c</a>.')
  })

  it('does not link inside links, code or raw <a> elements', () => {
    const { html } = renderer.render(
      '[www.a.com](https://b.com) `www.c.com` <a href="https://d.com">www.e.com</a>\n',
    )
    expect(html.match(/<a /g)).toHaveLength(2)
    expect(html).toContain('<code>www.c.com</code>')
  })

  it('renders task lists as disabled checkboxes, as the GFM spec does', () => {
    expect(renderer.render('- [ ] todo\n- [x] done\n- [y] not a task\n').html).toBe(
      '<ul>\n<li><input type="checkbox" disabled=""> todo</li>\n<li><input type="checkbox" checked="" disabled=""> done</li>\n<li>[y] not a task</li>\n</ul>\n',
    )
  })

  it('renders footnotes in GitHub’s shape, with labelled back-links', () => {
    const { html } = renderer.render('Claim.[^source] Again.[^source]\n\n[^source]: The source.\n')
    expect(html).toContain(
      '<sup><a href="#user-content-fn-1" id="user-content-fnref-1" aria-describedby="footnote-label">1</a></sup>',
    )
    expect(html).toContain('id="user-content-fnref-1-2"')
    expect(html).toContain(
      '<section class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2>',
    )
    expect(html).toContain('<li id="user-content-fn-1">')
    expect(html).toContain(
      '<a href="#user-content-fnref-1" aria-label="Back to reference 1" class="data-footnote-backref">↩</a>',
    )
    expect(html).toContain(
      '<a href="#user-content-fnref-1-2" aria-label="Back to reference 1-2" class="data-footnote-backref">↩<sup>2</sup></a>',
    )
  })

  it('never gives a heading an id that a footnote uses', () => {
    const { html, headings } = renderer.render(
      '## User content fn 1\n\n## Footnote label\n\nText.[^1]\n\n[^1]: Note.\n',
    )
    expect(headings.map((heading) => heading.id)).toEqual([
      'user-content-fn-1-1',
      'footnote-label-1',
    ])
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1])
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('renders GitHub alerts with their title, and leaves other quotes as quotes', () => {
    const { html } = renderer.render(
      '> [!NOTE]\n> Useful *information*.\n\n> [!warning]\n> Careful.\n\n> [!NOTE] on one line\n\n> Just a quote.\n',
    )
    expect(html).toBe(
      [
        '<div class="markdown-alert markdown-alert-note">',
        '<p class="markdown-alert-title">Note</p>',
        '<p>Useful <em>information</em>.</p>',
        '</div>',
        '<div class="markdown-alert markdown-alert-warning">',
        '<p class="markdown-alert-title">Warning</p>',
        '<p>Careful.</p>',
        '</div>',
        '<blockquote>',
        '<p>[!NOTE] on one line</p>',
        '</blockquote>',
        '<blockquote>',
        '<p>Just a quote.</p>',
        '</blockquote>',
        '',
      ].join('\n'),
    )
  })

  it('renders every alert kind GitHub has', () => {
    for (const [kind, title] of [
      ['NOTE', 'Note'],
      ['TIP', 'Tip'],
      ['IMPORTANT', 'Important'],
      ['WARNING', 'Warning'],
      ['CAUTION', 'Caution'],
    ] as const) {
      const { html } = renderer.render(`> [!${kind}]\n> Text.\n`)
      expect(html).toContain(`<div class="markdown-alert markdown-alert-${kind.toLowerCase()}">`)
      expect(html).toContain(`<p class="markdown-alert-title">${title}</p>`)
    }
  })

  it('renders task lists and footnotes the same whether or not the article has raw HTML', () => {
    const withHtml = renderer.render('- [x] done\n\nClaim.[^1] <b>raw</b>\n\n[^1]: Note.\n').html
    const without = renderer.render('- [x] done\n\nClaim.[^1] raw\n\n[^1]: Note.\n').html
    expect(withHtml).toBe(without.replace(' raw', ' <b>raw</b>'))
    expect(withHtml).toContain('<li><input type="checkbox" checked="" disabled=""> done</li>')
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
    expect(html.match(/<li id="user-content-fn-\d+">/g)).toHaveLength(20_000)
    // About 0.3 s of CPU; it took over 20 s before.
    expect((user + system) / 1000).toBeLessThan(8_000)
  })

  it('parses footnotes exactly as markdown-it-footnote does', () => {
    const source = `${manyFootnotes(3)}\nA repeat[^n1] and an inline one^[Inline *note*].\n`
    const plain = new MarkdownIt('default', { html: true }).use(
      footnotePlugin as unknown as PluginSimple,
    )
    const types = (tokens: { type: string; children: { type: string }[] | null }[]) =>
      tokens.flatMap((token) => [token.type, ...(token.children ?? []).map((child) => child.type)])
    const ours = new MarkdownIt('default', { html: true }).use(footnotesPlugin)
    expect(types(ours.parse(source, {}))).toEqual(types(plain.parse(source, {})))
  })
})
