/**
 * BCP 47 language tags, as the site's `language` and an article's `lang` take them: pages
 * put them in `lang`, feeds in `<language>`, `xml:lang` and `language`. Feed readers and the
 * W3C validator reject a name such as `English` and a locale such as `en_US`, so the rule
 * is checked where the value is written, with a hint that names the tag to use.
 */

const SHAPE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/

let names: Intl.DisplayNames | undefined
const known = new Map<string, boolean>()

function languageNames(): Intl.DisplayNames {
  names ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })
  return names
}

/**
 * True when `value` is a well-formed BCP 47 tag whose language is a known ISO 639 code:
 * `en`, `en-US`, `pt-BR`, `zh-Hant-TW`, `fil`. False for names (`English`), underscores
 * (`en_US`), unknown codes (`xx`) and `und`.
 *
 * @example
 * isLanguageTag('en-GB') // true
 * isLanguageTag('en_GB') // false
 */
export function isLanguageTag(value: string): boolean {
  let result = known.get(value)
  if (result === undefined) {
    result = checkLanguageTag(value)
    if (known.size < 1000) known.set(value, result)
  }
  return result
}

function checkLanguageTag(value: string): boolean {
  if (!SHAPE.test(value)) return false
  let canonical: string | undefined
  try {
    canonical = Intl.getCanonicalLocales(value)[0]
  } catch {
    return false
  }
  const language = canonical?.split('-')[0]
  return language !== undefined && languageNames().of(language) !== undefined
}

let byName: Map<string, string> | undefined

/** Two-letter codes by their English names in lower case: "english" → "en". */
function codesByName(): Map<string, string> {
  if (byName === undefined) {
    byName = new Map()
    const letters = 'abcdefghijklmnopqrstuvwxyz'
    for (const first of letters) {
      for (const second of letters) {
        const code = `${first}${second}`
        const name = languageNames().of(code)
        if (name !== undefined && !byName.has(name.toLowerCase())) {
          byName.set(name.toLowerCase(), code)
        }
      }
    }
  }
  return byName
}

/**
 * The tag an author most likely meant by a value that is not one: `en_US` → `en-US`,
 * `English` → `en`, `english (uk)` → undefined. Undefined when there is no good guess.
 *
 * @example
 * suggestLanguageTag('pt_BR') // 'pt-BR'
 */
export function suggestLanguageTag(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  const dashed = trimmed.replace(/_/g, '-')
  if (isLanguageTag(dashed)) return Intl.getCanonicalLocales(dashed)[0]
  return codesByName().get(trimmed.toLowerCase())
}

/** What to write instead of an invalid language tag, for a problem's hint. */
export function languageTagHint(value: unknown): string {
  const suggestion = suggestLanguageTag(value)
  if (suggestion === undefined) {
    return 'Use a BCP 47 language tag such as "en", "en-GB", "fr" or "pt-BR".'
  }
  return typeof value === 'string' && value.includes('_')
    ? `Use "${suggestion}": a language tag joins its parts with "-", not "_".`
    : `Use "${suggestion}", the language's code, rather than its name.`
}
