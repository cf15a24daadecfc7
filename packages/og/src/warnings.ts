/**
 * Something a card could not show as written. Cards with warnings are still rendered; the
 * caller reports the warnings (the CLI turns them into `Problem`s of the article's file).
 */
export interface CardWarning {
  /** A code from `PROBLEM_CODES` in `@dawnpress/core`. */
  code: 'CARD_GLYPH_MISSING'
  severity: 'warning'
  /** The article whose card it is. */
  slug: string
  /** The character (or emoji) that no font could draw. */
  character: string
  /** Its code points, such as `U+13000` or `U+1F9D1 U+200D U+1F680`. */
  codePoint: string
  /** What happened, in a plain sentence. */
  message: string
  /** What to do about it. */
  hint: string
}

/** Formats code points the way Unicode charts do: `U+13000`. */
export function formatCodePoints(text: string): string {
  return Array.from(
    text,
    (char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  ).join(' ')
}

/** The warning for a character that none of the card's fonts (or emoji images) can draw. */
export function glyphMissingWarning(slug: string, character: string): CardWarning {
  const codePoint = formatCodePoints(character)
  return {
    code: 'CARD_GLYPH_MISSING',
    severity: 'warning',
    slug,
    character,
    codePoint,
    message: `The social card of "${slug}" cannot draw "${character}" (${codePoint}): no card font has it, so it would show as an empty box.`,
    hint: 'Replace the character in the title or description, or pass a font that has it in the "fonts" option.',
  }
}

/** Orders warnings by article, then character, so reports are stable from run to run. */
export function compareWarnings(a: CardWarning, b: CardWarning): number {
  return compare(a.slug, b.slug) || compare(a.codePoint, b.codePoint)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
