import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { readInPage } from '../test/browser.ts'
import {
  createHtmlPolicy,
  DEFAULT_HTML_POLICY,
  disallowedScheme,
  isAllowedAttribute,
  SRCSET_ATTRIBUTES,
  srcsetUrls,
  URL_ATTRIBUTES,
} from './html-policy.ts'
import { createMarkdownRenderer } from './markdown.ts'
import { type RawHtmlEnv, rawHtmlPlugin } from './markdown-raw-html.ts'
import type { RenderNote } from './render-notes.ts'

const renderer = createMarkdownRenderer({ headingIds: false })

/** Where and what each change is, without the words. */
const at = (changes: RenderNote[]) =>
  changes.map(({ code, line, column }) => ({ code, line, column }))

/** The 1-based line and column of `needle` in `source`, for expected positions. */
function find(source: string, needle: string) {
  const offset = source.indexOf(needle)
  if (offset === -1) throw new Error(`${needle} is not in the source`)
  const before = source.slice(0, offset)
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') }
}

describe('raw HTML: what is shown as text or removed, and the warning for it', () => {
  it('regression: a <textarea> in a sentence no longer swallows the rest of the article', () => {
    const { html, changes } = renderer.render(
      'Use a <textarea> when the answer runs to several lines.\n\n## Next\n\nMore *text*.\n',
    )
    expect(html).toBe(
      '<p>Use a &lt;textarea&gt; when the answer runs to several lines.</p>\n<h2>Next</h2>\n<p>More <em>text</em>.</p>\n',
    )
    expect(changes).toEqual([
      {
        code: 'HTML_TAG_ESCAPED',
        line: 1,
        column: 7,
        message:
          '"<textarea>" is shown as text, because articles may not contain forms; left as HTML, it would hide everything after it.',
        hint: 'Write `<textarea>` in backticks to show it as code, or remove it.',
      },
    ])
  })

  it('regression: a <title> in a sentence no longer turns the rest into literal source', () => {
    const reading = readInPage(renderer.render('A <title> tag.\n\nAfter *this*.\n').html)
    expect(reading.text).toBe('A <title> tag. After this.')
    expect(reading.elements.map((element) => element.tagName)).toEqual(['p', 'p', 'em'])
  })

  it('removes a closed <script> with its content and warns at its start tag', () => {
    const { html, changes } = renderer.render('Hi <script>alert(1)</script> there.\n')
    expect(html).toBe('<p>Hi  there.</p>\n')
    expect(at(changes)).toEqual([{ code: 'HTML_ELEMENT_REMOVED', line: 1, column: 4 }])
    expect(changes[0]?.message).toBe(
      'The <script> element was removed with everything inside it, because articles may not run scripts.',
    )
  })

  it('shows a tag that is not on the allow-list as text, closed or not, keeping its content', () => {
    const source = 'A <center>title</center> and <my-widget>.\n'
    const { html, changes } = renderer.render(source)
    expect(html).toBe('<p>A &lt;center&gt;title&lt;/center&gt; and &lt;my-widget&gt;.</p>\n')
    expect(at(changes)).toEqual(
      ['<center>', '</center>', '<my-widget>'].map((tag) => ({
        code: 'HTML_TAG_ESCAPED',
        ...find(source, tag),
      })),
    )
  })

  it('keeps Markdown around a removed element whole', () => {
    const { html } = renderer.render('*a <form> b* c </form> d\n')
    expect(html).toBe('<p><em>a </em> d</p>\n')
  })

  it('shows an end tag that closes nothing in its block as text, so it cannot close the page', () => {
    const source = '</div></main>\n\nText.\n\n<div>\n\nInside.\n\n> </div>\n'
    const { html, changes } = renderer.render(source)
    expect(readInPage(html).pageIntact).toBe(true)
    expect(html).toContain('<p>&lt;/div&gt;&lt;/main&gt;</p>')
    expect(html).toContain('<p>&lt;/div&gt;</p>')
    expect(at(changes)).toEqual([
      { code: 'HTML_TAG_ESCAPED', line: 1, column: 1 },
      { code: 'HTML_TAG_ESCAPED', line: 1, column: 7 },
      { code: 'HTML_ELEMENT_UNCLOSED', line: 5, column: 1 },
      { code: 'HTML_TAG_ESCAPED', line: 9, column: 3 },
    ])
    expect(changes[3]?.message).toBe(
      '"</div>" is shown as text, because no <div> is open before it in the same quote.',
    )
  })

  it('closes an unclosed link at the end of its paragraph, so it cannot take over the page', () => {
    const { html, changes } = renderer.render('See <a href="https://example.com/">this\n\nNext.\n')
    expect(html).toBe('<p>See <a href="https://example.com/">this</a></p>\n<p>Next.</p>\n')
    expect(readInPage(html).pageIntact).toBe(true)
    expect(changes).toEqual([
      {
        code: 'HTML_ELEMENT_UNCLOSED',
        line: 1,
        column: 5,
        message: 'The <a> element is never closed, so it was closed at the end of the paragraph.',
        hint: 'Add </a> where the element should end.',
      },
    ])
  })

  it('leaves an element to the end tag of the list item or quote that contains it', () => {
    expect(renderer.render('> <div>\n> foo\n\nbar\n')).toMatchObject({
      html: '<blockquote>\n<div>\nfoo\n</blockquote>\n<p>bar</p>\n',
      changes: [],
    })
    const { html, changes } = renderer.render('> <b>\n> foo\n\nbar\n')
    expect(html).toBe('<blockquote>\n<b>\nfoo\n</b>\n</blockquote>\n<p>bar</p>\n')
    expect(at(changes)).toEqual([{ code: 'HTML_ELEMENT_UNCLOSED', line: 1, column: 3 }])
  })

  it('shows an unended tag or comment as text, so it swallows nothing after it', () => {
    const { html, changes } = renderer.render('<div class="x"\n*hi*\n\n<!-- draft\n\nAfter.\n')
    expect(html).toBe(
      '<p>&lt;div class=&quot;x&quot;\n<em>hi</em></p>\n<p>&lt;!-- draft</p>\n<p>After.</p>\n',
    )
    expect(at(changes)).toEqual([
      { code: 'HTML_TAG_ESCAPED', line: 1, column: 1 },
      { code: 'HTML_TAG_ESCAPED', line: 4, column: 1 },
    ])
  })

  it('ends a comment where browsers do, so "--!>" cannot smuggle markup out of it', () => {
    const { html } = renderer.render('x <!-- a --!><script>alert(1)</script> -->\n')
    expect(html).toBe('<p>x <!-- a --!> --></p>\n')
  })

  it('removes event handlers, styles and unsafe URLs, warning at each attribute', () => {
    const source =
      '<b onclick="x()">b</b> <a href="&#106;avascript:alert(1)" title="t">a</a> <td style="text-align:center;color:red">c</td> <img src="java\tscript:x" srcset="a.png 1x, vbscript:x 2x" alt="i">\n'
    const { html, changes } = renderer.render(source)
    expect(html).toBe(
      '<p><b>b</b> <a title="t">a</a> <td style="text-align:center">c</td> <img alt="i" /></p>\n',
    )
    expect(at(changes)).toEqual([
      { code: 'HTML_ATTRIBUTE_REMOVED', ...find(source, 'onclick') },
      { code: 'HTML_URL_REMOVED', ...find(source, 'href') },
      { code: 'HTML_ATTRIBUTE_REMOVED', ...find(source, 'style') },
      { code: 'HTML_URL_REMOVED', ...find(source, 'src=') },
      { code: 'HTML_URL_REMOVED', ...find(source, 'srcset') },
    ])
    expect(changes.map((change) => change.message)).toEqual([
      'The attribute "onclick" was removed from <b>, because event handlers could run code.',
      'The URL "javascript:alert(1)" was removed from <a href>, because a javascript: URL could run code; only relative URLs and http, https, mailto, tel ones are.',
      'The style "color:red" was removed from <td>, because only text-align is allowed.',
      'The URL "java script:x" was removed from <img src>, because a javascript: URL could run code; only relative URLs and http, https, mailto, tel ones are.',
      'The URL "vbscript:x" was removed from <img srcset>, because a vbscript: URL could run code; only relative URLs and http, https, mailto, tel ones are.',
    ])
  })
})

