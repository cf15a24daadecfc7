import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { baseArticle, hostileCards, seedArticle, seedSite } from '../test/fixtures/articles.ts'
import { countBright, decodePng, PNG_SIGNATURE, pixelAt, readPngHeader } from '../test/png.ts'
import { createCardDrawer } from './draw.ts'
import { packageDir } from './font-packages.ts'
import { createFontLibrary } from './fonts.ts'
import { createCardRenderer, renderCard } from './render.ts'
import type { CardWarning } from './warnings.ts'

const MAX_BYTES = 300 * 1024
const OPTIONAL = [
  '@fontsource/noto-sans-jp',
  '@fontsource/noto-sans-kr',
  '@fontsource/noto-sans-sc',
]
const fixtures = fileURLToPath(new URL('../test/fixtures/', import.meta.url))

function expectValidCard(png: Uint8Array) {
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE)
  const header = readPngHeader(png)
  expect({ width: header.width, height: header.height }).toEqual({ width: 1200, height: 630 })
  expect(png.byteLength).toBeLessThan(MAX_BYTES)
}

/** Text pixels outside the 64 px margin (less a few pixels of anti-aliasing) break the layout. */
function brightPixelsInMargins(png: Uint8Array): number {
  const pixels = decodePng(png)
  const inset = 56
  return (
    countBright(pixels, { left: 0, top: 0, right: 1200, bottom: inset }) +
    countBright(pixels, { left: 0, top: 630 - inset, right: 1200, bottom: 630 }) +
    countBright(pixels, { left: 0, top: 0, right: inset + 16, bottom: 630 }) +
    countBright(pixels, { left: 1200 - inset - 16, top: 0, right: 1200, bottom: 630 })
  )
}

describe('renderCard', () => {
  it('renders the seed article as a 1200×630 PNG under 300 KB', async () => {
    expectValidCard(await renderCard(seedArticle, { site: seedSite }))
  })

  it('renders identical bytes on a second render, with a new renderer too', async () => {
    const first = await renderCard(seedArticle, { site: seedSite })
    const second = await renderCard(seedArticle, { site: seedSite })
    const third = await createCardRenderer({ site: seedSite }).render(seedArticle)
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true)
    expect(Buffer.from(third).equals(Buffer.from(first))).toBe(true)
  })

  it('draws the title in bright text inside the margins', async () => {
    const png = await renderCard(seedArticle, { site: seedSite })
    const pixels = decodePng(png)
    expect(countBright(pixels, { left: 80, top: 180, right: 720, bottom: 360 })).toBeGreaterThan(
      5000,
    )
    expect(brightPixelsInMargins(png)).toBe(0)
  })

  it('fills the card with the site background colour', async () => {
    const png = await renderCard(seedArticle, {
      site: { ...seedSite, card: { background: '#123456', foreground: '#ffffff' } },
    })
    expect(pixelAt(decodePng(png), 4, 4)).toEqual([0x12, 0x34, 0x56, 255])
  })

  describe.each(hostileCards)('with $name', ({ title, description }) => {
    it('renders a valid card with every glyph and no text in the margins', async () => {
      const warnings: CardWarning[] = []
      const png = await renderCard(
        { ...baseArticle, title, description },
        { site: seedSite, onWarning: (warning) => warnings.push(warning) },
      )
      expectValidCard(png)
      expect(warnings).toEqual([])
      expect(brightPixelsInMargins(png)).toBe(0)
    })
  })

  it('draws the site logo from a path relative to siteDir', async () => {
    const site = { ...seedSite, card: { ...seedSite.card, logo: 'logo.svg' } }
    const withLogo = await renderCard(seedArticle, { site, siteDir: fixtures })
    const without = await renderCard(seedArticle, { site: seedSite })
    expectValidCard(withLogo)
    expect(Buffer.from(withLogo).equals(Buffer.from(without))).toBe(false)
  })

  it('throws a clear error for a logo file that does not exist', async () => {
    const site = { ...seedSite, card: { logo: 'missing.png' } }
    await expect(renderCard(seedArticle, { site, siteDir: fixtures })).rejects.toThrow(
      /card logo "missing.png" could not be read/,
    )
  })
})

