import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { EMOJI_PACKAGE } from './emoji.ts'
import { FONT_PACKAGES, installedVersion } from './font-packages.ts'
import type { CardFont } from './fonts.ts'
import type { CardSite } from './template.ts'

/** Bump when the cache layout or the meaning of a key changes. */
const CACHE_FORMAT = 2

const require = createRequire(import.meta.url)

function versionOf(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version
}

/**
 * Everything outside the article that changes a card's pixels and does not change between
 * cards of one build: this package, the renderers, the fonts, the site and the template.
 */
export interface RenderSetup {
  site: CardSite
  /** The logo's `data:` URL, so that a new logo file under the same name re-renders. */
  logo: string | undefined
  /** Source text or file contents of the template; `default` for the built-in one. */
  template: string
  fonts: readonly CardFont[]
  /** Anything else the caller wants in the key. */
  extra: string | undefined
}

/** Hashes the part of every key that is shared by all cards of a build, once. */
export function hashSetup(setup: RenderSetup): string {
  const versions = Object.fromEntries([
    ...['satori', '@resvg/resvg-js', EMOJI_PACKAGE].map((name) => [name, versionOf(name)]),
    // An optional font package installed later (or removed) changes every card that needs it.
    ...FONT_PACKAGES.map((name) => [name, installedVersion(name)]),
  ])
  const hash = createHash('sha256')
  hash.update(
    stableStringify({
      format: CACHE_FORMAT,
      og: (require('../package.json') as { version: string }).version,
      versions,
      icu: process.versions.icu, // dates are formatted with the ICU data of this Node
      site: {
        title: setup.site.title,
        url: setup.site.url,
        language: setup.site.language,
        timeZone: setup.site.timeZone,
      },
      card: setup.site.card ?? {},
      template: sha256(setup.template),
      extra: setup.extra,
    }),
  )
  hash.update(setup.logo ?? '')
  for (const font of setup.fonts) {
    hash.update(stableStringify({ name: font.name, weight: font.weight, style: font.style }))
    hash.update(font.data instanceof ArrayBuffer ? new Uint8Array(font.data) : font.data)
  }
  return hash.digest('hex')
}

/** The key of one card: the shared setup and the article data the template reads. */
export function cardKey(setupHash: string, article: unknown): string {
  return sha256(`${setupHash}\n${stableStringify(article)}`)
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** JSON with object keys sorted, so that equal data always gives equal text. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : item,
  )
}
