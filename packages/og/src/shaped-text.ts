import bidiFactory from 'bidi-js'
import type { Shaper } from './shaper.ts'
import {
  balanceLines,
  breakLines,
  type Cluster,
  type ClusterSources,
  clamp,
  measure,
  type Run,
  splitClusters,
  textOf,
  tokenize,
} from './text-lines.ts'

/**
 * Text that satori would draw with wrong letters (Arabic, whose joined forms and dots need
 * OpenType's substitutions and mark positioning), laid out and shaped here instead: lines
 * broken at spaces, each line put in visual order with the Unicode Bidirectional Algorithm,
 * shaped with HarfBuzz and drawn as glyph outlines in an SVG image that the card shows in
 * place of the text.
 */
export interface ShapedTextInput extends ClusterSources {
  text: string
  fontSize: number
  /** A multiple of `fontSize`, as in CSS. */
  lineHeight: number
  /** The widest a line may be, in pixels. */
  width: number
  /** The most lines; more text ends the last line with an ellipsis. */
  maxLines: number
  /** The paragraph's direction: a right-to-left text is aligned right. */
  direction: 'ltr' | 'rtl'
  /** Even out the line lengths (when the text fits). */
  balance: boolean
  /** Make the image `width` wide (for a block), rather than as wide as its longest line. */
  fill: boolean
  color: string
}

/** A run of one direction and font, as drawn. */
export interface VisualRun {
  /** Its characters, in logical order. */
  text: string
  /** From the image's left edge, in pixels. */
  x: number
  width: number
  rtl: boolean
}

/** Shaped text, ready to be drawn. */
export interface ShapedText {
  /**
   * An SVG document of the text's outlines, `bleed` larger than the text's box on every side:
   * Arabic letters reach above and below a tight line box (the dots under a last ي), and a
   * box that clipped them would cut them off. Place it with negative margins of `bleed`.
   */
  svg: string
  /** The text's box: the width its lines take (or `width`, to fill) and its lines' height. */
  width: number
  height: number
  bleed: number
  /** The text of each line as shown, the ellipsis included. */
  lines: string[]
  /** False when the text needed more than `maxLines` lines and ends in an ellipsis. */
  fits: boolean
  /** Each line's runs, left to right as drawn, with their place in the line. */
  runs: VisualRun[][]
  /** Characters no font could draw. */
  missing: Set<string>
}

let bidi: ReturnType<typeof bidiFactory> | undefined

function loadBidi(): ReturnType<typeof bidiFactory> {
  bidi ??= bidiFactory()
  return bidi
}

/** Breaks, clamps, orders and shapes a text: see `ShapedTextInput`. */
export function layOutShapedText(shaper: Shaper, input: ShapedTextInput): ShapedText {
  const missing = new Set<string>()
  const clustersOf = (text: string) => splitClusters(text, input, missing)
  const widthOf = (text: string, clusters: Cluster[]) =>
    measure(shaper, text, clusters, input.fontSize)
  const tokens = tokenize(input.text, clustersOf(input.text), widthOf)

  let lines = breakLines(tokens, input.width)
  const fits = lines.length <= input.maxLines
  if (fits && input.balance && lines.length > 1) lines = balanceLines(tokens, input.width, lines)
  const texts = fits
    ? lines.map((line) => textOf(line).trimEnd())
    : clamp(lines, input, (text) => widthOf(text, clustersOf(text)))

  const ubidi = loadBidi()
  const { fontSize } = input
  const lineBox = fontSize * input.lineHeight
  const drawn = texts.map((text) => drawLine(shaper, ubidi, text, clustersOf(text), input, missing))
  const widest = Math.max(0, ...drawn.map((line) => line.width))
  const width = Math.ceil(input.fill ? input.width : Math.min(input.width, widest))
  const height = Math.ceil(lineBox * texts.length)
  const bleed = Math.ceil(fontSize / 2)
  let body = ''
  for (const [index, line] of drawn.entries()) {
    const left = bleed + (input.direction === 'rtl' ? width - line.width : 0)
    const top = bleed + index * lineBox
    body += line.render(left, top, lineBox)
  }
  const [outerWidth, outerHeight] = [width + 2 * bleed, height + 2 * bleed]
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${outerWidth}" height="${outerHeight}" viewBox="0 0 ${outerWidth} ${outerHeight}"><g fill="${escapeAttribute(input.color)}">${body}</g></svg>`
  const runs = drawn.map((line) => {
    const left = input.direction === 'rtl' ? width - line.width : 0
    return line.runs.map((run) => ({ ...run, x: run.x + left }))
  })
  return { svg, width, height, bleed, lines: texts, fits, runs, missing }
}

interface DrawnLine {
  width: number
  runs: VisualRun[]
  render(left: number, top: number, lineBox: number): string
}

