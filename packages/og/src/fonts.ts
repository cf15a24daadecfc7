import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * A font for cards: TTF, OTF or WOFF data (satori also reads WOFF2). Pass the same `data`
 * object every time: satori parses each font once per object.
 */
export interface CardFont {
  /** The family name to use in a template's `fontFamily`. */
  name: string
  data: Uint8Array | ArrayBuffer
  /** @default 400 */
  weight?: 100 | 200 | 300 | 400 | 500 | 600 | 700 | 800 | 900
  /** @default 'normal' */
  style?: 'normal' | 'italic'
}

/** The family the default template and the first fallback use: Inter, from `@fontsource/inter`. */
export const PRIMARY_FONT_FAMILY = 'Inter'

/** One npm font package and the name its Latin subset is known by. */
interface FontPackage {
  /** The package name, such as `@fontsource/noto-sans-sc`. */
  package: string
  /** Its file prefix, such as `noto-sans-sc`. */
  id: string
  family: string
}

const LATIN: FontPackage = { package: '@fontsource/inter', id: 'inter', family: 'Inter' }
const CHINESE: FontPackage = {
  package: '@fontsource/noto-sans-sc',
  id: 'noto-sans-sc',
  family: 'Noto Sans SC',
}
const JAPANESE: FontPackage = {
  package: '@fontsource/noto-sans-jp',
  id: 'noto-sans-jp',
  family: 'Noto Sans JP',
}
const KOREAN: FontPackage = {
  package: '@fontsource/noto-sans-kr',
  id: 'noto-sans-kr',
  family: 'Noto Sans KR',
}
const ARABIC: FontPackage = {
  package: '@fontsource/noto-sans-arabic',
  id: 'noto-sans-arabic',
  family: 'Noto Sans Arabic',
}
const HEBREW: FontPackage = {
  package: '@fontsource/noto-sans-hebrew',
  id: 'noto-sans-hebrew',
  family: 'Noto Sans Hebrew',
}

/** Every font package cards may load, for the cache key. */
export const FONT_PACKAGES: readonly string[] = [LATIN, CHINESE, JAPANESE, KOREAN, ARABIC, HEBREW]
  .map((font) => font.package)
  .sort()

// Script, not Script_Extensions: CJK punctuation such as 。 extends to kana, but is Chinese too.
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u
const HANGUL = /\p{Script=Hangul}/u

/**
 * The order in which font packages are asked for a character. Han ideographs look different
 * in Japanese, Korean and Chinese fonts, so text with kana prefers the Japanese font and text
 * with Hangul the Korean one.
 */
function packageOrder(text: string): FontPackage[] {
  const cjk = KANA.test(text)
    ? [JAPANESE, CHINESE, KOREAN]
    : HANGUL.test(text)
      ? [KOREAN, CHINESE, JAPANESE]
      : [CHINESE, JAPANESE, KOREAN]
  return [LATIN, ARABIC, HEBREW, ...cjk]
}

/** One subset file of a fontsource package and the code points it covers. */
interface Subset {
  font: FontPackage
  /** `latin`, `arabic`, or a number for the slices of CJK fonts. */
  name: string
  /** Its position in the package's `unicode.json`. */
  index: number
  /** Sorted, non-overlapping [first, last] code point ranges. */
  ranges: [number, number][]
}

/** What a template writes at one weight: the characters that need a font. */
export interface TextRun {
  text: string
  weight: number
}

/** The fonts chosen for a card, and which subset was chosen for each character. */
export interface FontSelection {
  fonts: SatoriFont[]
  /** Character → `<package id>/<subset>` of the font chosen to draw it. */
  chosen: Map<string, string>
}

/** The fonts a card needs, found from its text, loaded from npm packages on first use. */
export interface FontLibrary {
  /**
   * Satori fonts for these runs of text, in a stable order; files are read once. `avoid`
   * holds `<subset> <character>` pairs found not to draw that character after all
   * (a fontsource `unicode-range` may list code points its slice has no glyph for).
   */
  fontsFor(runs: readonly TextRun[], avoid?: ReadonlySet<string>): Promise<FontSelection>
}

/** A font as satori takes it. */
export interface SatoriFont {
  name: string
  data: Uint8Array | ArrayBuffer
  weight?: CardFont['weight']
  style?: CardFont['style']
}

const require = createRequire(import.meta.url)

/**
 * Creates a library that loads fontsource subset files lazily: a card in English reads the
 * two Inter Latin files, a card in Japanese also reads the few slices of Noto Sans JP that
 * hold its characters. File data is kept, so each file is read and parsed once per thread.
 */