describe('raw HTML: what is kept as the author wrote it', () => {
  it('keeps an article without raw HTML exactly as markdown-it renders it, with no changes', () => {
    const markdown =
      '# T\n\n- [x] done\n\nA [link](https://x.example) and `<b>`.[^1]\n\n[^1]: Note.\n'
    const plain = createMarkdownRenderer()
    const { html, changes } = plain.render(markdown)
    expect(html).toBe(plain.renderRaw(markdown))
    expect(changes).toEqual([])
  })

  it('keeps allowed elements that span Markdown blocks, such as <details>', () => {
    const { html, changes } = renderer.render(
      '<details open>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>\n\nPress <kbd>Ctrl</kbd>.\n',
    )
    expect(html).toBe(
      '<details open="">\n<summary>More</summary>\n<p>Hidden <em>text</em>.</p>\n</details>\n<p>Press <kbd>Ctrl</kbd>.</p>\n',
    )
    expect(changes).toEqual([])
  })

  it('closes elements whose end tag HTML lets authors leave out, without a warning', () => {
    const { html, changes } = renderer.render(
      '<ul>\n<li>one\n<li>two\n</ul>\n\n<table><tr><td>a<td>b</table>\n',
    )
    expect(html).toBe(
      '<ul>\n<li>one\n</li><li>two\n</li></ul>\n<table><tr><td>a</td><td>b</td></tr></table>\n',
    )
    expect(changes).toEqual([])
  })

  it('keeps comments and declarations, which browsers do not show', () => {
    expect(renderer.render('a <!-- note --> b <?php x ?>\n\n<!DOCTYPE html>\n').html).toBe(
      '<p>a <!-- note --> b <?php x ?></p>\n<!DOCTYPE html>\n',
    )
  })

  it('writes kept tags anew: lower case, attributes quoted and escaped', () => {
    expect(renderer.render('<DIV CLASS=note\n  title=\'a "b"\'>\nx\n</DIV>\n').html).toBe(
      '<div class="note" title="a &quot;b&quot;">\nx\n</div>\n',
    )
  })

  it('sanitises raw HTML in footnotes, inline footnotes, tables and task lists too', () => {
    // A task list's checkbox is a token of its own, so authored HTML beside it is still checked.
    const source =
      '- [ ] todo <b onclick="x">b</b>\n\n| a |\n|---|\n| <textarea> |\n\nText.[^1] ^[<script>x</script>inline]\n\n[^1]: <img src=x alt="" onerror="y">\n'
    const { html, changes } = renderer.render(source)
    expect(html).not.toMatch(/onclick|onerror|<script|<textarea/)
    expect(html).toContain('<li><input type="checkbox" disabled=""> todo <b>b</b></li>')
    expect(at(changes)).toEqual([
      { code: 'HTML_ATTRIBUTE_REMOVED', ...find(source, 'onclick') },
      { code: 'HTML_TAG_ESCAPED', ...find(source, '<textarea>') },
      { code: 'HTML_ELEMENT_REMOVED', ...find(source, '<script>') },
      { code: 'HTML_ATTRIBUTE_REMOVED', ...find(source, 'onerror') },
    ])
  })
})

