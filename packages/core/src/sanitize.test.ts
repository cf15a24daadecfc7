import { describe, expect, it } from 'vitest'
import { sanitizeHtml } from './sanitize.ts'

describe('sanitizeHtml', () => {
  it('removes scripts, handlers and javascript: URLs', () => {
    expect(
      sanitizeHtml('<p onclick="x()">a<script>alert(1)</script><a href="javascript:x()">b</a></p>'),
    ).toBe('<p>a<a>b</a></p>')
  })

  it('rewrites attributes in the same pass when asked', () => {
    const html = sanitizeHtml('<a href="b/">x</a><img src="/c.png" alt="C">', {
      rewriteAttribute: (tag, name, value) =>
        name === 'href' || (tag === 'img' && name === 'src')
          ? new URL(value, 'https://example.com/a/').href
          : value,
    })
    expect(html).toBe(
      '<a href="https://example.com/a/b/">x</a><img src="https://example.com/c.png" alt="C" />',
    )
  })

  it('drops an attribute the rewrite returns undefined for', () => {
    const html = sanitizeHtml('<a href="x" title="t">x</a>', {
      rewriteAttribute: (_tag, name, value) => (name === 'href' ? undefined : value),
    })
    expect(html).toBe('<a title="t">x</a>')
  })

  it('checks the rewritten value, so a rewrite cannot smuggle in a javascript: URL', () => {
    const html = sanitizeHtml('<a href="https://example.com/">x</a>', {
      rewriteAttribute: () => 'javascript:alert(1)',
    })
    expect(html).toBe('<a>x</a>')
  })

  it('passes lower-case attribute names to the rewrite', () => {
    const names: string[] = []
    sanitizeHtml('<A HREF="x" Title="t">x</A>', {
      rewriteAttribute: (_tag, name, value) => {
        names.push(name)
        return value
      },
    })
    expect(names).toEqual(['href', 'title'])
  })
})
