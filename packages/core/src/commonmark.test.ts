import { tests } from 'commonmark-spec'
import { describe, expect, it } from 'vitest'
import { createMarkdownRenderer } from './markdown.ts'

const BLOCK_TAGS =
  'address|article|aside|blockquote|body|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|head|header|hr|html|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|title|tr|ul'

/**
 * The normalisation of the CommonMark spec runner (`test/normalize.py`), reduced to what
 * tells renderers apart: `<br>` and `<br />` are the same, and whitespace next to a block
 * tag does not count.
 */
function normalize(html: string): string {
  return html
    .replace(/\s*\/>/g, '>')
    .replace(new RegExp(`\\s*(</?(?:${BLOCK_TAGS})(?:\\s[^>]*)?>)\\s*`, 'g'), '$1')
    .trim()
}

/** The spec shows tabs as →. */
const withTabs = (text: string) => text.replace(/→/g, '\t')

/**
 * Examples that GitHub Flavored Markdown renders differently on purpose: GFM's extended
 * autolinks turn bare URLs and e-mail addresses into links, which the core spec does not.
 */
const GFM_AUTOLINK_EXAMPLES = new Set([602, 608, 611, 612])

describe('CommonMark spec (commonmark-spec)', () => {
  const renderer = createMarkdownRenderer({ headingIds: false })
  const results = tests.map((example) => ({
    example,
    passed:
      normalize(renderer.renderRaw(withTabs(example.markdown))) ===
      normalize(withTabs(example.html)),
  }))
  const passed = results.filter((result) => result.passed).length
  const failed = results.filter((result) => !result.passed).map((result) => result.example.number)
  console.log(
    `CommonMark spec: ${passed}/${tests.length} passed (${((100 * passed) / tests.length).toFixed(1)}%)${failed.length ? `; failing: ${failed.join(', ')}` : ''}`,
  )

  it('has the whole suite to run', () => {
    expect(tests.length).toBeGreaterThan(600)
  })

  it('passes at least 99% of the examples', () => {
    expect(passed / tests.length).toBeGreaterThanOrEqual(0.99)
  })

  it('fails only where GFM autolinks differ from the core spec by design', () => {
    expect(failed.filter((number) => !GFM_AUTOLINK_EXAMPLES.has(number))).toEqual([])
  })

  it('normalises only whitespace and self-closing tags, so a wrong render still fails', () => {
    expect(normalize('<p>a<br />\nb</p>\n')).toBe(normalize('<p>a<br>\nb</p>'))
    expect(normalize('<p><em>a</em></p>')).not.toBe(normalize('<p><strong>a</strong></p>'))
    expect(normalize('<p>a b</p>')).not.toBe(normalize('<p>a  b</p>'))
  })
})
