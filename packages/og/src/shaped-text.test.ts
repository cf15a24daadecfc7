import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createEmojiLibrary } from './emoji.ts'
import { layOutShapedText, type ShapedTextInput } from './shaped-text.ts'
import { loadShaper, type Shaper } from './shaper.ts'

const require = createRequire(import.meta.url)
const fontFile = (name: string, file: string) =>
  new Uint8Array(
    readFileSync(join(dirname(require.resolve(`${name}/package.json`)), 'files', file)),
  )
const ARABIC = fontFile('@fontsource/noto-sans-arabic', 'noto-sans-arabic-arabic-700-normal.woff')
const LATIN = fontFile('@fontsource/inter', 'inter-latin-700-normal.woff')

let shaper: Shaper
beforeAll(async () => {
  shaper = await loadShaper()
})

const input = (text: string, overrides: Partial<ShapedTextInput> = {}): ShapedTextInput => ({
  text,
  fontSize: 72,
  lineHeight: 1.12,
  width: 1040,
  maxLines: 3,
  direction: 'rtl',
  balance: false,
  fill: true,
  color: '#f5f3ee',
  fontOf: (char) =>
    /\p{Script=Arabic}/u.test(char)
      ? ARABIC
      : /[\p{L}\p{N}\p{P}\s]/u.test(char)
        ? LATIN
        : undefined,
  emojiOf: () => undefined,
  ...overrides,
})

/** The glyphs HarfBuzz picks for a word, in visual order. */
const glyphsOf = (word: string) =>
  (shaper.shape(word, { start: 0, end: word.length }, ARABIC, 72, 'rtl') ?? []).map(
    (glyph) => glyph.glyph,
  )

describe('shaping with HarfBuzz', () => {
  it('regression: keeps the dots of ة and ي, which satori drew as ه and ى', () => {
    // The words differ only in their last letter; so must the glyphs drawn for them.
    expect(glyphsOf('مقدمة')).not.toEqual(glyphsOf('مقدمه'))
    expect(glyphsOf('في')).not.toEqual(glyphsOf('فى'))
    expect(glyphsOf('مقدمة')).not.toContain(0)
  })

  it('joins the letters of a word: its medial forms are other glyphs than its isolated ones', () => {
    const joined = glyphsOf('بيت')
    const isolated = ['ت', 'ي', 'ب'].flatMap((letter) => glyphsOf(letter))
    expect(joined).not.toEqual(isolated)
  })
})