/** Snippets that try to run code, hide the article or break out of it. */
const HOSTILE = [
  '<a href="https://evil.example/">',
  'Text <b>bold <i>both',
  '<div>\n\nMarkdown after an open div',
  '</div></main></body><p>after closing the page',
  '</article><footer>a fake footer',
  '<table><tr><td>a cell',
  '<ul><li>one<li>two',
  '<p>a paragraph <div>a block in it',
  'a <div> in a paragraph',
  '<details><summary>summary',
  '<!-- never closed',
  '<div class="x"',
  'ends with <',
  'ends with </',
  '<![CDATA[ x',
  '<?php echo',
  '<!DOCTYPE',
  ...['textarea', 'title', 'plaintext', 'xmp', 'noscript', 'iframe', 'style', 'script'].map(
    (name) => `<${name}>`,
  ),
  ...['template', 'svg', 'math', 'select', 'noembed', 'noframes', 'object'].map(
    (name) => `<${name}>`,
  ),
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<svg><style></style><a href="javascript:alert(1)">x</a></svg>',
  '<a href="javascript:alert(1)">x</a> <a href="&#106;avascript:alert(1)">y</a>',
  '<a href="java\tscript:alert(1)">x</a> <a href=" javascript:alert(1)">y</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&colon;alert(1)">x</a>',
  '<img src=x onerror=alert(1)> <img src=`x` onerror=alert(1)> <IMG SRC="jav&#x0A;ascript:alert(1)">',
  '<img src="x" srcset="javascript:alert(1) 1x"> <video poster="javascript:alert(1)"></video>',
  '<b onclick=alert(1)>x</b> <a href="x" onmouseover="alert(1)"/>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<!-- x --!><script>alert(1)</script>',
  '<!--><script>alert(1)</script>-->',
  '<script/src=x></script> <scr<script>ipt>alert(1)</script>',
  '<input type="text" onfocus="alert(1)" autofocus> <button>x</button>',
  '<base href="https://evil.example/"> <meta http-equiv="refresh" content="0">',
  '<link rel="stylesheet" href="https://evil.example/x.css"> <embed src="x.swf">',
  '[x](javascript:alert(1)) ![y](javascript:alert(2)) <javascript:alert(3)>',
  '*<b>emphasis* unclosed</b> `<b>` <b>x',
]

