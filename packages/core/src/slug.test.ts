import { describe, expect, it } from 'vitest'
import { isSlug, SLUG_PATTERN, slugFromPath, slugify } from './slug.ts'

/** The slug rule of dawnpress 0.1 for plain ASCII text, which ordinary ASCII text keeps. */
function asciiSlugOfVersion01(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200)
    .replace(/-+$/, '')
}

describe('slugify', () => {
  it('keeps the slugs of ordinary text: lowercase, accents dropped, other runs one hyphen', () => {
    expect(slugify('Café & Crème: 2025')).toBe('cafe-creme-2025')
    expect(slugify('Hello World')).toBe('hello-world')
    expect(slugify('  ../etc/passwd ')).toBe('etc-passwd')
    expect(slugify('Node.js')).toBe('node-js')
    expect(slugify('Tips + Tricks')).toBe('tips-tricks')
    expect(slugify('1.5 release')).toBe('1-5-release')
  })

  it('gives ASCII text without a suffix "+" or "#" or a leading dot the slug it had before', () => {
    // Every printable ASCII character, in and around words, as file names and titles have them.
    const printable = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index))
    const kept = printable.filter((character) => !'+#.'.includes(character))
    for (const character of kept) {
      for (const text of [
        `Hello${character}World`,
        `${character}start`,
        `end${character}`,
        `a ${character} b`,
      ]) {
        expect(slugify(text), JSON.stringify(text)).toBe(asciiSlugOfVersion01(text))
      }
    }
    expect(slugify('x'.repeat(250))).toBe('x'.repeat(200))
    expect(slugify(`${'ab '.repeat(66)}cd`)).toBe(asciiSlugOfVersion01(`${'ab '.repeat(66)}cd`))
  })

  it('keeps tags apart that differ in meaningful punctuation (regression: C++, C# and C all became tags/c/)', () => {
    expect(slugify('C++')).toBe('c-plus-plus')
    expect(slugify('C#')).toBe('c-sharp')
    expect(slugify('C')).toBe('c')
    expect(slugify('F#')).toBe('f-sharp')
    expect(slugify('g++')).toBe('g-plus-plus')
    expect(slugify('.NET')).toBe('dot-net')
    expect(slugify('ASP.NET')).toBe('asp-net')
    expect(slugify('C++17')).toBe('c-plus-plus-17')
    expect(slugify('A+B')).toBe('a-plus-b')
    // The same tag, written differently, is one slug.
    expect(slugify('Ｃ＃')).toBe('c-sharp')
    expect(slugify('C♯')).toBe('c-sharp')
    expect(slugify('#hashtag')).toBe('hashtag')
  })

  it('gives distinct emoji distinct, visible slugs from their code points (regression: every emoji-only tag became tags/tag/, and ❤️ an invisible folder)', () => {
    expect(slugify('❤️')).toBe('u2764')
    expect(slugify('❤')).toBe('u2764')
    expect(slugify('🚀')).toBe('u1f680')
    expect(slugify('🚀🚀')).toBe('u1f680-u1f680')
    expect(slugify('👍🏽')).toBe('u1f44d-u1f3fd')
    expect(slugify('👍')).toBe('u1f44d')
    expect(slugify('!!!')).toBe('u21-u21-u21')
    expect(slugify('→')).toBe('u2192')
    // Emoji beside words are left out, as other symbols are.
    expect(slugify('🚀 Launch')).toBe('launch')
  })

  it('keeps the letters of every script, lowercase and in NFC', () => {
    expect(slugify('東京 2025')).toBe('東京-2025')
    expect(slugify('Москва')).toBe('москва')
    expect(slugify('Йошкар-Ола')).toBe('йошкар-ола')
    expect(slugify('Αθήνα')).toBe('αθήνα')
    expect(slugify('القاهرة')).toBe('القاهرة')
    expect(slugify('हिन्दी')).toBe('हिन्दी')
    expect(slugify('ｶﾞｷﾞ')).toBe('ガギ')
    expect(slugify('が'.normalize('NFD'))).toBe('が')
  })

  it('spells Latin letters in plain ASCII', () => {
    expect(slugify('Straße')).toBe('strasse')
    expect(slugify('Łódź')).toBe('lodz')
    expect(slugify('Ærø')).toBe('aero')
    expect(slugify('İstanbul')).toBe('istanbul')
    expect(slugify('ﬁle²')).toBe('file2')
    expect(slugify('Crème'.normalize('NFD'))).toBe('creme')
  })

  it('drops invisible characters, and gives "" only for text with nothing visible', () => {
    expect(slugify('co\u00adop')).toBe('coop')
    expect(slugify('a\u200bb')).toBe('ab')
    for (const blank of ['', '   ', '\u200b', '\ufe0f', '\t\n']) expect(slugify(blank)).toBe('')
  })

  it('cuts long text to 200 bytes of UTF-8 between characters', () => {
    const japanese = slugify('日本語の記事'.repeat(20))
    expect(new TextEncoder().encode(japanese).length).toBeLessThanOrEqual(200)
    expect(japanese).toBe('日本語の記事'.repeat(20).slice(0, 66))
    expect(isSlug(slugify('🚀'.repeat(60)))).toBe(true)
  })

  it('gives a safe slug, or "", for every code point alone and among letters', () => {
    // Every code point of the Basic Multilingual Plane, and every 17th beyond it.
    for (let point = 0; point <= 0x10ffff; point += point < 0x10000 ? 1 : 17) {
      if (point >= 0xd800 && point <= 0xdfff) continue
      const character = String.fromCodePoint(point)
      for (const text of [character, `A${character}b`]) {
        const slug = slugify(text)
        if (slug !== '' && !isSlug(slug)) expect.fail(`${point.toString(16)} gives ${slug}`)
      }
    }
  })

  it('takes the slug from the file name only, not its folders', () => {
    expect(slugFromPath('2025/Hello World.md')).toBe('hello-world')
    expect(slugFromPath('notes/C++ tips.md')).toBe('c-plus-plus-tips')
  })
})

describe('isSlug', () => {
  it('accepts lowercase slugs of any script', () => {
    for (const slug of ['hello-world-2', 'c-plus-plus', '東京-2025', 'москва', 'u2764', 'café']) {
      expect(isSlug(slug), slug).toBe(true)
    }
  })

  it('refuses anything unsafe as a file name or URL segment', () => {
    const unsafe = [
      'a/b',
      'a\\b',
      '..',
      'a..b',
      '.a',
      'a.b',
      'a b',
      'Hello',
      'Москва',
      'a--b',
      '-a',
      'a-',
      '',
      'a\u0000b',
      'a\nb',
      'a\u200bb',
      'a\u202eb',
      '\u3164',
      '\u0301a',
      'cafe\u0301',
      'x'.repeat(201),
      '東'.repeat(67),
      '❤️',
    ]
    for (const slug of unsafe) expect(isSlug(slug), JSON.stringify(slug)).toBe(false)
    expect(SLUG_PATTERN.test('x'.repeat(201))).toBe(true)
  })
})
