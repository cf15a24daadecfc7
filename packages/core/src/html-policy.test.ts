import { describe, expect, it } from 'vitest'
import { DEFAULT_HTML_POLICY, disallowedScheme, filterStyle, srcsetUrls } from './html-policy.ts'
import { sanitizeHtml } from './sanitize.ts'

describe('disallowedScheme', () => {
  it('reads a URL as a browser does, whatever hides its scheme', () => {
    for (const url of ['javascript:x', ' JavaScript:x', '\u0001java\tscr\nipt:x', 'vbscript:x']) {
      expect(disallowedScheme(DEFAULT_HTML_POLICY, url), url).toMatch(/^(javascript|vbscript)$/)
    }
    expect(disallowedScheme(DEFAULT_HTML_POLICY, 'data:text/html,x')).toBe('data')
  })

  it('allows relative URLs and the allowed schemes', () => {
    for (const url of [
      '/a',
      'a/b:c',
      '#x',
      '?q=javascript:x',
      '//cdn.example/a',
      'mailto:a@b.co',
    ]) {
      expect(disallowedScheme(DEFAULT_HTML_POLICY, url), url).toBeUndefined()
    }
    expect(disallowedScheme(DEFAULT_HTML_POLICY, 'HTTPS://example.com')).toBeUndefined()
  })
})

describe('srcsetUrls', () => {
  it('splits candidates as the HTML standard does, keeping commas inside URLs', () => {
    expect(srcsetUrls('a.png 1x, b,c.png 2x,d.png')).toEqual(['a.png', 'b,c.png', 'd.png'])
    expect(srcsetUrls('a.png, javascript:x 100w')).toEqual(['a.png', 'javascript:x'])
    expect(srcsetUrls('a.png (x, y) 1x, b.png')).toEqual(['a.png', 'b.png'])
  })
})

describe('filterStyle', () => {
  it('keeps the allowed declarations only, written canonically', () => {
    expect(filterStyle(DEFAULT_HTML_POLICY, 'TEXT-ALIGN : center; color: red;')).toEqual({
      kept: 'text-align:center',
      dropped: ['color: red'],
    })
    expect(filterStyle(DEFAULT_HTML_POLICY, 'text-align: justify').kept).toBe('')
  })
})

describe('one allow-list for both sanitisers', () => {
  it('lets sanitizeHtml keep exactly the elements the renderer keeps', () => {
    for (const name of DEFAULT_HTML_POLICY.elements.keys()) {
      const html = name === 'input' ? '<input type="checkbox">' : `<${name}>x</${name}>`
      expect(sanitizeHtml(html), name).toContain(`<${name}`)
    }
    for (const name of ['script', 'style', 'form', 'center', 'font', 'svg', 'iframe', 'button']) {
      expect(sanitizeHtml(`<${name}>x</${name}>`), name).not.toContain(`<${name}`)
    }
  })

  it('lets sanitizeHtml apply the same attribute, style and input rules', () => {
    expect(
      sanitizeHtml(
        '<table><tr><td style="text-align:center;color:red" onclick="x">a</td></tr></table><input type="text"><input type="checkbox" checked>',
      ),
    ).toBe(
      '<table><tr><td style="text-align:center">a</td></tr></table><input type="checkbox" checked />',
    )
  })
})
