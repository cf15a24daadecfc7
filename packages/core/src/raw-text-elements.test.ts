import { describe, expect, it } from 'vitest'
import { readInPage } from '../test/browser.ts'
import { where } from '../test/support.ts'
import { parseArticle } from './parse.ts'

/**
 * The HTML standard's raw-text elements (script, style), escapable raw-text elements
 * (textarea, title), the obsolete ones that parse the same way (xmp, iframe, noembed,
 * noframes, noscript with scripting on, plaintext), and the elements that change how what
 * follows is parsed (template, svg, math, select).
 */
const ELEMENTS = [
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
  'template',
  'svg',
  'math',
  'select',
]

const FRONTMATTER = '---\ntitle: Forms\ndescription: Raw HTML in prose.\n---\n'
const AFTER = 'The text after it survives, with *emphasis*.'

function parse(body: string) {
  const { article, problems } = parseArticle(`${FRONTMATTER}\nIntro.\n\n${body}`, {
    file: 'forms.md',
  })
  if (article === undefined) throw new Error(JSON.stringify(problems))
  return { html: article.html, problems: problems.map(where), reading: readInPage(article.html) }
}

const warning = (code: string, line: number, column: number) => ({
  code,
  severity: 'warning',
  line,
  column,
  path: [],
})

// The body starts on line 5; "Intro." is line 6 and the case starts on line 8.
describe.each(ELEMENTS)('<%s> in an article', (name) => {
  it('in a sentence, unclosed, shows as text and hides nothing after it', () => {
    const { html, problems, reading } = parse(
      `Use a <${name}> when the answer is long, and read on.\n\n${AFTER}\n`,
    )
    expect(reading.text).toContain(`Use a <${name}> when the answer is long, and read on.`)
    expect(reading.text).toContain('The text after it survives, with emphasis.')
    expect(html).toContain('<em>emphasis</em>')
    expect(reading.pageIntact).toBe(true)
    expect(problems).toEqual([warning('HTML_TAG_ESCAPED', 8, 7)])
  })

  it('in a sentence, closed, is removed with its content and hides nothing after it', () => {
    const { problems, reading } = parse(`Use <${name}>inside</${name}> and read on.\n\n${AFTER}\n`)
    expect(reading.text).toContain('Use and read on.')
    expect(reading.text).not.toContain('inside')
    expect(reading.text).toContain('The text after it survives, with emphasis.')
    expect(reading.pageIntact).toBe(true)
    expect(problems).toEqual([warning('HTML_ELEMENT_REMOVED', 8, 5)])
  })

  it('as a block, unclosed, shows as text and leaves what follows Markdown', () => {
    const { html, problems, reading } = parse(`<${name}>\n\n${AFTER}\n\nLast line.\n`)
    expect(reading.text).toContain(`<${name}>`)
    expect(reading.text).toContain('The text after it survives, with emphasis. Last line.')
    expect(html).toContain('<p>The text after it survives, with <em>emphasis</em>.</p>')
    expect(reading.pageIntact).toBe(true)
    expect(problems).toEqual([warning('HTML_TAG_ESCAPED', 8, 1)])
  })

  it('as a block, closed, is removed with its content and leaves what follows Markdown', () => {
    const { html, problems, reading } = parse(`<${name}>\ninside\n</${name}>\n\n${AFTER}\n`)
    expect(reading.text).not.toContain('inside')
    expect(html).toContain('<p>The text after it survives, with <em>emphasis</em>.</p>')
    expect(reading.pageIntact).toBe(true)
    expect(problems).toEqual([warning('HTML_ELEMENT_REMOVED', 8, 1)])
  })

  it('indented in a list inside a quote, is reported at its own line and column', () => {
    const { problems, reading } = parse(`> - first\n>   - a <${name}> here\n\n${AFTER}\n`)
    expect(reading.text).toContain(`a <${name}> here`)
    expect(reading.text).toContain('The text after it survives')
    expect(problems).toEqual([warning('HTML_TAG_ESCAPED', 9, 9)])
  })
})
