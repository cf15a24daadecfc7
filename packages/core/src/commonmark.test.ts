import { type SpecExample, tests } from 'commonmark-spec'
import { describe, expect, it } from 'vitest'
import { normalizeHtml } from '../test/normalize-html.ts'
import type { HtmlChangeCode } from './html-changes.ts'
import { createMarkdownRenderer } from './markdown.ts'

/** The spec shows tabs as →. */
const withTabs = (text: string) => text.replace(/→/g, '\t')

/** Why a published example differs from the spec, and the warnings that say so. */
const REASONS = {
  autolink: {
    why: 'GFM links bare URLs and e-mail addresses, on purpose (the raw render differs too)',
    codes: [],
  },
  removed: {
    why: 'a <script>, <style> or <textarea> is removed with its content, since it could run code or is a form',
    codes: ['HTML_ELEMENT_REMOVED'],
  },
  hides: {
    why: 'an unclosed <style> is shown as text, since as HTML it would hide the rest of the article',
    codes: ['HTML_TAG_ESCAPED'],
  },
  unended: {
    why: 'a tag that never ends with ">" is shown as text, since it would swallow the page markup after it',
    codes: ['HTML_TAG_ESCAPED'],
  },
  stray: {
    why: 'an end tag that closes nothing opened before it in its block is shown as text, since it would close the page’s own elements',
    codes: ['HTML_TAG_ESCAPED'],
  },
  unclosed: {
    why: 'an element left open is closed at the end of its paragraph or of the article, since it would spread into the page after the article (an <a> turns the rest of the page into a link)',
    codes: ['HTML_ELEMENT_UNCLOSED'],
  },
  notAllowed: {
    why: 'an element that is not on the allow-list (a made-up name such as <bab>) is shown as the text it is, since a name in prose must not disappear',
    codes: ['HTML_TAG_ESCAPED'],
  },
  attribute: {
    why: 'attributes that are not on the allow-list are removed, since only known attributes can be checked',
    codes: ['HTML_ATTRIBUTE_REMOVED'],
  },
} satisfies Record<string, { why: string; codes: HtmlChangeCode[] }>

type Reason = keyof typeof REASONS

/** Every example whose published HTML differs from the spec, with all its reasons. */
const PUBLISHED_DIFFERENCES: Record<number, Reason[]> = {
  21: ['unclosed'],
  31: ['unclosed'],
  148: ['stray', 'unclosed'],
  150: ['notAllowed', 'unclosed'],
  151: ['stray'],
  155: ['unclosed'],
  156: ['unended'],
  157: ['unended'],
  158: ['unended'],
  163: ['notAllowed'],
  165: ['stray'],
  169: ['attribute'],
  170: ['removed'],
  171: ['removed'],
  172: ['removed'],
  173: ['hides'],
  176: ['removed'],
  178: ['removed'],
  184: ['unclosed'],
  187: ['unclosed'],
  201: ['notAllowed'],
  344: ['unclosed'],
  476: ['unclosed'],
  477: ['unclosed'],
  491: ['notAllowed'],
  494: ['unclosed'],
  524: ['notAllowed'],
  536: ['notAllowed'],
  608: ['autolink'],
  611: ['autolink'],
  612: ['autolink'],
  613: ['unclosed', 'notAllowed'],
  614: ['unclosed', 'notAllowed'],
  615: ['unclosed', 'notAllowed'],
  616: ['unclosed', 'attribute'],
  617: ['notAllowed'],
  623: ['stray', 'notAllowed'],
  630: ['unclosed'],
  631: ['unclosed'],
  642: ['unclosed'],
  643: ['unclosed'],
}

const percent = (count: number) => `${((100 * count) / tests.length).toFixed(1)}%`

describe('CommonMark spec (commonmark-spec), raw and as published', () => {
  const renderer = createMarkdownRenderer({ headingIds: false, highlight: false })
  const results = tests.map((example: SpecExample) => {
    const markdown = withTabs(example.markdown)
    const expected = normalizeHtml(withTabs(example.html))
    const published = renderer.render(markdown)
    return {
      example,
      raw: normalizeHtml(renderer.renderRaw(markdown)) === expected,
      published: normalizeHtml(published.html) === expected,
      // A missing text alternative is advice about the source; it changes nothing published.
      codes: new Set(
        published.changes
          .map((change) => change.code)
          .filter((code) => code !== 'IMAGE_ALT_MISSING'),
      ),
    }
  })
  const failing = (key: 'raw' | 'published') =>
    results.filter((result) => !result[key]).map((result) => result.example.number)
  const raw = tests.length - failing('raw').length
  const published = tests.length - failing('published').length
  console.log(
    `CommonMark spec: raw ${raw}/${tests.length} (${percent(raw)}); published ${published}/${tests.length} (${percent(published)}), after sanitising`,
  )
  const byReason = Object.entries(REASONS).map(([reason, { why }]) => {
    const numbers = Object.entries(PUBLISHED_DIFFERENCES)
      .filter(([, reasons]) => reasons.includes(reason as Reason))
      .map(([number]) => number)
    return `  ${why}: ${numbers.join(', ')}`
  })
  console.log(`Published differences from the spec, by reason:\n${byReason.join('\n')}`)

  it('has the whole suite to run', () => {
    expect(tests.length).toBeGreaterThan(600)
  })

  it('renders raw all but the examples where GFM autolinks differ from the core spec by design', () => {
    expect(failing('raw')).toEqual([608, 611, 612])
  })

  it('publishes every example as the spec says, except the listed ones', () => {
    expect(failing('published')).toEqual(Object.keys(PUBLISHED_DIFFERENCES).map(Number))
    expect(published).toBeGreaterThanOrEqual(611)
  })

  it('warns about exactly the reasons listed for each example that differs', () => {
    for (const result of results) {
      const reasons = PUBLISHED_DIFFERENCES[result.example.number] ?? []
      const expected = new Set<string>(reasons.flatMap((reason) => REASONS[reason].codes))
      expect([...result.codes].sort(), `example ${result.example.number}`).toEqual(
        [...expected].sort(),
      )
    }
  })
})

describe('normalizeHtml', () => {
  it('ignores what the spec runner ignores', () => {
    expect(normalizeHtml('<p>a<br />\nb</p>\n')).toBe(normalizeHtml('<p>a<br>b</p>'))
    expect(normalizeHtml('<DIV CLASS="x"\n  id=\'y\'>\n</div>')).toBe(
      '<div class="x" id="y"></div>',
    )
    expect(normalizeHtml('<p>&ouml; &#x41; &amp; &lt;</p>')).toBe('<p>ö A &amp; &lt;</p>')
  })

  it('keeps what tells renders apart, so a wrong render still fails', () => {
    expect(normalizeHtml('<p><em>a</em></p>')).not.toBe(normalizeHtml('<p><strong>a</strong></p>'))
    expect(normalizeHtml('<i>a  b</i> ')).toBe('<i>a b</i> ')
    expect(normalizeHtml('<p>a</p>')).not.toBe(normalizeHtml('<p>a</p><p></p>'))
    expect(normalizeHtml('<a href="x">')).not.toBe(normalizeHtml('<a href="x"></a>'))
    expect(normalizeHtml('<p>&lt;b&gt;</p>')).not.toBe(normalizeHtml('<p><b></p>'))
  })
})