/** The same snippet where an article can hold it. */
const CONTEXTS: [string, (snippet: string) => string][] = [
  ['a block', (snippet) => snippet],
  ['a sentence', (snippet) => `A sentence ${snippet} goes on.`],
  ['a list item', (snippet) => `- ${snippet}\n- second item`],
  ['a quote', (snippet) => `> ${snippet}`],
  ['a heading', (snippet) => `## ${snippet}`],
  ['a table cell', (snippet) => `| head |\n| --- |\n| ${snippet.replace(/\|/g, '\\|')} |`],
  ['a footnote', (snippet) => `Claim.[^n]\n\n[^n]: ${snippet}`],
]

const isAllowedElement = (name: string) => DEFAULT_HTML_POLICY.elements.has(name)

describe.each(CONTEXTS)('raw HTML in %s', (_context, place) => {
  it.each(HOSTILE)('stays inside the article, hides nothing and runs nothing: %j', (snippet) => {
    const { html } = renderer.render(`Before.\n\n${place(snippet)}\n\nText after.\n`)
    const reading = readInPage(html)
    expect(reading.pageIntact, html).toBe(true)
    expect(reading.text, html).toContain('Text after.')
    for (const element of reading.elements) {
      expect(isAllowedElement(element.tagName), `<${element.tagName}> in ${html}`).toBe(true)
      for (const { name, value } of element.attrs) {
        expect(isAllowedAttribute(DEFAULT_HTML_POLICY, element.tagName, name), name).toBe(true)
        const urls = SRCSET_ATTRIBUTES.has(name)
          ? srcsetUrls(value)
          : URL_ATTRIBUTES.has(name)
            ? [value]
            : []
        for (const url of urls)
          expect(disallowedScheme(DEFAULT_HTML_POLICY, url), url).toBeUndefined()
      }
    }
  })
})

