import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** The emoji images cards draw: Twemoji SVGs from `@twemoji/svg`. */
export const EMOJI_PACKAGE = '@twemoji/svg'

// Emoji presentation by default, or asked for with VS16, a keycap or a flag. A text-style
// pictograph such as "©" or "☺" without VS16 is text, drawn by a font as a browser does.
const EMOJI = /\p{Emoji_Presentation}|\uFE0F|\u20E3|\p{Regional_Indicator}/u
const TEXT_STYLE = /\uFE0E/

/** True when a grapheme cluster should be drawn as an emoji image rather than with a font. */
export function isEmoji(grapheme: string): boolean {
  return EMOJI.test(grapheme) && !TEXT_STYLE.test(grapheme)
}

/** Finds emoji images by grapheme, reading each SVG file once per thread. */
export interface EmojiLibrary {
  /** A `data:` URL of the emoji's image, or undefined when Twemoji has none. */
  imageOf(grapheme: string): Promise<string | undefined>
}

const require = createRequire(import.meta.url)

/** Creates an emoji library backed by the Twemoji SVG files of the npm package. */
export function createEmojiLibrary(): EmojiLibrary {
  let names: Promise<{ dir: string; files: Set<string> }> | undefined
  const images = new Map<string, Promise<string | undefined>>()

  function listFiles(): Promise<{ dir: string; files: Set<string> }> {
    names ??= (async () => {
      const dir = dirname(require.resolve(`${EMOJI_PACKAGE}/package.json`))
      return { dir, files: new Set(await readdir(dir)) }
    })()
    return names
  }

  async function load(grapheme: string): Promise<string | undefined> {
    const { dir, files } = await listFiles()
    const name = twemojiFileNames(grapheme).find((candidate) => files.has(candidate))
    if (!name) return undefined
    const svg = await readFile(join(dir, name))
    return `data:image/svg+xml;base64,${svg.toString('base64')}`
  }

  return {
    imageOf(grapheme) {
      let image = images.get(grapheme)
      if (!image) {
        image = load(grapheme)
        images.set(grapheme, image)
      }
      return image
    },
  }
}

/**
 * Twemoji names files by code points in hex joined with `-`, leaving out VS16 except in
 * sequences with a zero-width joiner; some files keep it anyway, so both names are tried.
 */
export function twemojiFileNames(grapheme: string): string[] {
  const hex = (text: string) =>
    Array.from(text, (char) => (char.codePointAt(0) ?? 0).toString(16)).join('-')
  const withoutVs16 = grapheme.replace(/\uFE0F/g, '')
  const names = grapheme.includes('\u200D')
    ? [hex(grapheme), hex(withoutVs16)]
    : [hex(withoutVs16), hex(grapheme)]
  return [...new Set(names)].map((name) => `${name}.svg`)
}
