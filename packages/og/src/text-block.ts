import { type EmojiLibrary, isEmoji } from './emoji.ts'
import type { FontLibrary, FontSelection, SatoriFont } from './fonts.ts'
import { measureHeight } from './measure.ts'
import { layOutShapedText } from './shaped-text.ts'
import { loadShaper } from './shaper.ts'
import type { CardText, CardTextOptions } from './template.ts'
import { type CardTextElement, textDirection } from './tree.ts'

/** What laying out text blocks needs from the renderer, and what it tells it back. */
export interface TextBlockSetup {
  fonts: FontLibrary
  emoji: EmojiLibrary
  /** Fonts the caller passed, asked first. */
  extraFonts: readonly SatoriFont[]
  /** The card's language, which picks the CJK font for Han characters. */
  language: string
  /** The text colour when a block names none. */
  color: string
  /** `<subset> <char>` pairs found not to draw that character (see `FontLibrary`). */
  avoid: Set<string>
  /** Every font a block uses: the card is drawn with them too. */
  used: SatoriFont[]
  /** A character no font has. */
  onMissing(char: string): void
  /** A character only a font package that is not installed has. */
  onWanted(char: string, fontPackage: string): void
  /** Text that cannot be shaped (HarfBuzz did not load), left out of the card. */
  onUnshaped(text: string, cause: unknown): void
}

// Scripts whose letters take their shape from their neighbours or carry marks that need
// OpenType shaping, which satori does not do: it draws Arabic with wrong letters (ة as ه,
// ي as ى). A nonspacing mark anywhere (Hebrew points, a combining accent) needs it too.
const NEEDS_SHAPING =
  /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Mandaic}\p{Script=Mongolian}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Thai}\p{Script=Lao}\p{Script=Tibetan}\p{Script=Myanmar}\p{Script=Khmer}]|(?![\uFE00-\uFE0F\u{E0100}-\u{E01EF}])\p{Mn}/u
const NEEDS_NO_GLYPH = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Variation_Selector}]$/u
// Three CJK fonts may each claim a character; a fourth pass is never needed.
const MAX_PASSES = 4
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })

/** True for text satori cannot draw with the right letters. */
export function needsShaping(text: string): boolean {
  for (const { segment } of graphemes.segment(text)) {
    if (!isEmoji(segment) && NEEDS_SHAPING.test(segment)) return true
  }
  return false
}

/**
 * Creates the `text()` of a card's context: lays a text out at the largest of its sizes at
 * which it fits whole, measured with satori (or, for text that needs shaping, with HarfBuzz),
 * and only ends it in an ellipsis when even the smallest size does not hold it.
 */
export function createTextBlocks(setup: TextBlockSetup) {
  return async function text(content: string, options: CardTextOptions): Promise<CardText> {
    const sizes = options.sizes ?? [{ fontSize: options.fontSize ?? 16, lines: options.lines ?? 1 }]
    if (sizes.length === 0) throw new TypeError('text() needs at least one size.')
    const weight = options.fontWeight ?? 400
    const images: Record<string, string> = {}
    let plain = ''
    for (const { segment } of graphemes.segment(content)) {
      if (!isEmoji(segment)) plain += segment
      else {
        const image = await setup.emoji.imageOf(segment)
        if (image) images[segment] = image
      }
    }
    const direction = options.direction ?? textDirection(content)
    const block: Block = { content, plain, options, sizes, weight, images, direction }
    return needsShaping(plain) ? shapedBlock(setup, block) : satoriBlock(setup, block)
  }
}

interface Block {
  content: string
  /** The content without its emoji: what needs fonts. */
  plain: string
  options: CardTextOptions
  sizes: readonly { fontSize: number; lines: number }[]
  weight: number
  images: Record<string, string>
  direction: 'ltr' | 'rtl'
}

/** The fonts for a block's characters. */
function selectFonts(setup: TextBlockSetup, block: Block): Promise<FontSelection> {
  // The space brings in the primary font: satori lays nothing out without a font, not even
  // a title of emoji alone.
  return setup.fonts.fontsFor([{ text: `${block.plain} `, weight: block.weight }], {
    avoid: setup.avoid,
    language: setup.language,
  })
}

/** Reports the missing font packages, and (for text satori draws) the fonts to draw with. */
function useFonts(setup: TextBlockSetup, selection: FontSelection, drawn: boolean): void {
  for (const [char, name] of selection.wanted) setup.onWanted(char, name)
  if (!drawn) return
  for (const font of selection.fonts) if (!setup.used.includes(font)) setup.used.push(font)
}

