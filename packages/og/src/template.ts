import type { CardArticle } from './article.ts'
import type { CardNode } from './tree.ts'

/**
 * The site settings a card uses. `Site` from `@dawnpress/core` (the validated
 * `content/site.json`) satisfies it.
 */
export interface CardSite {
  /** The publication's name, shown on every card. */
  title: string
  /** The site's base URL; the default template shows its host. */
  url?: string | undefined
  /** BCP 47 language for the date. @default 'en' */
  language?: string | undefined
  card?:
    | {
        /** Hex colour of the card. @default '#0b1020' */
        background?: string | undefined
        /** Hex colour of the text. @default '#f5f3ee' */
        foreground?: string | undefined
        /** Hex colour of the rule and highlights. @default '#f59e0b' */
        accent?: string | undefined
        /** Path of a PNG, JPEG or SVG logo, relative to `siteDir`. */
        logo?: string | undefined
      }
    | undefined
}

/** The resolved colours of a card, all as CSS colours. */
export interface CardColors {
  background: string
  foreground: string
  accent: string
  /** The foreground, softened, for secondary text. */
  muted: string
}

/** Everything a template gets beside the article. */
export interface CardContext {
  site: CardSite
  colors: CardColors
  /** The site logo as a `data:` URL, when `site.card.logo` is set. */
  logo: string | undefined
  /** 1200. */
  width: number
  /** 630. */
  height: number
  /** The family to put first in `fontFamily`; other scripts fall back automatically. */
  fontFamily: string
  /** The article's date in the site's language, such as "2 November 2026". */
  date: string | undefined
  /** Such as "10 min read": the author's `read_time` when given, else the computed time. */
  readingTime: string
  /** The site's host name, such as "dawnpress.example", when the site has a URL. */
  host: string | undefined
  /** `rtl` for text that starts with an Arabic or Hebrew letter. */
  direction(text: string): 'ltr' | 'rtl'
}

/**
 * Draws a card: a function from the article to a satori element tree, 1200×630. Write it
 * with JSX in a `.tsx` file (`"jsxImportSource": "satori/jsx"`, or React) or with plain
 * objects. Satori lays out with flexbox; text that may be long needs `display: 'block'`,
 * `lineClamp` and `boxSizing: 'border-box'` to end in an ellipsis inside its box.
 *
 * @example
 * export const template: CardTemplate = (article, { colors }) => (
 *   <div style={{ display: 'flex', width: '100%', height: '100%', background: colors.background }}>
 *     <div style={{ display: 'block', lineClamp: 3, fontSize: 64 }}>{article.title}</div>
 *   </div>
 * )
 */
export type CardTemplate<TArticle extends CardArticle = CardArticle> = (
  article: TArticle,
  context: CardContext,
) => CardNode | Promise<CardNode>
