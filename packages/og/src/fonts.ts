import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  type FontPackage,
  LATIN,
  orderFor,
  packageDir,
  packageOrder,
  wantedPackage,
} from './font-packages.ts'

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

/** One subset file of a fontsource package and the code points it covers. */
interface Subset {
  font: FontPackage
  /** `latin`, `arabic`, or a number for the slices of CJK fonts. */
  name: string
  /** Its position in the package's `unicode.json`. */
  index: number
  /** Sorted, non-overlapping [first, last] code point ranges. */
  ranges: [number, number][]
  /** The installed package's folder. */
  dir: string
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
  /**
   * Character → the optional font package (not installed) that would draw it, for the
   * characters no installed font has.
   */
  wanted: Map<string, string>
  /** Character and weight (`<char> <weight>`) → the font chosen for it, for shaping. */
  fontOf: Map<string, SatoriFont>
}

/** The fonts a card needs, found from its text, loaded from npm packages on first use. */
export interface FontLibrary {
  /**
   * Satori fonts for these runs of text, in a stable order; files are read once. `avoid`
   * holds `<subset> <character>` pairs found not to draw that character after all
   * (a fontsource `unicode-range` may list code points its slice has no glyph for).
   */
  fontsFor(
    runs: readonly TextRun[],
    options?: { avoid?: ReadonlySet<string> | undefined; language?: string | undefined },
  ): Promise<FontSelection>
}

/** How a library finds font packages; tests replace it to act as if one were missing. */
export interface FontLibraryOptions {
  /** The folder of an installed package, or undefined. @default node's module resolution */
  resolvePackage?: ((name: string) => string | undefined) | undefined
}

/** A font as satori takes it. */
export interface SatoriFont {
  name: string
  data: Uint8Array | ArrayBuffer
  weight?: CardFont['weight']
  style?: CardFont['style']
}

/**
 * Creates a library that loads fontsource subset files lazily: a card in English reads the
 * two Inter Latin files, a card in Japanese also reads the few slices of Noto Sans JP that
 * hold its characters. File data is kept, so each file is read and parsed once per thread.
 */
export function createFontLibrary(options: FontLibraryOptions = {}): FontLibrary {
  const resolvePackage = options.resolvePackage ?? packageDir
  const subsets = new Map<FontPackage, Promise<Subset[]>>()
  const files = new Map<string, Promise<Uint8Array>>()

  // A package that is not installed has no subsets: its characters fall to the next font.
  function subsetsOf(font: FontPackage): Promise<Subset[]> {
    let loaded = subsets.get(font)
    if (!loaded) {
      const dir = resolvePackage(font.package)
      loaded = dir ? readSubsets(font, dir) : Promise.resolve([])
      subsets.set(font, loaded)
    }
    return loaded
  }

  function fileOf(subset: Subset, weight: number): Promise<Uint8Array> {
    const file = join(subset.dir, 'files', fileName(subset, weight))
    let data = files.get(file)
    if (!data) {
      data = readFile(file)
      files.set(file, data)
    }
    return data
  }

  return {
    async fontsFor(runs, { avoid = new Set<string>(), language } = {}) {
      const order = packageOrder(runs.map((run) => run.text).join(''), language)
      const needed = new Map<string, { subset: Subset; weights: Set<number> }>()
      const chosen = new Map<string, string>()
      const wanted = new Map<string, string>()
      const uses: { char: string; weight: number; key: string }[] = []
      for (const run of runs) {
        const weight = fileWeight(run.weight)
        for (const char of new Set(run.text)) {
          const subset = await findSubset(orderFor(char, order), char, avoid, subsetsOf)
          if (!subset) {
            const missing = wantedPackage(char, order)
            if (missing && !resolvePackage(missing.package)) wanted.set(char, missing.package)
            continue
          }
          const key = subsetKey(subset)
          chosen.set(char, key)
          uses.push({ char, weight: run.weight, key: `${key} ${weight}` })
          const entry = needed.get(key) ?? { subset, weights: new Set<number>() }
          entry.weights.add(weight)
          needed.set(key, entry)
        }
      }
      // Fallback order follows the package order, then fontsource's order: never the text's.
      const rank = (subset: Subset) => order.indexOf(subset.font) * 1000 + subset.index
      const entries = [...needed.values()].sort((a, b) => rank(a.subset) - rank(b.subset))
      const fonts: SatoriFont[] = []
      const byKey = new Map<string, SatoriFont>()
      for (const { subset, weights } of entries) {
        for (const weight of [...weights].sort((a, b) => a - b)) {
          const font: SatoriFont = {
            name: fontName(subset),
            data: await fileOf(subset, weight),
            weight: weight as CardFont['weight'],
            style: 'normal',
          }
          fonts.push(font)
          byKey.set(`${subsetKey(subset)} ${weight}`, font)
        }
      }
      const fontOf = new Map<string, SatoriFont>()
      for (const use of uses)
        fontOf.set(`${use.char} ${use.weight}`, byKey.get(use.key) as SatoriFont)
      return { fonts, chosen, wanted, fontOf }
    },
  }
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

async function readSubsets(font: FontPackage, dir: string): Promise<Subset[]> {
  const text = await readFile(join(dir, 'unicode.json'), 'utf8')
  const table = JSON.parse(text) as Record<string, string>
  return Object.entries(table).map(([key, ranges], index) => ({
    font,
    name: key.replace(/^\[(\d+)\]$/, '$1'),
    index,
    ranges: parseUnicodeRange(ranges),
    dir,
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