export function createFontLibrary(): FontLibrary {
  const subsets = new Map<FontPackage, Promise<Subset[]>>()
  const files = new Map<string, Promise<Uint8Array>>()

  function subsetsOf(font: FontPackage): Promise<Subset[]> {
    let loaded = subsets.get(font)
    if (!loaded) {
      loaded = readSubsets(font)
      subsets.set(font, loaded)
    }
    return loaded
  }

  function fileOf(subset: Subset, weight: number): Promise<Uint8Array> {
    const file = join(packageDir(subset.font.package), 'files', fileName(subset, weight))
    let data = files.get(file)
    if (!data) {
      data = readFile(file)
      files.set(file, data)
    }
    return data
  }

  return {
    async fontsFor(runs, avoid = new Set()) {
      const order = packageOrder(runs.map((run) => run.text).join(''))
      const needed = new Map<string, { subset: Subset; weights: Set<number> }>()
      const chosen = new Map<string, string>()
      for (const run of runs) {
        const weight = fileWeight(run.weight)
        for (const char of new Set(run.text)) {
          const subset = await findSubset(orderFor(char, order), char, avoid, subsetsOf)
          if (!subset) continue
          const key = subsetKey(subset)
          chosen.set(char, key)
          const entry = needed.get(key) ?? { subset, weights: new Set<number>() }
          entry.weights.add(weight)
          needed.set(key, entry)
        }
      }
      // Fallback order follows the package order, then fontsource's order: never the text's.
      const rank = (subset: Subset) => order.indexOf(subset.font) * 1000 + subset.index
      const entries = [...needed.values()].sort((a, b) => rank(a.subset) - rank(b.subset))
      const fonts: SatoriFont[] = []
      for (const { subset, weights } of entries) {
        for (const weight of [...weights].sort((a, b) => a - b)) {
          fonts.push({
            name: fontName(subset),
            data: await fileOf(subset, weight),
            weight: weight as CardFont['weight'],
            style: 'normal',
          })
        }
      }
      return { fonts, chosen }
    },
  }
}

const KANA_CHAR = /^[\p{Script=Hiragana}\p{Script=Katakana}]$/u
const HANGUL_CHAR = /^\p{Script=Hangul}$/u

/** Kana are asked of the Japanese font first, Hangul of the Korean one, whatever the text. */
function orderFor(char: string, order: FontPackage[]): FontPackage[] {
  const first = KANA_CHAR.test(char) ? JAPANESE : HANGUL_CHAR.test(char) ? KOREAN : undefined
  return first ? [first, ...order.filter((font) => font !== first)] : order
}

async function findSubset(
  order: FontPackage[],
  char: string,
  avoid: ReadonlySet<string>,
  subsetsOf: (font: FontPackage) => Promise<Subset[]>,
): Promise<Subset | undefined> {
  const codePoint = char.codePointAt(0) ?? 0
  for (const font of order) {
    for (const subset of await subsetsOf(font)) {
      if (covers(subset.ranges, codePoint) && !avoid.has(`${subsetKey(subset)} ${char}`)) {
        return subset
      }
    }
  }
  return undefined
}

function subsetKey(subset: Subset): string {
  return `${subset.font.id}/${subset.name}`
}

/** The Latin subset of the primary font keeps the family name, so `fontFamily: 'Inter'` works. */
function fontName(subset: Subset): string {
  return subset.font === LATIN && subset.name === 'latin'
    ? LATIN.family
    : `${subset.font.family} ${subset.name}`
}

function fileName(subset: Subset, weight: number): string {
  return `${subset.font.id}-${subset.name}-${weight}-normal.woff`
}

/** fontsource ships weights 100 to 900 in steps of 100. */
function fileWeight(weight: number): number {
  return Math.min(900, Math.max(100, Math.round(weight / 100) * 100))
}

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`))
}

async function readSubsets(font: FontPackage): Promise<Subset[]> {
  const text = await readFile(join(packageDir(font.package), 'unicode.json'), 'utf8')
  const table = JSON.parse(text) as Record<string, string>
  return Object.entries(table).map(([key, ranges], index) => ({
    font,
    name: key.replace(/^\[(\d+)\]$/, '$1'),
    index,
    ranges: parseUnicodeRange(ranges),
  }))
}

/** Parses a CSS `unicode-range` such as `U+0000-00FF,U+0131` into sorted ranges. */
export function parseUnicodeRange(value: string): [number, number][] {
  return value
    .split(',')
    .map((part): [number, number] => {
      const [first = '', last = first] = part.trim().replace(/^U\+/i, '').split('-')
      return [Number.parseInt(first, 16), Number.parseInt(last, 16)]
    })
    .filter(([first, last]) => Number.isFinite(first) && Number.isFinite(last))
    .sort((a, b) => a[0] - b[0])
}

function covers(ranges: [number, number][], codePoint: number): boolean {
  let low = 0
  let high = ranges.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const range = ranges[middle] as [number, number]
    if (codePoint < range[0]) high = middle - 1
    else if (codePoint > range[1]) low = middle + 1
    else return true
  }
  return false
}
