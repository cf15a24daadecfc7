import { Resvg } from '@resvg/resvg-js'
import type { SatoriOptions } from 'satori'
import * as satoriModule from 'satori'
import type { CardArticle } from './article.ts'
import { CARD_HEIGHT, CARD_WIDTH, createContext, readLogo } from './context.ts'
import { defaultTemplate } from './default-template.tsx'
import { createEmojiLibrary, type EmojiLibrary } from './emoji.ts'
import {
  type CardFont,
  createFontLibrary,
  type FontLibrary,
  PRIMARY_FONT_FAMILY,
  type SatoriFont,
} from './fonts.ts'
import type { CardSite, CardTemplate } from './template.ts'
import { type CardNode, collectText, expandTree } from './tree.ts'
import {
  type CardWarning,
  compareWarnings,
  fontMissingWarning,
  glyphMissingWarning,
} from './warnings.ts'

/** How to draw cards. */
export interface CardOptions<TArticle extends CardArticle = CardArticle> {
  /** The site: its name, URL, language and card colours and logo. */
  site: CardSite
  /** Draws the card. @default the dawnpress card: site, title, description, date, reading time */
  template?: CardTemplate<TArticle> | undefined
  /**
   * Fonts to use before the bundled ones. The first font's name becomes
   * `context.fontFamily`; characters it lacks fall back to Inter and the Noto fonts.
   */
  fonts?: readonly CardFont[] | undefined
  /**
   * The folder `site.card.logo` is relative to: the folder of the site config file.
   * @default process.cwd()
   */
  siteDir?: string | undefined
  /** Called for each warning, such as a character no font can draw. */
  onWarning?: ((warning: CardWarning) => void) | undefined
}

/** A rendered card: the PNG and what could not be drawn as written. */
export interface RenderedCard {
  /** A 1200×630 PNG. */
  png: Uint8Array
  warnings: CardWarning[]
}

/** Renders many cards with one set of options, loading each font file once. */
export interface CardRenderer<TArticle extends CardArticle = CardArticle> {
  /** Renders one card to PNG bytes. Its warnings go to `onWarning` and to `warnings`. */
  render(article: TArticle): Promise<Uint8Array>
  /** Renders one card and returns its warnings with it (they also go to `onWarning`). */
  renderWithWarnings(article: TArticle): Promise<RenderedCard>
  /** Every warning of the cards this renderer has drawn so far, in render order. */
  readonly warnings: readonly CardWarning[]
}

// Whitespace, controls, joiners and variation selectors need no glyph of their own.
const NEEDS_NO_GLYPH = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Variation_Selector}]$/u

// Satori's CommonJS build sets `exports.default`; a CommonJS importer (our require build)
// sees all of `exports` as the default export, so the function is one level further down.
const satori: typeof satoriModule.default =
  typeof satoriModule.default === 'function'
    ? satoriModule.default
    : (satoriModule.default as unknown as { default: typeof satoriModule.default }).default

// Three CJK fonts may each claim a character; a fourth pass is never needed.
const MAX_PASSES = 4

let sharedFonts: FontLibrary | undefined
let sharedEmoji: EmojiLibrary | undefined

/**
 * Creates a renderer. Font and emoji files are shared by every renderer in a thread and
 * read on first use, so a renderer is cheap to create and an English-only site never
 * reads a CJK font.
 *
 * @example
 * const cards = createCardRenderer({ site })
 * for (const article of articles) await writeFile(`og/${article.slug}.png`, await cards.render(article))
 */