describe('layOutShapedText', () => {
  it('sets an Arabic title on the lines it needs, right-aligned, within the width', () => {
    const text = 'مقدمة في البرمجة الوظيفية وقيمة الكتابة'
    const shaped = layOutShapedText(shaper, input(text))
    expect(shaped).toMatchObject({ fits: true, width: 1040 })
    expect(shaped.lines.join(' ')).toBe(text)
    expect(shaped.height).toBe(Math.ceil(72 * 1.12 * shaped.lines.length))
    for (const line of shaped.runs) {
      const right = Math.max(...line.map((run) => run.x + run.width))
      expect(right).toBeCloseTo(1040, 0)
      expect(Math.min(...line.map((run) => run.x))).toBeGreaterThanOrEqual(0)
    }
  })

  it('puts a Latin word and a number inside Arabic text in reading order: left to right, at the left of the words before them', () => {
    const shaped = layOutShapedText(shaper, input('مقدمة في React 19', { maxLines: 1 }))
    const runs = shaped.runs[0] ?? []
    const latin = runs.find((run) => run.text.includes('React'))
    const first = runs.find((run) => run.text.includes('مقدمة'))
    expect(latin?.rtl).toBe(false)
    expect(latin?.text).toContain('React 19')
    // Read right to left: مقدمة first (rightmost), then في, then "React 19" at the left.
    expect((first?.x ?? 0) > (latin?.x ?? 0)).toBe(true)
  })

  it('ends a text that does not fit in an ellipsis, at a word, within the width', () => {
    const text = Array.from({ length: 20 }, () => 'مقدمة في البرمجة').join(' ')
    const shaped = layOutShapedText(shaper, input(text, { maxLines: 2 }))
    expect(shaped.fits).toBe(false)
    expect(shaped.lines).toHaveLength(2)
    expect(shaped.lines[1]?.endsWith('…')).toBe(true)
    expect(text.startsWith(shaped.lines.join(' ').slice(0, -1))).toBe(true)
    for (const line of shaped.runs) {
      expect(Math.min(...line.map((run) => run.x))).toBeGreaterThanOrEqual(-0.5)
    }
  })

  it('evens out the lines when asked to balance them, on as many lines', () => {
    // The fewest words that take two lines: greedily, the second holds one word alone.
    let words = 2
    const text = () => Array.from({ length: words }, () => 'البرمجة').join(' ')
    while (layOutShapedText(shaper, input(text())).lines.length < 2) words++
    const greedy = layOutShapedText(shaper, input(text()))
    const balanced = layOutShapedText(shaper, input(text(), { balance: true }))
    const counts = (lines: string[]) => lines.map((line) => line.split(' ').length)
    expect(counts(greedy.lines)).toEqual([words - 1, 1])
    expect(balanced.lines).toHaveLength(2)
    const [first = 0, second = 0] = counts(balanced.lines)
    expect(Math.abs(first - second)).toBeLessThanOrEqual(1)
  })

  it('regression: keeps the dots under the last line inside the image, rather than clipping them', () => {
    const shaped = layOutShapedText(shaper, input('مقدمة في الذكاء الاصطناعي', { maxLines: 1 }))
    const { width, height, bleed } = shaped
    const numbers = [...shaped.svg.matchAll(/<path d="([^"]+)"/g)].flatMap((match) =>
      (match[1] ?? '')
        .split(/[MLQCZ ]+/)
        .filter(Boolean)
        .map(Number),
    )
    const ys = numbers.filter((_, index) => index % 2 === 1)
    const xs = numbers.filter((_, index) => index % 2 === 0)
    // The dots of ي fall below the 1.12 line box: the image bleeds to hold them.
    expect(Math.max(...ys)).toBeGreaterThan(bleed + height)
    expect(Math.max(...ys)).toBeLessThanOrEqual(height + 2 * bleed)
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0)
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...xs)).toBeLessThanOrEqual(width + 2 * bleed)
  })

  it('breaks a word wider than the line anywhere, rather than letting it overflow', () => {
    const word = 'البرمجة'.repeat(8)
    const shaped = layOutShapedText(shaper, input(word, { width: 400, maxLines: 10 }))
    expect(shaped.lines.length).toBeGreaterThan(1)
    expect(shaped.lines.join('')).toBe(word)
  })

  it('regression: draws an emoji in Arabic text, nested as SVG, which resvg draws inside an image', async () => {
    const rocket = await createEmojiLibrary().imageOf('🚀')
    const shaped = layOutShapedText(
      shaper,
      input('إطلاق 🚀 سريع', { emojiOf: (grapheme) => (grapheme === '🚀' ? rocket : undefined) }),
    )
    expect(shaped.svg).not.toContain('<image')
    expect(shaped.svg).toMatch(/<svg x="[\d.]+" y="[\d.]+" width="72" height="72" xmlns=/)
    expect(shaped.runs[0]?.map((run) => run.text)).toContain('🚀')
  })

  it('reports a character no font has, and draws the rest', () => {
    const shaped = layOutShapedText(shaper, input('فجر 𓀀'))
    expect([...shaped.missing]).toEqual(['𓀀'])
    expect(shaped.svg).toContain('<path d="M')
  })

  it('draws outlines only: no text of the article reaches the SVG', () => {
    const shaped = layOutShapedText(shaper, input('فجر <script>alert(1)</script>'))
    expect(shaped.svg).not.toContain('<script')
    expect(shaped.svg).not.toContain('alert')
  })
})