async function satoriBlock(setup: TextBlockSetup, block: Block): Promise<CardText> {
  const { options, sizes } = block
  const lineHeight = options.lineHeight ?? 1.2
  const element = (
    fonts: readonly SatoriFont[],
    fontSize: number,
    lines: number,
    fits: boolean,
  ): CardTextElement => ({
    type: 'div',
    key: null,
    props: {
      dir: block.direction,
      style: {
        display: 'block',
        boxSizing: 'border-box',
        ...(sizes.some((size) => size.lines > 1) ? { width: options.width } : {}),
        maxWidth: options.width,
        // Every block names its own fonts, so the card draws it with exactly the measured ones.
        fontFamily: [...new Set(fonts.map((font) => font.name))]
          .map((name) => JSON.stringify(name))
          .join(', '),
        fontSize,
        fontWeight: block.weight,
        lineHeight,
        letterSpacing: `${options.letterSpacing ?? 0}em`,
        color: options.color ?? setup.color,
        overflowWrap: 'anywhere',
        // Satori's balanced wrapping narrows the lines before it clamps them, so balanced
        // text that fits must not be clamped: "BOM and CRLF line…" lost its last words.
        ...(fits && options.balance ? { textWrap: 'balance' } : { lineClamp: lines }),
        ...options.style,
      },
      children: block.content,
    },
  })
  const measure = async (fonts: SatoriFont[], fontSize: number) => {
    const missing = new Set<string>()
    const height = await measureHeight({
      element: element(fonts, fontSize, Number.MAX_SAFE_INTEGER, false),
      width: options.width,
      fonts,
      graphemeImages: block.images,
      onMissing: (char) => {
        if (!NEEDS_NO_GLYPH.test(char)) missing.add(char)
      },
    })
    return { lines: Math.max(1, Math.round(height / (fontSize * lineHeight))), missing }
  }

  const first = sizes[0] as { fontSize: number; lines: number }
  let selection = await selectFonts(setup, block)
  let fonts = [...setup.extraFonts, ...selection.fonts]
  if (sizes.length === 1 && !options.balance) {
    // Nothing to choose: satori clamps the text itself, so laying it out twice would only
    // cost time (a card has several such texts). A lying slice is retried when it is drawn.
    useFonts(setup, selection, true)
    return {
      node: element(fonts, first.fontSize, first.lines, false),
      fontSize: first.fontSize,
      lines: first.lines,
      fits: undefined,
      shaped: false,
    }
  }

  // A fontsource slice may list a code point it has no glyph for: the next font that lists
  // it is tried, as the card's own drawing does. Measuring the first size finds them.
  let measured = await measure(fonts, first.fontSize)
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    const retry = [...measured.missing].filter((char) => selection.chosen.has(char))
    if (retry.length === 0) break
    for (const char of retry) setup.avoid.add(`${selection.chosen.get(char)} ${char}`)
    selection = await selectFonts(setup, block)
    fonts = [...setup.extraFonts, ...selection.fonts]
    measured = await measure(fonts, first.fontSize)
  }
  useFonts(setup, selection, true)

  // The largest size at which the text fits whole; else the smallest, clamped.
  const last = sizes.at(-1) as { fontSize: number; lines: number }
  let chosen = { ...last, fits: false, used: last.lines }
  for (const [index, size] of sizes.entries()) {
    const { lines } = index === 0 ? measured : await measure(fonts, size.fontSize)
    if (lines <= size.lines) {
      chosen = { ...size, fits: true, used: lines }
      break
    }
  }
  return {
    node: element(fonts, chosen.fontSize, chosen.lines, chosen.fits),
    fontSize: chosen.fontSize,
    lines: chosen.used,
    fits: chosen.fits,
    shaped: false,
  }
}

async function shapedBlock(setup: TextBlockSetup, block: Block): Promise<CardText> {
  const { options, sizes } = block
  const selection = await selectFonts(setup, block)
  useFonts(setup, selection, false)
  const last = sizes.at(-1) as { fontSize: number; lines: number }
  let shaper: Awaited<ReturnType<typeof loadShaper>>
  try {
    shaper = await loadShaper()
  } catch (cause) {
    setup.onUnshaped(block.content, cause)
    const empty: CardTextElement = { type: 'div', key: null, props: { style: { display: 'flex' } } }
    return { node: empty, fontSize: last.fontSize, lines: 0, fits: false, shaped: true }
  }
  const extra = setup.extraFonts
  const input = {
    text: block.content,
    lineHeight: options.lineHeight ?? 1.2,
    width: options.width,
    direction: block.direction,
    balance: options.balance ?? false,
    fill: sizes.some((size) => size.lines > 1),
    color: options.color ?? setup.color,
    fontOf: (char: string) => {
      const codePoint = char.codePointAt(0) ?? 0
      const custom = extra.find((font) => shaper.has(font.data, codePoint))
      return (custom ?? selection.fontOf.get(`${char} ${block.weight}`))?.data
    },
    emojiOf: (grapheme: string) => block.images[grapheme],
  }
  let fontSize = last.fontSize
  let shaped: ReturnType<typeof layOutShapedText> | undefined
  for (const size of sizes) {
    shaped = layOutShapedText(shaper, { ...input, fontSize: size.fontSize, maxLines: size.lines })
    fontSize = size.fontSize
    if (shaped.fits) break
  }
  if (!shaped) throw new TypeError('text() needs at least one size.')
  for (const char of shaped.missing) setup.onMissing(char)
  // The image bleeds past the text's box, so that no mark is clipped; margins take it back.
  const style = options.style ?? {}
  const margin = (side: string) => {
    const base = style[`margin${side}`] ?? style.margin
    return (typeof base === 'number' ? base : 0) - shaped.bleed
  }
  const node: CardTextElement = {
    type: 'img',
    key: null,
    props: {
      src: `data:image/svg+xml;base64,${Buffer.from(shaped.svg).toString('base64')}`,
      width: shaped.width + 2 * shaped.bleed,
      height: shaped.height + 2 * shaped.bleed,
      style: {
        ...style,
        marginTop: margin('Top'),
        marginRight: margin('Right'),
        marginBottom: margin('Bottom'),
        marginLeft: margin('Left'),
      },
    },
  }
  return {
    node,
    fontSize,
    lines: shaped.lines.length,
    fits: shaped.fits,
    shaped: true,
    shown: shaped.lines,
  }
}
