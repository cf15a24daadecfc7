/** @jsxImportSource satori/jsx */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { decodePng, pixelAt, readPngHeader } from '../test/png.ts'
import { readSvgText } from '../test/svg-text.ts'
import type { CardArticle } from './article.ts'
import { createCardDrawer } from './draw.ts'
import { renderCard } from './render.ts'
import type { CardContext, CardTemplate } from './template.ts'

const article: CardArticle = {
  slug: 'custom',
  title: 'A custom card',
  description: 'Drawn by a template in a .tsx file',
  readingTime: { minutes: 3 },
}

function Badge({ label, color }: { label: string; color: string }) {
  return (
    <div style={{ display: 'flex', padding: '8px 16px', backgroundColor: color, fontSize: 28 }}>
      {label}
    </div>
  )
}

const template: CardTemplate = (card, context) => (
  <div
    style={{
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      width: '100%',
      height: '100%',
      padding: 60,
      backgroundColor: '#ff0000',
      color: '#ffffff',
      fontFamily: context.fontFamily,
    }}
  >
    <Badge label={context.site.title} color="#0000ff" />
    <div style={{ display: 'block', lineClamp: 2, fontSize: 72, fontWeight: 700 }}>
      {card.title}
    </div>
  </div>
)

describe('a custom template written in TSX', () => {
  it('renders a 1200×630 card from JSX, with function components', async () => {
    const png = await renderCard(article, { site: { title: 'Dawn' }, template })
    expect(readPngHeader(png)).toMatchObject({ width: 1200, height: 630 })
    const pixels = decodePng(png)
    expect(pixelAt(pixels, 10, 10)).toEqual([255, 0, 0, 255])
    // The badge's blue box sits at the top-left padding corner.
    expect(pixelAt(pixels, 64, 64)).toEqual([0, 0, 255, 255])
  })

  it('gets the first custom font as context.fontFamily', async () => {
    const require = createRequire(import.meta.url)
    const data = readFileSync(
      require.resolve('@fontsource/inter/files/inter-latin-800-normal.woff'),
    )
    let seen: CardContext | undefined
    const spy: CardTemplate = (card, context) => {
      seen = context
      return template(card, context)
    }
    const png = await renderCard(article, {
      site: { title: 'Dawn' },
      template: spy,
      fonts: [{ name: 'Brand', data, weight: 800 }],
    })
    expect(seen?.fontFamily).toBe('Brand')
    expect(readPngHeader(png).width).toBe(1200)
  })
})

describe('a custom template and text that needs shaping', () => {
  const arabic: CardArticle = { ...article, slug: 'fajr', title: 'فجر نماذج اللغة الكبيرة' }

  it('draws Arabic laid out with context.text() as written, without a warning', async () => {
    const shaped: CardTemplate = async (card, context) => {
      const title = await context.text(card.title, { width: 1080, fontSize: 64, lines: 2 })
      return (
        <div style={{ display: 'flex', width: '100%', height: '100%', padding: 60 }}>
          {title.node}
        </div>
      )
    }
    const draw = createCardDrawer({ site: { title: 'Dawn' }, template: shaped })
    const card = await draw(arabic)
    expect(card.warnings).toEqual([])
    expect(card.texts.map((entry) => entry.text.shaped)).toEqual([true])
  })

  it('regression: draws the default card, and warns, rather than Arabic with wrong letters', async () => {
    const draw = createCardDrawer({ site: { title: 'Dawn' }, template })
    const card = await draw(arabic, { embedFont: false })
    expect(card.warnings).toEqual([
      expect.objectContaining({
        code: 'CARD_TEXT_UNSHAPED',
        slug: 'fajr',
        field: 'title',
        character: 'ف',
        codePoint: 'U+0641',
      }),
    ])
    // The default card laid the title out shaped; satori set no Arabic letter itself.
    expect(card.texts.find((entry) => entry.content === arabic.title)?.text.shaped).toBe(true)
    const setBySatori = readSvgText(card.svg)
      .map((piece) => piece.text)
      .join('')
    expect(setBySatori).not.toMatch(/\p{Script=Arabic}/u)
  })
})
