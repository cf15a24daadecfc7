import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** One npm font package cards may draw with. */
export interface FontPackage {
  /** The package name, such as `@fontsource/noto-sans-sc`. */
  package: string
  /** Its file prefix, such as `noto-sans-sc`. */
  id: string
  family: string
  /**
   * An optional peer dependency, installed only by sites that need it (the CJK fonts are
   * 54 to 82 MB each); a card that needs a missing one says which package to add.
   */
  optional: boolean
}

export const LATIN: FontPackage = {
  package: '@fontsource/inter',
  id: 'inter',
  family: 'Inter',
  optional: false,
}
export const ARABIC: FontPackage = {
  package: '@fontsource/noto-sans-arabic',
  id: 'noto-sans-arabic',
  family: 'Noto Sans Arabic',
  optional: false,
}
export const HEBREW: FontPackage = {
  package: '@fontsource/noto-sans-hebrew',
  id: 'noto-sans-hebrew',
  family: 'Noto Sans Hebrew',
  optional: false,
}
export const CHINESE: FontPackage = {
  package: '@fontsource/noto-sans-sc',
  id: 'noto-sans-sc',
  family: 'Noto Sans SC',
  optional: true,
}
export const JAPANESE: FontPackage = {
  package: '@fontsource/noto-sans-jp',
  id: 'noto-sans-jp',
  family: 'Noto Sans JP',
  optional: true,
}
export const KOREAN: FontPackage = {
  package: '@fontsource/noto-sans-kr',
  id: 'noto-sans-kr',
  family: 'Noto Sans KR',
  optional: true,
}

/** Every font package cards may load, for the cache key. */
export const FONT_PACKAGES: readonly string[] = [LATIN, CHINESE, JAPANESE, KOREAN, ARABIC, HEBREW]
  .map((font) => font.package)
  .sort()

// Script, not Script_Extensions: CJK punctuation such as 。 extends to kana, but is Chinese too.
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u
const HANGUL = /\p{Script=Hangul}/u
const KANA_CHAR = /^[\p{Script=Hiragana}\p{Script=Katakana}]$/u
const HANGUL_CHAR = /^\p{Script=Hangul}$/u
// Han, CJK punctuation and symbols, full-width forms: what the CJK fonts are for.
const CJK_CHAR =
  /^[\p{Script=Han}\p{Script=Bopomofo}\u2e80-\u2fff\u3000-\u303f\u3190-\u31ff\u3200-\u33ff\ufe30-\ufe4f\uff00-\uffef]$/u

/**
 * The order in which font packages are asked for a character. Han ideographs look different
 * in Japanese, Korean and Chinese fonts: a card in Japanese or Korean (by its language, else
 * by kana or Hangul in the text) prefers that font, anything else the Chinese one.
 */
export function packageOrder(text: string, language = ''): FontPackage[] {
  const primary = language.split('-')[0]?.toLowerCase()
  const japanese = primary === 'ja' || (primary !== 'ko' && primary !== 'zh' && KANA.test(text))
  const korean = primary === 'ko' || (!japanese && primary !== 'zh' && HANGUL.test(text))
  const cjk = japanese
    ? [JAPANESE, CHINESE, KOREAN]
    : korean
      ? [KOREAN, CHINESE, JAPANESE]
      : [CHINESE, JAPANESE, KOREAN]
  return [LATIN, ARABIC, HEBREW, ...cjk]
}

/** Kana are asked of the Japanese font first, Hangul of the Korean one, whatever the text. */
export function orderFor(char: string, order: readonly FontPackage[]): FontPackage[] {
  const first = KANA_CHAR.test(char) ? JAPANESE : HANGUL_CHAR.test(char) ? KOREAN : undefined
  return first ? [first, ...order.filter((font) => font !== first)] : [...order]
}

/**
 * The optional package that would draw a character no installed font has: the Korean font
 * for Hangul, the Japanese one for kana, and for Han the first CJK font of the card's order.
 */
export function wantedPackage(
  char: string,
  order: readonly FontPackage[],
): FontPackage | undefined {
  if (HANGUL_CHAR.test(char)) return KOREAN
  if (KANA_CHAR.test(char)) return JAPANESE
  if (CJK_CHAR.test(char)) return order.find((font) => font.optional)
  return undefined
}

const ownRequire = createRequire(import.meta.url)

/**
 * The folder of an installed font package, or undefined when it is not installed. Looked up
 * from this package first, then from the project in the working directory: a package
 * manager that keeps each package's dependencies apart (pnpm) may not link an optional peer
 * the project added into this package's own `node_modules`.
 */
export function packageDir(name: string): string | undefined {
  for (const from of [ownRequire, createRequire(join(process.cwd(), 'package.json'))]) {
    try {
      return dirname(from.resolve(`${name}/package.json`))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error
    }
  }
  return undefined
}

/** The version of an installed package, or `not installed`, for the cache key. */
export function installedVersion(name: string): string {
  const dir = packageDir(name)
  if (!dir) return 'not installed'
  return (ownRequire(join(dir, 'package.json')) as { version: string }).version
}
