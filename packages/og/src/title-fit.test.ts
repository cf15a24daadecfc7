import { describe, expect, it } from 'vitest'
import { baseArticle, seedSite } from '../test/fixtures/articles.ts'
import { readSvgText } from '../test/svg-text.ts'
import { TITLE_SIZES } from './default-template.tsx'
import { createCardDrawer } from './draw.ts'
import { isEmoji } from './emoji.ts'

// Titles as authors write them, from two words to the longest a card can hold, in the
// scripts the bundled fonts draw. Every one of them fits the card whole.
const FITTING_TITLES = [
  'Dawn',
  'Slugs for C, C++ and C#',
  'Fast, small, correct: choose three',
  'The Dawn of Large Language Models',
  'Incremental builds without a daemon',
  'The case against dark mode by default',
  'BOM and CRLF line endings in frontmatter',
  'Designing error messages people actually read',
  'Tokenizers are the hidden layer of every model',
  'Understanding zod 4 schemas from the inside out',
  'A gentle introduction to attention in transformers',
  'Rendering social cards with satori and resvg at scale',
  'Ten things I learned shipping a static site generator',
  'BOM and CRLF line endings break YAML frontmatter parsers',
  'Building RSS, Atom and JSON Feed from one source of truth',
  'Why we moved from webpack to esbuild and never looked back',
  'Tokenizers are the most underrated part of a language model',
  'What every developer should know about Unicode normalisation',
  'Line clamps, balanced text and the ellipsis that ate my title',
  'How to write a Markdown parser that passes the CommonMark spec',
  'Notes on reading time: words, characters and the Medium formula',
  'Caching in CI: remote caches, content hashes and what goes wrong',
  'Why your date is off by one day and how time zones ruin everything',
  'BOM and CRLF line endings: why your frontmatter fails to parse on Windows',
  'Tokenizers are the reason your model cannot count the letters in strawberry',
  'From prototype to production: a year of running our own blog engine on a two-core box',
  'WWW, MMM and other wide letters: the widest titles a card can hold whole',
  'Pneumonoultramicroscopicsilicovolcanoconiosis',
  'Donaudampfschifffahrtsgesellschaftskapitän und andere lange deutsche Wörter',
  'Pourquoi les titres français sont-ils plus longs que les titres anglais ?',
  'Ελληνικά γράμματα σε κάρτες κοινωνικών δικτύων',
  'Как мы ускорили сборку сайта в десять раз',
  'Tiếng Việt có dấu: kiểm tra phông chữ trên thẻ',
  '大型语言模型的黎明：人工智能如何改变我们的世界',
  '大規模言語モデルの夜明け',
  'ひらがなとカタカナと漢字が混ざった少し長めのタイトルでも最後まで表示される',
  '대규모 언어 모델의 새벽',
  '한국어 제목이 길어도 카드에 끝까지 모두 표시되어야 합니다',
  'שחר מודלי השפה הגדולים',
  'Shipping 🚀 with friends 🧑‍🚀, flags 🇯🇵 and ❤️‍🔥',
  '<script>alert("x")</script> & </div><img src=x onerror=alert(1)>',
]

// Arabic is shaped with HarfBuzz and drawn as an image: its layout is read from the lines
// the shaper set.
const FITTING_ARABIC_TITLES = [
  'فجر نماذج اللغة الكبيرة',
  'مقدمة في البرمجة الوظيفية وقيمة الكتابة',
  'كيف تكتب محللا للغة ماركداون يجتاز مواصفات CommonMark كاملة',
]

const LONG_TITLE = (
  'Why every large language model needs a long, careful and honest title that keeps going ' +
  'well past the point where any social card could show it, and what happens to the layout ' +
  'of a card when an author writes one anyway, with clauses, asides and more clauses, until ' +
  'the title reaches exactly three hundred characters'
).slice(0, 300)

const draw = createCardDrawer({ site: seedSite })
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })
const withoutEmoji = (text: string) =>
  Array.from(graphemes.segment(text), ({ segment }) => (isEmoji(segment) ? '' : segment)).join('')