describe('glyph coverage', () => {
  it('warns about a character no font can draw, naming the article and the character', async () => {
    const renderer = createCardRenderer({ site: seedSite })
    const { png, warnings } = await renderer.renderWithWarnings({
      ...baseArticle,
      slug: 'hieroglyphs',
      title: 'Ancient signs 𓀀',
    })
    expectValidCard(png)
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'CARD_GLYPH_MISSING',
        severity: 'warning',
        slug: 'hieroglyphs',
        character: '𓀀',
        codePoint: 'U+13000',
      }),
    ])
    expect(renderer.warnings).toEqual(warnings)
  })

  it('warns again on every card with the character, not only the first', async () => {
    const renderer = createCardRenderer({ site: seedSite })
    await renderer.render({ ...baseArticle, slug: 'one', title: '𓀀' })
    await renderer.render({ ...baseArticle, slug: 'two', title: 'Also 𓀀' })
    expect(renderer.warnings.map((warning) => warning.slug)).toEqual(['one', 'two'])
  })

  it('warns about an emoji newer than the bundled Twemoji', async () => {
    // U+1FAE9 (face with bags under eyes) is from Unicode 16; Twemoji 15 has no image for it.
    const { warnings } = await createCardRenderer({ site: seedSite }).renderWithWarnings({
      ...baseArticle,
      title: 'Tired \u{1FAE9}',
    })
    expect(warnings.map((warning) => warning.codePoint)).toEqual(['U+1FAE9'])
  })

  it('draws an emoji as a Twemoji image, in colour', async () => {
    const title = '🚀'
    const png = await renderCard({ ...baseArticle, title, description: '' }, { site: seedSite })
    const pixels = decodePng(png)
    // Twemoji's rocket is sky blue (#55acee); nothing else on the card is.
    let blue = 0
    for (let y = 150; y < 480; y++) {
      for (let x = 80; x < 400; x++) {
        const [r, g, b] = pixelAt(pixels, x, y)
        if (b > 200 && r < 120 && g > 140) blue++
      }
    }
    expect(blue).toBeGreaterThan(500)
  })
})

describe('optional CJK font packages', () => {
  // As if the project had installed none of the CJK fonts, which are optional.
  const withoutCjk = createFontLibrary({
    resolvePackage: (name) => (OPTIONAL.includes(name) ? undefined : packageDir(name)),
  })
  const draw = createCardDrawer({ site: seedSite }, { fonts: withoutCjk })

  it.each([
    ['Japanese', '大規模言語モデルの夜明け', '@fontsource/noto-sans-jp'],
    ['Chinese', '大型语言模型的黎明', '@fontsource/noto-sans-sc'],
    ['Korean', '대규모 언어 모델의 새벽', '@fontsource/noto-sans-kr'],
  ])('names the package to install for a %s title, once, at the title', async (_, title, name) => {
    const { warnings } = await draw({ ...baseArticle, title })
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'CARD_FONT_MISSING',
        severity: 'warning',
        slug: 'hostile',
        field: 'title',
        fontPackage: name,
        character: [...title][0],
      }),
    ])
    expect(warnings[0]?.hint).toContain(`npm install ${name}`)
  })

  it('names nothing for a card without CJK text', async () => {
    expect((await draw(seedArticle)).warnings).toEqual([])
  })

  it('draws CJK text with an installed package, whichever its language', async () => {
    const onlyChinese = createFontLibrary({
      resolvePackage: (name) =>
        name === '@fontsource/noto-sans-sc' || !OPTIONAL.includes(name)
          ? packageDir(name)
          : undefined,
    })
    const chinese = createCardDrawer({ site: seedSite }, { fonts: onlyChinese })
    expect((await chinese({ ...baseArticle, title: '夜明け' })).warnings).toEqual([])
  })

  it('lists the CJK fonts as optional peer dependencies, not as dependencies', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    for (const name of OPTIONAL) {
      expect(manifest.dependencies[name]).toBeUndefined()
      expect(manifest.peerDependenciesMeta[name]).toEqual({ optional: true })
    }
  })
})
