import { describe, expect, it } from 'vitest'
import { readSvgText } from '../test/svg-text.ts'
import type { CardArticle } from './article.ts'
import { createCardDrawer } from './draw.ts'
import type { CardTemplate, CardTextOptions } from './template.ts'
import { needsShaping } from './text-block.ts'

describe('needsShaping', () => {
  it('sends Arabic to HarfBuzz, and Latin, CJK, emoji and unpointed Hebrew to satori', () => {
    expect(needsShaping('فجر')).toBe(true)
    expect(needsShaping('Dawn 夜明け 🚀 ❤️')).toBe(false)
    expect(needsShaping('שחר')).toBe(false)
  })

  it('sends text with combining marks to HarfBuzz: Hebrew points, a decomposed accent', () => {
    expect(needsShaping('שָׁלוֹם')).toBe(true)
    expect(needsShaping('cafe\u0301')).toBe(true)
  })
})

const card: CardArticle = { slug: 'a', title: 'A', description: '', readingTime: { minutes: 1 } }

/** Lays one text out with `context.text()` in a template of its own, and draws the card. */
async function layOut(text: string, options: CardTextOptions) {
  const template: CardTemplate = async (_article, context) => ({
    type: 'div',
    props: {
      style: { display: 'flex', width: '100%', height: '100%', padding: 40 },
      children: (await context.text(text, options)).node,
    },
  })
  const drawn = await createCardDrawer({ site: { title: 'Dawn' }, template })(card, {
    embedFont: false,
  })
  return { laidOut: drawn.texts[0]?.text, pieces: readSvgText(drawn.svg), drawn }
}

describe('context.text()', () => {
  const sizes = [
    { fontSize: 96, lines: 1 },
    { fontSize: 48, lines: 2 },
    { fontSize: 24, lines: 2 },
  ]

  it('sets a text at the largest size at which satori lays it out whole', async () => {
    const { laidOut, pieces } = await layOut('Five words fit at forty-eight', { width: 800, sizes })
    expect(laidOut).toMatchObject({ fontSize: 48, fits: true, shaped: false })
    expect(pieces.map((piece) => piece.text).join('')).toBe('Five words fit at forty-eight')
    expect(new Set(pieces.map((piece) => piece.y)).size).toBe(laidOut?.lines)
  })

  it('clamps a text that does not fit at the last size, with an ellipsis', async () => {
    const text = 'A text far too long for two lines at any of the sizes it may take. '.repeat(4)
    const { laidOut, pieces } = await layOut(text, { width: 800, sizes })
    expect(laidOut).toMatchObject({ fontSize: 24, fits: false, lines: 2 })
    expect(pieces.map((piece) => piece.text).join('')).toMatch(/…$/)
  })

  it('shapes Arabic and draws it as an image, with no Arabic letter set by satori', async () => {
    const { laidOut, pieces, drawn } = await layOut('فجر نماذج اللغة الكبيرة', {
      width: 800,
      sizes,
    })
    expect(laidOut).toMatchObject({ fits: true, shaped: true })
    expect(pieces.some((piece) => /\p{Script=Arabic}/u.test(piece.text))).toBe(false)
    expect(drawn.svg).toContain('data:image/svg+xml;base64,')
    expect(drawn.warnings).toEqual([])
  })

  it('lays out a text of emoji alone', async () => {
    const { laidOut, drawn } = await layOut('🚀🌅', {
      width: 800,
      sizes: [{ fontSize: 64, lines: 1 }],
      balance: true,
    })
    expect(laidOut).toMatchObject({ fits: true, lines: 1 })
    expect(drawn.warnings).toEqual([])
  })

  it('leaves a text with one size to satori, which clamps it, without laying it out twice', async () => {
    const { laidOut, pieces } = await layOut(
      'One size, one line, cut by satori when too long. '.repeat(3),
      {
        width: 400,
        fontSize: 24,
      },
    )
    expect(laidOut).toMatchObject({ fits: undefined, lines: 1, fontSize: 24 })
    expect(new Set(pieces.map((piece) => piece.y)).size).toBe(1)
    expect(pieces.map((piece) => piece.text).join('')).toMatch(/…$/)
  })

  it('refuses a text with no sizes to try', async () => {
    await expect(layOut('x', { width: 800, sizes: [] })).rejects.toThrow(/at least one size/)
  })
})
