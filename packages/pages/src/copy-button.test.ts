import { describe, expect, it } from 'vitest'
import { copyButtonScript } from './copy-button.ts'
import { STYLESHEET } from './styles.ts'

describe('copy buttons of code blocks', () => {
  it('come as a script only for a body with code blocks', () => {
    const withCode = copyButtonScript(
      '<figure class="code-block"><pre><code>x</code></pre></figure>',
    )
    expect(withCode.value).toMatch(/^<script>[\s\S]*navigator\.clipboard[\s\S]*<\/script>$/)
    expect(copyButtonScript('<p>No code.</p>').value).toBe('')
  })

  it('leave reading to the HTML: the button is made by the script, never written in the page', () => {
    expect(copyButtonScript('<figure class="code-block">').value).not.toContain('<button')
  })
})

describe('the stylesheet for article bodies', () => {
  it('colours highlighted code by the page’s scheme, from the variables core writes', () => {
    expect(STYLESHEET).toContain('.prose .shiki span {\n  color: var(--shiki-light);')
    const dark = STYLESHEET.slice(
      STYLESHEET.indexOf('.prose .shiki span {\n  color: var(--shiki-light);'),
    )
    expect(dark).toMatch(
      /@media \(prefers-color-scheme: dark\) \{\n {2}\.prose \.shiki \{ color: var\(--shiki-dark\)/,
    )
  })

  it('styles alerts, footnotes and task lists as core writes them', () => {
    for (const selector of [
      '.prose .markdown-alert-note',
      '.prose .markdown-alert-caution',
      '.prose .footnotes',
      '.sr-only',
      '.prose li:has(> input[type="checkbox"]:first-child)',
      '.prose td[align="center"]',
    ]) {
      expect(STYLESHEET).toContain(selector)
    }
  })
})