/** One line in visual order: runs of one direction and font, each shaped on its own. */
function drawLine(
  shaper: Shaper,
  bidi: ReturnType<typeof bidiFactory>,
  text: string,
  clusters: Cluster[],
  input: ShapedTextInput,
  missing: Set<string>,
): DrawnLine {
  const { fontSize } = input
  const levels = bidi.getEmbeddingLevels(text, input.direction)
  const order = Array.from(text, (_, index) => index)
  for (const [start, end] of bidi.getReorderSegments(text, levels)) {
    const flipped = order.slice(start, end + 1).reverse()
    order.splice(start, flipped.length, ...flipped)
  }
  const clusterAt = new Map<number, Cluster>()
  for (const cluster of clusters)
    for (let at = cluster.start; at < cluster.end; at++) clusterAt.set(at, cluster)
  const visual = new Set<Cluster>()
  for (const index of order) {
    const cluster = clusterAt.get(index)
    if (cluster) visual.add(cluster)
  }

  // Runs in visual order: neighbours of one level and font that are neighbours in the text too.
  const runs: (Run & { rtl: boolean })[] = []
  for (const cluster of visual) {
    const rtl = ((levels.levels[cluster.start] ?? 0) & 1) === 1
    const last = runs.at(-1)
    const adjacent = last && (rtl ? cluster.end === last.start : cluster.start === last.end)
    if (
      last &&
      adjacent &&
      last.rtl === rtl &&
      !last.emoji &&
      !cluster.emoji &&
      last.font === cluster.font
    ) {
      if (rtl) last.start = cluster.start
      else last.end = cluster.end
    } else {
      runs.push({
        start: cluster.start,
        end: cluster.end,
        font: cluster.font,
        emoji: cluster.emoji,
        rtl,
      })
    }
  }

  const pieces: { x: number; run: (typeof runs)[number]; glyphs: ReturnType<Shaper['shape']> }[] =
    []
  let x = 0
  for (const run of runs) {
    if (run.emoji) {
      pieces.push({ x, run, glyphs: undefined })
      x += fontSize
      continue
    }
    if (!run.font) continue
    const glyphs = shaper.shape(text, run, run.font, fontSize, run.rtl ? 'rtl' : 'ltr') ?? []
    // Glyph 0 is the font's empty box: a slice that lists a character it has no glyph for.
    for (const glyph of glyphs)
      if (glyph.glyph === 0) missing.add(clusterAt.get(glyph.cluster)?.text ?? '')
    pieces.push({ x, run, glyphs })
    for (const glyph of glyphs) x += glyph.advance
  }
  const width = x
  const visualRuns = pieces.map(({ x: start, run }, index) => ({
    text: text.slice(run.start, run.end),
    x: start,
    width: (pieces[index + 1]?.x ?? width) - start,
    rtl: run.rtl,
  }))

  return {
    width,
    runs: visualRuns,
    render(left, top, lineBox) {
      let svg = ''
      for (const { x: start, run, glyphs } of pieces) {
        if (run.emoji) {
          const y = top + (lineBox - fontSize) / 2
          svg += placeEmoji(run.emoji, left + start, y, fontSize)
          continue
        }
        const font = run.font as Uint8Array | ArrayBuffer
        const metrics = shaper.metrics(font, fontSize)
        const baseline =
          top + (lineBox - metrics.ascender - metrics.descender) / 2 + metrics.ascender
        let pen = left + start
        for (const glyph of glyphs ?? []) {
          if (glyph.glyph !== 0) {
            const d = shaper.outline(font, glyph.glyph, fontSize, pen + glyph.x, baseline - glyph.y)
            if (d) svg += `<path d="${d}"/>`
          }
          pen += glyph.advance
        }
      }
      return svg
    },
  }
}

const SVG_DATA = 'data:image/svg+xml;base64,'

/**
 * An emoji image at (x, y), `size` square. resvg draws no `<image>` inside an SVG that is
 * itself an image, so a Twemoji SVG is nested as an `<svg>` element (it is this package's
 * own dependency's file, never the author's); another image stays an `<image>`.
 */
function placeEmoji(image: string, x: number, y: number, size: number): string {
  const box = `x="${round(x)}" y="${round(y)}" width="${size}" height="${size}"`
  if (!image.startsWith(SVG_DATA)) return `<image href="${image}" ${box}/>`
  const svg = Buffer.from(image.slice(SVG_DATA.length), 'base64')
    .toString('utf8')
    .replace(/<\?xml[^>]*>/, '')
    .trim()
  return svg.replace(/^<svg\b[^>]*>/, (tag) =>
    tag.replace(/\s(?:width|height)="[^"]*"/g, '').replace('<svg', `<svg ${box}`),
  )
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100)
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}
