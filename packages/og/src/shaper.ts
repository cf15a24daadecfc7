import type * as HarfBuzz from 'harfbuzzjs'
import { toSfnt } from './woff.ts'

/** One glyph of a shaped run, in pixels from the run's start on the baseline. */
export interface ShapedGlyph {
  /** The glyph's id in its font. */
  glyph: number
  /** Offset of the glyph's origin from the pen position. */
  x: number
  y: number
  /** How far the pen moves after it. */
  advance: number
  /** The index in the run's text of the character the glyph comes from. */
  cluster: number
}

/** Vertical metrics of a font, in pixels at the size asked for. */
export interface FontMetrics {
  ascender: number
  /** Below the baseline, as a positive number. */
  descender: number
}

/** Shapes text with HarfBuzz: the glyphs and positions OpenType fonts ask for. */
export interface Shaper {
  /**
   * Shapes the run `text.slice(start, end)` in one font and one direction, with the rest of
   * `text` as context (so letters join across the run's ends). The glyphs come in visual
   * order, left to right, also for a right-to-left run; clusters index `text`. Undefined
   * for font data HarfBuzz cannot read (WOFF2).
   */
  shape(
    text: string,
    range: { start: number; end: number },
    data: Uint8Array | ArrayBuffer,
    fontSize: number,
    direction: 'ltr' | 'rtl',
  ): ShapedGlyph[] | undefined
  /** Whether the font has a glyph for a code point. */
  has(data: Uint8Array | ArrayBuffer, codePoint: number): boolean
  /** A glyph's outline as SVG path data, scaled to `fontSize` and placed at (x, y). */
  outline(
    data: Uint8Array | ArrayBuffer,
    glyph: number,
    fontSize: number,
    x: number,
    y: number,
  ): string
  metrics(data: Uint8Array | ArrayBuffer, fontSize: number): FontMetrics
}

interface LoadedFont {
  font: HarfBuzz.Font
  upem: number
  ascender: number
  descender: number
  outlines: Map<number, HarfBuzz.SvgPathCommand[]>
}

// harfbuzzjs is an ES module with a top-level await (it instantiates its WebAssembly on
// import), so it is loaded with import() and only when a card has text satori cannot
// shape. The name is not a literal so that bundlers leave the import alone: the CommonJS
// build cannot bundle a module with a top-level await, and import() works from CommonJS.
const HARFBUZZ = 'harfbuzzjs'
let loading: Promise<Shaper> | undefined

/** The shaper of this thread, loading HarfBuzz's WebAssembly (about 450 KB) on first use. */
export function loadShaper(): Promise<Shaper> {
  loading ??= (import(HARFBUZZ) as Promise<typeof HarfBuzz>).then(createShaper)
  return loading
}

function createShaper(hb: typeof HarfBuzz): Shaper {
  const fonts = new WeakMap<object, LoadedFont | null>()

  function load(data: Uint8Array | ArrayBuffer): LoadedFont | undefined {
    const cached = fonts.get(data)
    if (cached !== undefined) return cached ?? undefined
    const sfnt = toSfnt(data instanceof Uint8Array ? data : new Uint8Array(data))
    let loaded: LoadedFont | null = null
    if (sfnt) {
      const face = new hb.Face(new hb.Blob(sfnt), 0)
      const font = new hb.Font(face)
      const extents = font.hExtents()
      loaded = {
        font,
        upem: face.upem,
        ascender: extents.ascender,
        descender: -extents.descender,
        outlines: new Map(),
      }
    }
    fonts.set(data, loaded)
    return loaded ?? undefined
  }

  return {
    shape(text, range, data, fontSize, direction) {
      const loaded = load(data)
      if (!loaded) return undefined
      const scale = fontSize / loaded.upem
      const buffer = new hb.Buffer()
      buffer.addText(text, range.start, range.end - range.start)
      buffer.guessSegmentProperties()
      buffer.setDirection(direction === 'rtl' ? hb.Direction.RTL : hb.Direction.LTR)
      hb.shape(loaded.font, buffer)
      return buffer.getGlyphInfosAndPositions().map((info) => ({
        glyph: info.codepoint,
        x: (info.xOffset ?? 0) * scale,
        y: (info.yOffset ?? 0) * scale,
        advance: (info.xAdvance ?? 0) * scale,
        cluster: info.cluster,
      }))
    },
    has(data, codePoint) {
      const loaded = load(data)
      return loaded !== undefined && (loaded.font.nominalGlyph(codePoint) ?? 0) !== 0
    },
    outline(data, glyph, fontSize, x, y) {
      const loaded = load(data)
      if (!loaded) return ''
      let commands = loaded.outlines.get(glyph)
      if (!commands) {
        commands = loaded.font.glyphToJson(glyph)
        loaded.outlines.set(glyph, commands)
      }
      const scale = fontSize / loaded.upem
      let path = ''
      for (const { type, values } of commands) {
        path += type
        for (let index = 0; index + 1 < values.length; index += 2) {
          const px = x + (values[index] as number) * scale
          const py = y - (values[index + 1] as number) * scale
          path += `${index > 0 ? ' ' : ''}${round(px)} ${round(py)}`
        }
      }
      return path
    },
    metrics(data, fontSize) {
      const loaded = load(data)
      if (!loaded) return { ascender: fontSize * 0.9, descender: fontSize * 0.25 }
      const scale = fontSize / loaded.upem
      return { ascender: loaded.ascender * scale, descender: loaded.descender * scale }
    },
  }
}

/** Two decimals are a hundredth of a pixel: more only makes the SVG larger. */
function round(value: number): string {
  return String(Math.round(value * 100) / 100)
}