describe('an extended allow-list', () => {
  const policy = createHtmlPolicy({
    elements: {
      iframe: {
        attributes: ['src', 'width', 'height', 'allowfullscreen'],
        require: {
          src: {
            pattern: /^https:\/\/www\.youtube-nocookie\.com\/embed\//,
            description: 'a YouTube embed URL',
          },
        },
      },
    },
  })
  const md = new MarkdownIt('default', { html: true })
  rawHtmlPlugin(md, policy)
  const render = (markdown: string) => {
    const env: RawHtmlEnv = {}
    return { html: md.render(markdown, env), changes: env.htmlChanges ?? [] }
  }

  it('allows an iframe with the required URL, without its content', () => {
    const source =
      '<iframe src="https://www.youtube-nocookie.com/embed/x" width="560" onload="x()">fallback</iframe>\n'
    const { html, changes } = render(source)
    expect(html).toBe(
      '<iframe src="https://www.youtube-nocookie.com/embed/x" width="560"></iframe>\n',
    )
    expect(at(changes)).toEqual([{ code: 'HTML_ATTRIBUTE_REMOVED', ...find(source, 'onload') }])
  })

  it('still removes an iframe from anywhere else, and shows an unclosed one as text', () => {
    expect(render('<iframe src="https://evil.example/"></iframe>\n\nText.\n').html).toBe(
      '\n<p>Text.</p>\n',
    )
    expect(render('An <iframe src="https://www.youtube-nocookie.com/embed/x"> here.\n').html).toBe(
      '<p>An &lt;iframe src=&quot;https://www.youtube-nocookie.com/embed/x&quot;&gt; here.</p>\n',
    )
  })

  it('refuses what the sanitiser could not make safe, as a configuration mistake', () => {
    expect(() => createHtmlPolicy({ elements: { script: { attributes: [] } } })).toThrow(
      'cannot allow <script>',
    )
    expect(() => createHtmlPolicy({ elements: { iframe: { attributes: ['src'] } } })).toThrow(
      'required "src" pattern',
    )
    expect(() => createHtmlPolicy({ elements: { b: { attributes: ['onclick'] } } })).toThrow(
      'cannot allow the attribute "onclick"',
    )
  })
})

describe('raw HTML from a seeded generator of tag soup', () => {
  const PARTS = [
    ...['<', '>', '</', '/>', '<!--', '-->', '--!>', '<?', '<!', '"', "'", '=', ' ', '\n', '\n\n'],
    ...['> ', '- ', '1. ', '    ', '\t', '`', '*', '_', '[', ']', '(', ')', '|', '#', '\\', '&'],
    ...['&#106;', 'a', 'div', 'p', 'script', 'textarea', 'title', 'svg', 'td', 'li', 'href=', 'x'],
    ...['javascript:', 'onclick', '[^1]', '[^1]: ', '^[', '<div>', '</div>', '<textarea>', '<b>'],
    ...['</b>', '<a href="x">', '</a>', '<script>', '</script>', '<p>', '</p>', '<table>', '<td>'],
    ...['<tr>', '</table>', '<svg>', '</svg>', '<!-- c -->', '<img src=x onerror=y>', '<title>'],
    ...['<details>', '</details>', '<ul>', '<li>', '</ul>', '<pre>', '</pre>', '<select>', '<em>'],
    ...['<style>', '</style>', '<noscript>', '<iframe src=x>', '</iframe>', '<math>', '<template>'],
    ...['<plaintext>', '<xmp>', '<i>', '</em>', '<blockquote>', '</textarea>', '</title>'],
  ]
  let seed = 20_260_101
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff
    return seed / 0x7fffffff
  }
  const sources = Array.from({ length: 2000 }, () => {
    let source = ''
    for (let count = 1 + Math.floor(random() * 40); count > 0; count--) {
      source += PARTS[Math.floor(random() * PARTS.length)]
    }
    return `${source}\n\nText after.\n`
  })

  // Reading 2,000 pages takes about 2 s; the bound leaves room for a busy CI machine.
  it('never lets anything out of the article, hide the text after it or run code', {
    timeout: 30_000,
  }, () => {
    for (const source of sources) {
      const { html } = renderer.render(source)
      const reading = readInPage(html)
      expect(reading.pageIntact && reading.text.includes('Text after.'), source).toBe(true)
      const unsafe = reading.elements.find(
        (element) =>
          !isAllowedElement(element.tagName) ||
          element.attrs.some(
            ({ name, value }) => /^on/.test(name) || /^\s*javascript:/i.test(value),
          ),
      )
      expect(unsafe?.tagName, source).toBeUndefined()
    }
  })

  it('points every warning at the tag or attribute it is about', { timeout: 30_000 }, () => {
    for (const source of sources) {
      const lines = source.split('\n')
      for (const change of renderer.render(source).changes) {
        const character = lines[change.line - 1]?.charAt(change.column - 1)
        const attribute =
          change.code === 'HTML_ATTRIBUTE_REMOVED' || change.code === 'HTML_URL_REMOVED'
        expect(character, `${change.code} ${change.line}:${change.column} in ${source}`).toMatch(
          // An attribute's name may start with any character but a space, even "<".
          attribute ? /^\S$/ : /^<$/,
        )
      }
    }
  })
})
