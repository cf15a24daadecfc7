import { basename, extname } from 'node:path'

/** The longest slug in UTF-8 bytes: a folder or file name must stay under 255 bytes. */
const MAX_SLUG_BYTES = 200

/** Characters a slug's words are made of: lowercase or caseless letters, digits, marks. */
const WORD_CHARACTER = '\\p{Ll}\\p{Lm}\\p{Lo}\\p{N}\\p{M}'
const WORD = `[\\p{Ll}\\p{Lm}\\p{Lo}\\p{N}][${WORD_CHARACTER}]*`

/**
 * What a slug may look like: words of lowercase letters (of any script; scripts without
 * case count as lowercase), digits and combining marks, joined by single hyphens, with no
 * invisible characters. So it holds no `/`, `\`, `.`, spaces or control characters, and is
 * safe as a file name and as a URL segment. `isSlug` also checks its length and NFC form.
 *
 * @example
 * SLUG_PATTERN.test('c-plus-plus') // true
 * SLUG_PATTERN.test('東京-2025')    // true
 * SLUG_PATTERN.test('a.b')         // false
 */
export const SLUG_PATTERN = new RegExp(`^(?!.*\\p{DI})${WORD}(?:-${WORD})*$`, 'u')

/**
 * True when `value` is a slug that is safe as a file name and as a URL segment: it matches
 * `SLUG_PATTERN`, is in Unicode NFC (one spelling, one folder) and is at most 200 bytes
 * of UTF-8. Every non-empty result of `slugify` is one.
 */
export function isSlug(value: string): boolean {
  return (
    SLUG_PATTERN.test(value) &&
    utf8Length(value) <= MAX_SLUG_BYTES &&
    value === value.normalize('NFC')
  )
}

/**
 * Turns any text into a slug. The one slug rule of dawnpress: article slugs from file names
 * and tag slugs (the `tags/<slug>/` pages and feeds) both come from it.
 *
 * - Latin letters lose their accents (`é` → `e`; `ß` → `ss`, `ø` → `o`, `ł` → `l`, `æ` → `ae`);
 *   letters of other scripts are kept as written, lowercased, in NFC (`Москва` → `москва`,
 *   `東京` → `東京`, `Αθήνα` → `αθήνα`).
 * - Compatibility forms are folded: full-width `Ｃ＃` is `C#`, `ﬁ` is `fi`, `²` is `2`.
 * - Punctuation that carries the meaning is spelled out, so that such tags stay apart:
 *   `+` or `#` right after a letter or digit (`C++` → `c-plus-plus`, `C#` → `c-sharp`,
 *   `F#` → `f-sharp`, `g++` → `g-plus-plus`) and a dot that starts a word (`.NET` →
 *   `dot-net`). A dot inside a word separates (`Node.js` → `node-js`).
 * - Every other run of characters becomes one hyphen (`Café & Crème: 2025` →
 *   `cafe-creme-2025`); invisible characters (zero-width spaces, variation selectors) are
 *   dropped.
 * - Text with no letter or digit (emoji, symbols, punctuation) is named by its code points,
 *   so distinct emoji keep distinct, visible slugs: `❤️` → `u2764`, `🚀` → `u1f680`,
 *   `!!!` → `u21-u21-u21`.
 * - At most 200 bytes of UTF-8.
 *
 * Returns `""` only for text with no visible character (empty, spaces, zero-width spaces).
 */
export function slugify(text: string): string {
  const words = slugWords(text)
  const slug = words.length > 0 ? words.join('-') : codePointWords(text).join('-')
  return truncate(slug)
}

/** The slug an article gets from its file name: `content/Hello World.md` gives `hello-world`. */
export function slugFromPath(path: string): string {
  return slugify(basename(path, extname(path)))
}

/** Letters whose accents are not combining marks, spelled in plain Latin letters. */
const LATIN_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
}

const INVISIBLE = /\p{DI}/gu
// Accents on Latin letters (and marks on spaces, digits and symbols) are dropped; marks on
// letters of other scripts are part of the letter (Devanagari vowel signs, Japanese
// voicing marks, Cyrillic й), so they stay.
const LATIN_MARKS = /(^|[\p{Script=Latin}\p{Script=Common}])\p{M}+/gu
const PLAIN_LATIN = new RegExp(`[${Object.keys(LATIN_LETTERS).join('')}]`, 'g')
// `+` and `#` right after a letter, a digit or another of them: `C++`, `C#`, `F#`.
const SUFFIX_SYMBOL = /(?<=[\p{L}\p{N}\p{M}][+#♯]*)[+#♯]/gu
// A dot that starts a word: `.NET`, but not `Node.js`, `1.5` or `../a`.
const LEADING_DOT = /(?<![\p{L}\p{N}\p{M}.])\.(?=[\p{L}\p{N}])/gu
const SEPARATORS = new RegExp(`[^${WORD_CHARACTER}]+`, 'u')
const LEADING_MARKS = /^\p{M}+/u
const NOT_SHOWN = /^[\p{Z}\p{Cc}\p{Cf}\p{DI}\s]$/u

function slugWords(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(INVISIBLE, '')
    .replace(LATIN_MARKS, '$1')
    .toLowerCase()
    .replace(PLAIN_LATIN, (letter) => LATIN_LETTERS[letter] ?? letter)
    .normalize('NFC')
    .replace(SUFFIX_SYMBOL, (symbol) => (symbol === '+' ? ' plus ' : ' sharp '))
    .replace(LEADING_DOT, ' dot ')
  const words: string[] = []
  for (const part of folded.split(SEPARATORS)) {
    // A mark can only start a word when what it marked became a separator.
    const word = part.replace(LEADING_MARKS, '')
    if (word !== '') words.push(word)
  }
  return words
}

/** `u` and the hexadecimal code point of each visible character: `❤️` → `['u2764']`. */
function codePointWords(text: string): string[] {
  const words: string[] = []
  for (const character of text.normalize('NFC')) {
    if (NOT_SHOWN.test(character)) continue
    words.push(`u${(character.codePointAt(0) as number).toString(16)}`)
  }
  return words
}

/** Cuts a slug to at most `MAX_SLUG_BYTES` bytes of UTF-8, between characters. */
function truncate(slug: string): string {
  if (slug.length <= MAX_SLUG_BYTES / 4 || utf8Length(slug) <= MAX_SLUG_BYTES) return slug
  let bytes = 0
  let end = 0
  for (const character of slug) {
    bytes += utf8Length(character)
    if (bytes > MAX_SLUG_BYTES) break
    end += character.length
  }
  return slug.slice(0, end).replace(/-+$/, '').normalize('NFC')
}

function utf8Length(text: string): number {
  let bytes = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff) {
      // A surrogate pair is one character of four bytes.
      bytes += 4
      index++
    } else bytes += 3
  }
  return bytes
}
