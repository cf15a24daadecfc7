/**
 * Line breaking for shaped text, measured with HarfBuzz: graphemes, the words they make
 * (with their trailing spaces), greedy and balanced lines, and the ellipsis of a clamp.
 */
import { isEmoji } from './emoji.ts'
import type { Shaper } from './shaper.ts'

/** The fonts of a text's characters, and the images of its emoji. */
export interface ClusterSources {
  /** The font data to draw a character with, or undefined when no font has it. */
  fontOf(char: string): Uint8Array | ArrayBuffer | undefined
  /** The `data:` URL of an emoji's image, or undefined. */
  emojiOf(grapheme: string): string | undefined
}

/** A grapheme and what draws it. */
export interface Cluster {
  text: string
  start: number
  end: number
  font: Uint8Array | ArrayBuffer | undefined
  emoji: string | undefined
  space: boolean
}

/** A word and the spaces after it: where a line may break. */
export interface Token {
  clusters: Cluster[]
  /** Width without trailing spaces. */
  width: number
  /** Width of the trailing spaces. */
  trailing: number
}

const ELLIPSIS = '…'
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })
const SPACE = /^\s+$/u
const STRONG_RTL =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u
// Ideographs and kana may break anywhere, as in a browser.
const BREAKS_ANYWHERE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u

/** The graphemes of a text; those no font has go into `missing`. */
export function splitClusters(
  text: string,
  input: ClusterSources,
  missing: Set<string>,
): Cluster[] {
  const clusters: Cluster[] = []
  for (const { segment, index } of graphemes.segment(text)) {
    const space = SPACE.test(segment)
    const emoji = isEmoji(segment) ? input.emojiOf(segment) : undefined
    const base = String.fromCodePoint(segment.codePointAt(0) ?? 32)
    const font = emoji ? undefined : input.fontOf(base)
    if (!font && !emoji && !space) missing.add(segment)
    clusters.push({ text: segment, start: index, end: index + segment.length, font, emoji, space })
  }
  return clusters
}

/** Words with their trailing spaces; text that breaks anywhere is a word per character. */
export function tokenize(
  text: string,
  clusters: Cluster[],
  widthOf: (text: string, clusters: Cluster[]) => number,
): Token[] {
  const tokens: Token[] = []
  let word: Cluster[] = []
  let spaces: Cluster[] = []
  const flush = () => {
    if (word.length === 0 && spaces.length === 0) return
    const wordText = text.slice(word[0]?.start ?? 0, word.at(-1)?.end ?? 0)
    const spaceText = spaces.map((cluster) => cluster.text).join('')
    tokens.push({
      clusters: [...word, ...spaces],
      width: word.length > 0 ? widthOf(wordText, rebase(word)) : 0,
      trailing: spaces.length > 0 ? widthOf(spaceText, rebase(spaces)) : 0,
    })
    word = []
    spaces = []
  }
  for (const cluster of clusters) {
    if (cluster.space) spaces.push(cluster)
    else {
      if (spaces.length > 0 || BREAKS_ANYWHERE.test(cluster.text)) flush()
      word.push(cluster)
      if (BREAKS_ANYWHERE.test(cluster.text)) flush()
    }
  }
  flush()
  return tokens
}

/** Clusters re-indexed from 0, for measuring their text on its own. */
function rebase(clusters: Cluster[]): Cluster[] {
  const offset = clusters[0]?.start ?? 0
  return clusters.map((cluster) => ({
    ...cluster,
    start: cluster.start - offset,
    end: cluster.end - offset,
  }))
}

