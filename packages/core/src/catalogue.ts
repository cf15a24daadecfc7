import type { ProblemCode } from './problems.ts'

/** What a problem code means, whatever the file: the catalogue's entry for it. */
export interface ProblemDescription {
  code: ProblemCode
  /** A short name for the kind of problem, such as "Invalid field". */
  title: string
  /** Where it is explained at length. */
  docs: string
}

const DOCS = 'https://github.com/dawnpress/dawnpress/blob/main/docs/problems.md'

/**
 * Every problem code with its title. The messages and hints of single problems say what is
 * wrong in that file; the catalogue says what the code means (`docs/problems.md` explains
 * each at length, and a test keeps the two in step).
 */
const TITLES: Record<ProblemCode, string> = {
  FILE_READ: 'File cannot be read',
  FILE_ENCODING: 'File is not UTF-8',
  FRONTMATTER_MISSING: 'No frontmatter',
  FRONTMATTER_UNTERMINATED: 'Frontmatter not closed',
  FRONTMATTER_ENGINE: 'Frontmatter language not allowed',
  FRONTMATTER_YAML: 'Invalid YAML',
  FRONTMATTER_NOT_OBJECT: 'Frontmatter is not a set of fields',
  FIELD_REQUIRED: 'Required field missing',
  FIELD_INVALID: 'Invalid field',
  FIELD_UNKNOWN: 'Unknown field',
  BODY_EMPTY: 'Empty article',
  SLUG_INVALID: 'Invalid slug',
  SLUG_DUPLICATE: 'Slug used twice',
  READ_TIME_MISMATCH: 'Reading time far off',
  DATE_MISSING: 'No date',
  UPDATED_BEFORE_DATE: 'Updated before published',
  SITE_CONFIG: 'Invalid site config',
  CARD_GLYPH_MISSING: 'Character missing from the card fonts',
  CONFIG_INVALID: 'Invalid config',
  CONFIG_LOAD: 'Config cannot be loaded',
  OUTPUT_NOT_OWNED: 'Output folder not dawnpress’s',
  BUILD_LOCKED: 'Another build holds the cache',
  CACHE_UNREADABLE: 'Cache unreadable',
  GIT_SHALLOW: 'Shallow git clone',
  INTERNAL_ERROR: 'Bug in dawnpress',
  FILE_TOO_LARGE: 'File too large',
  TAG_DUPLICATE: 'Tag listed twice',
  TAG_VARIANT: 'Another spelling of a tag',
  TAGS_TOO_MANY: 'Too many tags',
  HTML_ELEMENT_REMOVED: 'HTML element removed',
  HTML_TAG_ESCAPED: 'HTML tag shown as text',
  HTML_ELEMENT_UNCLOSED: 'HTML element closed',
  HTML_ATTRIBUTE_REMOVED: 'HTML attribute removed',
  HTML_URL_REMOVED: 'URL removed',
  CARD_FONT_MISSING: 'Card font package not installed',
  CARD_TEXT_UNSHAPED: 'Card text the template cannot shape',
  CODE_LANGUAGE_UNKNOWN: 'Unknown code language',
  IMAGE_ALT_MISSING: 'Image without a text alternative',
  ASSET_MISSING: 'File not found',
  ASSET_OUTSIDE_CONTENT: 'File outside the articles folder',
  IMAGE_UNSUPPORTED: 'Not an image browsers show',
  LINK_TARGET_MISSING: 'Linked article not found',
  LINK_TARGET_UNPUBLISHED: 'Linked article not published',
  PUBLIC_PATH_TAKEN: 'Public file at a path dawnpress writes',
  PUBLIC_LINK_OUTSIDE: 'Public file outside the public folder',
  HEADING_LEVEL_SHIFTED: 'Heading shown one level lower',
  REDIRECT_CONFLICT: 'Old slug taken',
  LOGO_INVALID: 'Site logo unusable',
}

/**
 * The catalogue's entry for a code: its title and where it is documented.
 *
 * @example
 * describeCode('SLUG_DUPLICATE').title // 'Slug used twice'
 */
export function describeCode(code: ProblemCode): ProblemDescription {
  return { code, title: TITLES[code] ?? code, docs: `${DOCS}#${code.toLowerCase()}` }
}