export function createCardRenderer<TArticle extends CardArticle = CardArticle>(
  options: CardOptions<TArticle>,
): CardRenderer<TArticle> {
  sharedFonts ??= createFontLibrary()
  sharedEmoji ??= createEmojiLibrary()
  const fonts = sharedFonts
  const emoji = sharedEmoji
  const template = (options.template ?? defaultTemplate) as CardTemplate<TArticle>
  const extraFonts: SatoriFont[] = (options.fonts ?? []).map((font) => ({ ...font }))
  const fontFamily = options.fonts?.[0]?.name ?? PRIMARY_FONT_FAMILY
  let logo: Promise<string | undefined> | undefined
  const warnings: CardWarning[] = []

  async function renderWithWarnings(article: TArticle): Promise<RenderedCard> {
    logo ??= readLogo(options.site, options.siteDir ?? process.cwd())
    const context = createContext(article, options.site, await logo, fontFamily)
    const tree = await expandTree(template(article, context))
    const text = collectText(tree)
    const graphemeImages: Record<string, string> = {}
    const missingEmoji = new Set<string>()
    for (const grapheme of text.emoji) {
      const image = await emoji.imageOf(grapheme)
      if (image) graphemeImages[grapheme] = image
      else missingEmoji.add(grapheme)
    }
    // A fontsource slice may list a code point it has no glyph for: then the next font that
    // lists it is tried, in a new pass. The choice depends on the card's text alone.
    const avoid = new Set<string>()
    const language = article.lang ?? options.site.language
    let svg: string
    let missing: Set<string>
    let wanted: Map<string, string>
    for (let pass = 1; ; pass++) {
      const selection = await fonts.fontsFor(text.runs, { avoid, language })
      missing = new Set(missingEmoji)
      wanted = selection.wanted
      svg = await drawSvg(tree, [...extraFonts, ...selection.fonts], graphemeImages, missing)
      const retry = [...missing].filter((char) => selection.chosen.has(char))
      if (retry.length === 0 || pass === MAX_PASSES) break
      for (const char of retry) avoid.add(`${selection.chosen.get(char)} ${char}`)
    }
    const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } })
      .render()
      .asPng()
    // A character an optional font package would draw names the package, once per package.
    const byPackage = new Map<string, string[]>()
    for (const [char, name] of wanted) byPackage.set(name, [...(byPackage.get(name) ?? []), char])
    const cardWarnings = [
      ...[...missing]
        .filter((character) => !wanted.has(character))
        .map((character) => glyphMissingWarning(article, character)),
      ...[...byPackage].map(([name, chars]) => fontMissingWarning(article, name, chars)),
    ].sort(compareWarnings)
    for (const warning of cardWarnings) {
      warnings.push(warning)
      options.onWarning?.(warning)
    }
    return {
      png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength),
      warnings: cardWarnings,
    }
  }

  /** Draws the SVG, adding to `missing` whatever satori finds no glyph or image for. */
  function drawSvg(
    tree: CardNode,
    cardFonts: SatoriFont[],
    graphemeImages: Record<string, string>,
    missing: Set<string>,
  ): Promise<string> {
    return satori(tree as Parameters<typeof satori>[0], {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      // Satori reads any typed array, though its types name only Buffer.
      fonts: cardFonts as SatoriOptions['fonts'],
      graphemeImages,
      // Satori asks for what none of the given fonts or images can draw: report it.
      loadAdditionalAsset: async (code, segment) => {
        if (code === 'emoji') {
          const image = await emoji.imageOf(segment)
          if (image) return image
          missing.add(segment)
          return []
        }
        for (const char of segment) if (!NEEDS_NO_GLYPH.test(char)) missing.add(char)
        return []
      },
    })
  }

  return {
    render: async (article) => (await renderWithWarnings(article)).png,
    renderWithWarnings,
    warnings,
  }
}

/**
 * Renders one article's social card: a 1200×630 PNG. Writing it to a file is the caller's
 * job. Fonts are loaded once per thread and kept for the next call.
 *
 * @example
 * const png = await renderCard(article, { site })
 * await writeFile(`dist/og/${article.slug}.png`, png)
 */
export function renderCard<TArticle extends CardArticle>(
  article: TArticle,
  options: CardOptions<TArticle>,
): Promise<Uint8Array> {
  return createCardRenderer(options).render(article)
}