/** Greedy line breaking, as browsers do; a word wider than a line is broken anywhere. */
export function breakLines(tokens: Token[], width: number): Token[][] {
  const lines: Token[][] = []
  let line: Token[] = []
  let used = 0
  for (const token of tokens) {
    if (line.length > 0 && used + token.width > width + 0.01) {
      lines.push(line)
      line = []
      used = 0
    }
    if (line.length === 0 && token.width > width + 0.01 && token.clusters.length > 1) {
      // overflow-wrap: anywhere, one grapheme at a time.
      const share = token.width / token.clusters.length
      for (const cluster of token.clusters) {
        if (line.length > 0 && used + share > width + 0.01) {
          lines.push(line)
          line = []
          used = 0
        }
        line.push({ clusters: [cluster], width: cluster.space ? 0 : share, trailing: 0 })
        used += share
      }
      continue
    }
    line.push(token)
    used += token.width + token.trailing
  }
  if (line.length > 0) lines.push(line)
  return lines
}

export function textOf(tokens: Token[]): string {
  return tokens.flatMap((token) => token.clusters.map((cluster) => cluster.text)).join('')
}

/**
 * The first lines, the last of them cut after the most words that leave room for an
 * ellipsis (after the most graphemes, when not even one word does).
 */
export function clamp(
  lines: Token[][],
  input: { width: number; maxLines: number },
  widthOf: (text: string) => number,
): string[] {
  const kept = lines.slice(0, input.maxLines - 1).map((line) => textOf(line).trimEnd())
  const rest = lines.slice(input.maxLines - 1).flat()
  const withEllipsis = (text: string) => `${text.trimEnd()}${ELLIPSIS}`
  const fitsLine = (text: string) => widthOf(withEllipsis(text)) <= input.width + 0.01
  const words = longestPrefix(rest.length, (count) => fitsLine(textOf(rest.slice(0, count))))
  if (words > 0) {
    kept.push(withEllipsis(textOf(rest.slice(0, words))))
    return kept
  }
  const clusters = rest.flatMap((token) => token.clusters)
  const text = (count: number) =>
    clusters
      .slice(0, count)
      .map((cluster) => cluster.text)
      .join('')
  kept.push(withEllipsis(text(longestPrefix(clusters.length, (count) => fitsLine(text(count))))))
  return kept
}

/** The largest `count` in 0..`max` for which `fits(count)` holds, by bisection. */
function longestPrefix(max: number, fits: (count: number) => boolean): number {
  let low = 0
  let high = max
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (fits(middle)) low = middle
    else high = middle - 1
  }
  return low
}

/** The width of a text in its fonts: the sum of its shaped runs' advances. */
export function measure(
  shaper: Shaper,
  text: string,
  clusters: Cluster[],
  fontSize: number,
): number {
  let width = 0
  for (const run of logicalRuns(clusters)) {
    if (run.emoji) width += fontSize
    else if (run.font) {
      const direction = STRONG_RTL.test(text.slice(run.start, run.end)) ? 'rtl' : 'ltr'
      const glyphs = shaper.shape(text, run, run.font, fontSize, direction) ?? []
      for (const glyph of glyphs) width += glyph.advance
    }
  }
  return width
}

/** Neighbouring graphemes in one font (or one emoji), by their place in the text. */
export interface Run {
  start: number
  end: number
  font: Uint8Array | ArrayBuffer | undefined
  emoji: string | undefined
}

/** Neighbouring clusters in one font, in logical order. */
export function logicalRuns(clusters: Cluster[]): Run[] {
  const runs: Run[] = []
  for (const cluster of clusters) {
    const last = runs.at(-1)
    if (
      last &&
      !cluster.emoji &&
      !last.emoji &&
      last.font === cluster.font &&
      last.end === cluster.start
    ) {
      last.end = cluster.end
    } else {
      runs.push({
        start: cluster.start,
        end: cluster.end,
        font: cluster.font,
        emoji: cluster.emoji,
      })
    }
  }
  return runs
}

/**
 * Lines as even as they can be on as many lines: the narrowest width at which greedy
 * breaking still needs no more lines, found by bisection (as satori's `textWrap: balance`).
 */
export function balanceLines(tokens: Token[], width: number, lines: Token[][]): Token[][] {
  let low = 0
  let high = width
  while (high - low > 0.5) {
    const middle = (low + high) / 2
    if (breakLines(tokens, middle).length > lines.length) low = middle
    else high = middle
  }
  return breakLines(tokens, high)
}
