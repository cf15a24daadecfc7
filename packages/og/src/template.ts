import type { CardArticle } from './article.ts'
import type { CardNode, CardTextElement } from './tree.ts'

/**
 * The site settings a card uses. `Site` from `@dawnpress/core` (the validated
 * `content/site.json`) satisfies it.
 */
export interface CardSite {
  /** The publication's name, shown on every card. */
  title: string
  /** The site's base URL; the default template shows its host. */
  url?: string | undefined
  /** BCP 47 language of the site: of cards whose article has no `lang`. @default 'en' */
  language?: string | undefined
  /** The IANA time zone the card's date is shown in. @default 'UTC' */
  timeZone?: string | undefined
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

/** One size to try for a text: a font size and the most lines the text may take at it. */
export interface CardTextSize {
  fontSize: number
  lines: number
}

/** How `context.text()` sets a text. */
export interface CardTextOptions {
  /** The width of the text's box, in pixels: lines wrap at it. */
  width: number
  /**
   * Sizes to try, largest first: the text is set at the first at which it fits whole, else
   * at the last, ending in an ellipsis. Give `fontSize` and `lines` instead for one size.
   */
  sizes?: readonly CardTextSize[] | undefined
  /** @default 16 */
  fontSize?: number | undefined
  /** @default 1 */
  lines?: number | undefined
  /** @default 400 */
  fontWeight?: number | undefined
  /** A multiple of the font size. @default 1.2 */
  lineHeight?: number | undefined
  /** In em, such as `-0.02`; text that needs shaping (Arabic) is set without it. @default 0 */
  letterSpacing?: number | undefined
  /** @default context.colors.foreground */
  color?: string | undefined
  /** Even out the line lengths, when the text fits. @default false */
  balance?: boolean | undefined
  /** @default from the text's first letter, as `context.direction(text)` */
  direction?: 'ltr' | 'rtl' | undefined
  /** More style for the element, such as margins (not font or colour: use the options). */
  style?: Record<string, unknown> | undefined
}

/** A text laid out by `context.text()`. */
export interface CardText {
  /** The element to put in the card: a text box, or an image of shaped text. */
  node: CardTextElement
  /** The size the text was set at. */
  fontSize: number
  /** The lines it takes; for a text that was not measured, the most it may take. */
  lines: number
  /**
   * False when even the last size did not hold it, so it ends in an ellipsis. Undefined
   * when there was nothing to choose (one size, no `balance`): satori then clamps the text
   * itself, and it is not laid out twice.
   */
  fits: boolean | undefined
  /**
   * True when the text was shaped with HarfBuzz and drawn as an image (Arabic and other
   * scripts satori would draw with wrong letters).
   */
  shaped: boolean
  /** For shaped text, each line as shown, the ellipsis included. */
  shown?: string[] | undefined
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
  /** The card's language: the article's `lang`, else the site's (as pages use). */
  language: string
  /** `rtl` when the card's language is written right to left (Arabic, Hebrew…). */
  languageDirection: 'ltr' | 'rtl'
  /** The article's date in the card's language, such as "2 November 2026". */
  date: string | undefined
  /**
   * Such as "4 min read" in the card's language: the author's `read_time` when it is close
   * to the computed time, else the computed one (as pages show).
   */
  readingTime: string
  /** The site's host name, such as "dawnpress.example", when the site has a URL. */
  host: string | undefined
  /** `rtl` for text that starts with an Arabic or Hebrew letter. */
  direction(text: string): 'ltr' | 'rtl'
  /**
   * Lays out a text as the card will draw it: at the largest of `sizes` at which it fits
   * whole (measured with satori's own layout, not guessed), else at the smallest with an
   * ellipsis; Arabic and other scripts satori cannot shape are shaped with HarfBuzz and
   * drawn as an image. Put `node` in the tree. Text drawn without it in a script that needs
   * shaping makes the card fall back to the default template, with a `CARD_TEXT_UNSHAPED`
   * warning.
   *
   * @example
   * const title = await context.text(article.title, {
   *   width: 1040, fontWeight: 700, sizes: [{ fontSize: 72, lines: 2 }, { fontSize: 56, lines: 3 }],
   * })
   * return <div style={{ display: 'flex', flexDirection: 'column' }}>{title.node}</div>
   */
  text(content: string, options: CardTextOptions): Promise<CardText>
}

/**
 * Draws a card: a function from the article to a satori element tree, 1200×630. Write it
 * with JSX in a `.tsx` file (`"jsxImportSource": "satori/jsx"`, or React) or with plain
 * objects. Satori lays out with flexbox; lay text out with `context.text()`, which sets it
 * at the largest size that holds it and shapes scripts satori cannot (Arabic). Text drawn
 * directly that may be long needs `display: 'block'`, `lineClamp` and
 * `boxSizing: 'border-box'` to end in an ellipsis inside its box.
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
