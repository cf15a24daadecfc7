import { articleLanguage } from '@dawnpress/core'
import type { CardArticle } from './article.ts'
import { CARD_HEIGHT, CARD_WIDTH, createContext, readLogo, resolveColors } from './context.ts'
import { defaultTemplate } from './default-template.tsx'
import { createEmojiLibrary, type EmojiLibrary } from './emoji.ts'
import {
  type CardFont,
  createFontLibrary,
  type FontLibrary,
  PRIMARY_FONT_FAMILY,
  type SatoriFont,
} from './fonts.ts'
import { type SatoriOptions, satori } from './satori.ts'
import type { CardSite, CardTemplate, CardText, CardTextOptions } from './template.ts'
import { createTextBlocks, needsShaping } from './text-block.ts'
import { type CardNode, collectText, expandTree } from './tree.ts'
import {
  type CardWarning,
  compareWarnings,
  fontMissingWarning,
  glyphMissingWarning,
  textUnshapedWarning,
} from './warnings.ts'

/** What a drawer needs: the options of a renderer. */
export interface DrawOptions<TArticle extends CardArticle> {
  site: CardSite
  template?: CardTemplate<TArticle> | undefined
  fonts?: readonly CardFont[] | undefined
  siteDir?: string | undefined
}

/** A card as satori drew it. */
export interface DrawnCard {
  svg: string
  warnings: CardWarning[]
  /** Every text the template laid out with `context.text()`, in order. */
  texts: { content: string; text: CardText }[]
  /** The element tree satori drew, the template's with its texts laid out. */
  tree: CardNode
}

/** What tests may replace. */
export interface DrawSetup {
  /** @default one library per thread, resolving packages from node_modules */
  fonts?: FontLibrary | undefined
}

// Whitespace, controls, joiners and variation selectors need no glyph of their own.
const NEEDS_NO_GLYPH = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Variation_Selector}]$/u
// Three CJK fonts may each claim a character; a fourth pass is never needed.
const MAX_PASSES = 4

let sharedFonts: FontLibrary | undefined
let sharedEmoji: EmojiLibrary | undefined

/**
 * Creates the function that draws a card as SVG with satori. Font and emoji files are
 * shared by every drawer in a thread and read on first use. `embedFont: false` keeps text
 * as `<text>` elements (for tests that read the layout); cards are drawn with outlines.
 */
export function createCardDrawer<TArticle extends CardArticle>(
  options: DrawOptions<TArticle>,
  setup: DrawSetup = {},
): (article: TArticle, drawing?: { embedFont?: boolean }) => Promise<DrawnCard> {
  sharedFonts ??= createFontLibrary()
  sharedEmoji ??= createEmojiLibrary()
  const fonts = setup.fonts ?? sharedFonts
  const emoji = sharedEmoji
  const template = (options.template ?? defaultTemplate) as CardTemplate<TArticle>
  const extraFonts: SatoriFont[] = (options.fonts ?? []).map((font) => ({ ...font }))
  const fontFamily = options.fonts?.[0]?.name ?? PRIMARY_FONT_FAMILY
  let logo: Promise<string | undefined> | undefined

  return async function draw(article, { embedFont = true } = {}) {
    logo ??= readLogo(options.site, options.siteDir ?? process.cwd())
    const language = articleLanguage(article, options.site)
    const avoid = new Set<string>()
    const used: SatoriFont[] = []
    const missing = new Set<string>()
    const wanted = new Map<string, string[]>()
    const unshaped: CardWarning[] = []
    const want = (char: string, fontPackage: string) => {
      const chars = wanted.get(fontPackage) ?? []
      if (!chars.includes(char)) chars.push(char)
      wanted.set(fontPackage, chars)
    }
    const texts: DrawnCard['texts'] = []
    const layOut = createTextBlocks({
      fonts,
      emoji,
      extraFonts,
      language,
      color: resolveColors(options.site).foreground,
      avoid,
      used,
      onMissing: (char) => missing.add(char),
      onWanted: want,
      onUnshaped: (content) =>
        unshaped.push(textUnshapedWarning(article, firstToShape(content), 'shaper')),
    })
    const text = async (content: string, textOptions: CardTextOptions) => {
      const laidOut = await layOut(content, textOptions)
      texts.push({ content, text: laidOut })
      return laidOut
    }
    const context = createContext(article, options.site, await logo, { fontFamily, text })
    let tree = await expandTree(template(article, context))
    let { runs, emoji: graphemes } = collectText(tree)
    const raw = runs.map((run) => run.text).join('')
    if (template !== defaultTemplate && needsShaping(raw)) {
      // Satori would draw these letters wrong: draw the default card, which shapes its text.
      unshaped.push(textUnshapedWarning(article, firstToShape(raw), 'template'))
      tree = await expandTree(defaultTemplate(article, context))
      ;({ runs, emoji: graphemes } = collectText(tree))
    }

    const graphemeImages: Record<string, string> = {}
    for (const grapheme of graphemes) {
      const image = await emoji.imageOf(grapheme)
      if (image) graphemeImages[grapheme] = image
      else missing.add(grapheme)
    }
    // A fontsource slice may list a code point it has no glyph for: then the next font that
    // lists it is tried, in a new pass. The choice depends on the card's text alone.
    let svg = ''
    for (let pass = 1; ; pass++) {
      const selection = await fonts.fontsFor(runs, { avoid, language })
      const drawnMissing = new Set<string>()
      const cardFonts = unique([...extraFonts, ...used, ...selection.fonts])
      svg = await drawSvg(tree, cardFonts, graphemeImages, drawnMissing, embedFont)
      const retry = [...drawnMissing].filter((char) => selection.chosen.has(char))
      if (retry.length === 0 || pass === MAX_PASSES) {
        for (const char of drawnMissing) if (!selection.wanted.has(char)) missing.add(char)
        for (const [char, name] of selection.wanted) want(char, name)
        break
      }
      for (const char of retry) avoid.add(`${selection.chosen.get(char)} ${char}`)
    }

    const wantedChars = new Set([...wanted.values()].flat())
    const warnings = [
      ...[...missing]
        .filter((char) => !wantedChars.has(char))
        .map((char) => glyphMissingWarning(article, char)),
      ...[...wanted].map(([name, chars]) => fontMissingWarning(article, name, chars)),
      ...unshaped,
    ].sort(compareWarnings)
    return { svg, warnings, texts, tree }
  }

  /** Draws the SVG, adding to `missing` whatever satori finds no glyph or image for. */
  function drawSvg(
    tree: CardNode,
    cardFonts: SatoriFont[],
    graphemeImages: Record<string, string>,
    missing: Set<string>,
    embedFont: boolean,
  ): Promise<string> {
    return satori(tree as Parameters<typeof satori>[0], {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      // Satori reads any typed array, though its types name only Buffer.
      fonts: cardFonts as SatoriOptions['fonts'],
      graphemeImages,
      embedFont,
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
}

/** Fonts without repeats (the same file at the same weight), in their first order. */
function unique(fonts: SatoriFont[]): SatoriFont[] {
  const seen = new Set<string>()
  return fonts.filter((font) => {
    const key = `${font.name} ${font.weight ?? 400} ${font.style ?? 'normal'}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The first character of a text that needs shaping, for the warning to point at. */
function firstToShape(text: string): string {
  for (const char of text) if (needsShaping(char)) return char
  return text.slice(0, 1)
}
