import type { CardArticle } from './article.ts'

/**
 * Something a card could not show as written. Cards with warnings are still rendered; the
 * caller reports the warnings (the engine turns them into `Problem`s of the article's file,
 * at `field`, on `character`).
 */
export interface CardWarning {
  /**
   * A code from `PROBLEM_CODES` in `@dawnpress/core`: `CARD_GLYPH_MISSING`, a character no
   * font can draw; `CARD_FONT_MISSING`, a character only an optional font package that is
   * not installed can draw (`fontPackage` names it); `CARD_TEXT_UNSHAPED`, text the template
   * drew that satori cannot shape, so the default card was drawn instead.
   */
  code: 'CARD_GLYPH_MISSING' | 'CARD_FONT_MISSING' | 'CARD_TEXT_UNSHAPED'
  severity: 'warning'
  /** The article whose card it is. */
  slug: string
  /**
   * The article field whose text holds `character`, when one does: `title`, then
   * `description`, then `tags`. Undefined for text of the site (its title) or of a template.
   */
  field?: 'title' | 'description' | 'tags' | undefined
  /** The character (or emoji) the warning is about: the first one, when there are several. */
  character: string
  /** Its code points, such as `U+13000` or `U+1F9D1 U+200D U+1F680`. */
  codePoint: string
  /** For `CARD_FONT_MISSING`: the npm package to install, such as `@fontsource/noto-sans-jp`. */
  fontPackage?: string | undefined
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

/** The first field of the article whose text holds the character. */
export function fieldOf(article: CardArticle, character: string): CardWarning['field'] {
  if (article.title.includes(character)) return 'title'
  if (article.description.includes(character)) return 'description'
  if (article.tags?.some((tag) => tag.includes(character))) return 'tags'
  return undefined
}

/** The warning for a character that none of the card's fonts (or emoji images) can draw. */
export function glyphMissingWarning(article: CardArticle, character: string): CardWarning {
  const { slug } = article
  const codePoint = formatCodePoints(character)
  return {
    code: 'CARD_GLYPH_MISSING',
    severity: 'warning',
    slug,
    field: fieldOf(article, character),
    character,
    codePoint,
    message: `The social card of "${slug}" cannot draw "${character}" (${codePoint}): no card font has it, so it would show as an empty box.`,
    hint: 'Replace the character in the title or description, or pass a font that has it in the "fonts" option.',
  }
}

/** The warning for text that needs an optional font package the project has not installed. */
export function fontMissingWarning(
  article: CardArticle,
  fontPackage: string,
  characters: readonly string[],
): CardWarning {
  const { slug } = article
  const character = characters[0] ?? ''
  const codePoint = formatCodePoints(character)
  const shown = characters.slice(0, 3).join('')
  return {
    code: 'CARD_FONT_MISSING',
    severity: 'warning',
    slug,
    field: fieldOf(article, character),
    character,
    codePoint,
    fontPackage,
    message: `The social card of "${slug}" needs the font package ${fontPackage} to draw "${shown}"${characters.length > 3 ? ' and more' : ''}, and it is not installed, so those characters are left out.`,
    hint: `Install it beside dawnpress: npm install ${fontPackage} (or pnpm add, yarn add). The CJK fonts are optional because each is 54 to 82 MB.`,
  }
}

/** The warning for text a custom template drew in a script satori cannot shape. */
export function textUnshapedWarning(
  article: CardArticle,
  character: string,
  reason: 'template' | 'shaper',
): CardWarning {
  const { slug } = article
  const codePoint = formatCodePoints(character)
  const what =
    reason === 'template'
      ? 'the card template draws text in a script that satori cannot shape (such as Arabic, whose letters would lose their dots), so the default card was drawn instead'
      : 'the text shaper could not be loaded, so text in a script that needs it (such as Arabic) is left out rather than drawn with wrong letters'
  return {
    code: 'CARD_TEXT_UNSHAPED',
    severity: 'warning',
    slug,
    field: fieldOf(article, character),
    character,
    codePoint,
    message: `The social card of "${slug}" cannot show "${character}" (${codePoint}) as written: ${what}.`,
    hint:
      reason === 'template'
        ? 'In the template, draw text with context.text(), which shapes it with HarfBuzz.'
        : 'Check that the harfbuzzjs package is installed and that WebAssembly can run.',
  }
}

/** Orders warnings by article, then code, then character, so reports are stable. */
export function compareWarnings(a: CardWarning, b: CardWarning): number {
  return compare(a.slug, b.slug) || compare(a.code, b.code) || compare(a.codePoint, b.codePoint)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
