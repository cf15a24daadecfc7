import { readFile } from 'node:fs/promises'
import { extname, resolve } from 'node:path'
import {
  articleLanguage,
  CARD_IMAGE,
  formatArticleDate,
  formatReadingTime,
  languageDirection,
  readingMinutes,
} from '@dawnpress/core'
import type { CardArticle } from './article.ts'
import { PRIMARY_FONT_FAMILY } from './fonts.ts'
import type { CardColors, CardContext, CardSite } from './template.ts'
import { textDirection } from './tree.ts'

/** Card width in pixels: the size Open Graph and X (Twitter) large cards expect. */
export const CARD_WIDTH = CARD_IMAGE.width
/** Card height in pixels. */
export const CARD_HEIGHT = CARD_IMAGE.height

const DEFAULT_COLORS = { background: '#0b1020', foreground: '#f5f3ee', accent: '#f59e0b' }

/** The card colours of a site, with the defaults for those it leaves out. */
export function resolveColors(site: CardSite): CardColors {
  const background = site.card?.background ?? DEFAULT_COLORS.background
  const foreground = site.card?.foreground ?? DEFAULT_COLORS.foreground
  const accent = site.card?.accent ?? DEFAULT_COLORS.accent
  return { background, foreground, accent, muted: withAlpha(foreground, 0.72) }
}

/** `#abc` or `#aabbcc` with an opacity, as `rgba()`; other colours are returned unchanged. */
export function withAlpha(color: string, alpha: number): string {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)
  if (!match?.[1]) return color
  const hex =
    match[1].length === 3 ? [...match[1]].map((digit) => digit + digit).join('') : match[1]
  const [r, g, b] = [0, 2, 4].map((start) => Number.parseInt(hex.slice(start, start + 2), 16))
  return `rgba(${r}, ${g}, ${b}, ${alpha})`
}

const LOGO_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
}

/**
 * Reads the site logo as a `data:` URL. A missing or unsupported logo is a configuration
 * mistake, so it throws with the path it tried.
 */
export async function readLogo(site: CardSite, siteDir: string): Promise<string | undefined> {
  const logo = site.card?.logo
  if (!logo) return undefined
  const file = resolve(siteDir, logo)
  const type = LOGO_TYPES[extname(file).toLowerCase()]
  if (!type) {
    throw new Error(
      `The card logo "${logo}" is not a PNG, JPEG or SVG file. Change "card.logo" in the site config.`,
    )
  }
  try {
    return `data:${type};base64,${(await readFile(file)).toString('base64')}`
  } catch (cause) {
    throw new Error(
      `The card logo "${logo}" could not be read from ${file}. Check "card.logo" in the site config; it is relative to the folder of the site config.`,
      { cause },
    )
  }
}

/** Builds what a template gets beside the article; `text` lays out text for this card. */
export function createContext(
  article: CardArticle,
  site: CardSite,
  logo: string | undefined,
  { fontFamily = PRIMARY_FONT_FAMILY, text }: Pick<CardContext, 'text'> & { fontFamily?: string },
): CardContext {
  const language = articleLanguage(article, site)
  return {
    site,
    colors: resolveColors(site),
    logo,
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fontFamily,
    language,
    languageDirection: languageDirection(language),
    date: formatDate(article.date, language, site.timeZone),
    // One language for the whole footer, and the figure the article's page shows.
    readingTime: formatReadingTime(readingMinutes(article), language),
    host: hostOf(site.url),
    direction: textDirection,
    text,
  }
}

/**
 * A date in a language, in the site's time zone (UTC by default), so that a card never
 * depends on the machine's and shows the day the article's page shows.
 */
export function formatDate(
  date: string | undefined,
  language = 'en',
  timeZone?: string,
): string | undefined {
  if (!date) return undefined
  if (Number.isNaN(new Date(date).getTime())) return undefined
  return formatArticleDate(date, language, timeZone)
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).host.replace(/^www\./, '')
  } catch {
    return undefined
  }
}
