import { describe, expect, it } from 'vitest'
import { escapeHtml, html, raw } from './html.ts'

describe('html', () => {
  it('escapes every interpolation by default', () => {
    const title = `<script>alert("x")</script> & 'y'`
    expect(html`<h1 title="${title}">${title}</h1>`.value).toBe(
      '<h1 title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</h1>',
    )
  })

  it('keeps markup from html and raw as it is, and joins arrays', () => {
    const items = ['a<', 'b'].map((item) => html`<li>${item}</li>`)
    expect(html`<ul>${items}</ul>${raw('<hr>')}`.value).toBe(
      '<ul><li>a&lt;</li><li>b</li></ul><hr>',
    )
  })

  it('renders null, undefined and false as nothing, and numbers as text', () => {
    expect(html`${null}${undefined}${false}${0}${true}`.value).toBe('0true')
  })

  it('does not treat an object that looks like SafeHtml as safe', () => {
    const forged = { value: '<script>' } as unknown as string
    expect(html`${forged}`.value).toBe('[object Object]')
  })
})

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;')
  })
})
