import { escapeHtml } from '@dawnpress/core'
import { describe, expect, it } from 'vitest'
import { cleanText } from './text.ts'

describe('cleanText', () => {
  it('drops the control characters XML forbids and keeps tab and newline', () => {
    expect(cleanText('a\u0000b\u0008c\td\ne\u000Bf\u001Fg\u007Fh\u0085i\u009Fj')).toBe(
      'abc\td\nefghij',
    )
  })

  it('drops the non-characters U+FFFE and U+FFFF', () => {
    expect(cleanText('a\uFFFEb\uFFFFc')).toBe('abc')
  })

  it('turns carriage returns into newlines', () => {
    expect(cleanText('a\r\nb\rc')).toBe('a\nb\nc')
  })

  it('replaces lone surrogates and keeps pairs', () => {
    expect(cleanText('\uD83D\uDE00 \uD83D x \uDE00 \uDBFF\uDFFF')).toBe(
      '😀 \uFFFD x \uFFFD \u{10FFFF}',
    )
  })

  it('keeps ordinary text, emoji and right-to-left text as it is', () => {
    const text = 'Café 👩🏽‍💻 مرحبا \u200F שלום'
    expect(cleanText(text)).toBe(text)
  })
})

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;',
    )
  })
})