const titleSizes = new Set(TITLE_SIZES.map((size) => size.fontSize))

/** The title as satori set it on the card: its text pieces, in order, and their boxes. */
async function drawnTitle(title: string) {
  const card = await draw({ ...baseArticle, title }, { embedFont: false })
  const pieces = readSvgText(card.svg).filter(
    (piece) => titleSizes.has(piece.fontSize) && piece.fontWeight === 700,
  )
  const laidOut = card.texts.find(
    (entry) => entry.content === title && titleSizes.has(entry.text.fontSize),
  )?.text
  return { card, pieces, laidOut, text: pieces.map((piece) => piece.text).join('') }
}

describe('the default card’s title', () => {
  it.each(FITTING_TITLES)('shows every word of a title that fits: %s', async (title) => {
    const { pieces, laidOut, text } = await drawnTitle(title)
    expect(laidOut?.fits).toBe(true)
    // Emoji are drawn as images, not text.
    expect(text).toBe(withoutEmoji(title))
    expect(text).not.toContain('…')
    // Inside the 80 px margins (a space may hang at a line's end), on as many lines as allowed.
    for (const piece of pieces.filter((piece) => piece.text.trim() !== '')) {
      expect(piece.x).toBeGreaterThanOrEqual(80 - 0.5)
      expect(piece.x + piece.width).toBeLessThanOrEqual(1120 + 0.5)
    }
    const size = TITLE_SIZES.find((candidate) => candidate.fontSize === laidOut?.fontSize)
    expect(new Set(pieces.map((piece) => piece.y)).size).toBeLessThanOrEqual(size?.lines ?? 0)
  })

  it.each(FITTING_ARABIC_TITLES)(
    'shows every word of an Arabic title that fits: %s',
    async (title) => {
      const { laidOut } = await drawnTitle(title)
      expect(laidOut).toMatchObject({ fits: true, shaped: true })
      expect(laidOut?.shown?.join(' ')).toBe(title)
    },
  )

  it('regression: "BOM and CRLF line…" is whole: balanced wrapping no longer meets the clamp', async () => {
    const { text, laidOut } = await drawnTitle(
      'BOM and CRLF line endings break YAML frontmatter parsers',
    )
    expect(text).toBe('BOM and CRLF line endings break YAML frontmatter parsers')
    expect(laidOut?.fontSize).toBe(72)
  })

  it('sets a short title larger than a long one', async () => {
    const short = (await drawnTitle('Dawn')).laidOut?.fontSize ?? 0
    const long = (await drawnTitle(FITTING_TITLES[25] as string)).laidOut?.fontSize ?? 0
    expect(short).toBeGreaterThan(long)
  })

  it('ends a title that does not fit even at the smallest size in an ellipsis, on four lines', async () => {
    const { pieces, laidOut, text } = await drawnTitle(LONG_TITLE)
    expect(laidOut).toMatchObject({ fits: false, fontSize: 52 })
    expect(text.endsWith('…')).toBe(true)
    expect(LONG_TITLE.startsWith(text.slice(0, -1).trimEnd())).toBe(true)
    expect(new Set(pieces.map((piece) => piece.y)).size).toBe(4)
    for (const piece of pieces.filter((piece) => piece.text.trim() !== '')) {
      expect(piece.x + piece.width).toBeLessThanOrEqual(1120 + 0.5)
    }
  })

  it('ends an Arabic title that does not fit in an ellipsis, on four shaped lines', async () => {
    const title = Array.from({ length: 12 }, () => 'مقدمة في البرمجة الوظيفية').join(' ')
    const { laidOut } = await drawnTitle(title)
    expect(laidOut).toMatchObject({ fits: false, shaped: true, fontSize: 52, lines: 4 })
    const shown = laidOut?.shown ?? []
    expect(shown.at(-1)?.endsWith('…')).toBe(true)
    expect(title.startsWith(shown.join(' ').slice(0, -1).trimEnd())).toBe(true)
  })
})
