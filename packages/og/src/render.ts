import type { CardArticle } from './article.ts'
import { createCardDrawer } from './draw.ts'
import type { CardFont } from './fonts.ts'
import { rasteriseCard } from './raster.ts'
import type { CardSite, CardTemplate } from './template.ts'
import type { CardWarning } from './warnings.ts'

/** How to draw cards. */
export interface CardOptions<TArticle extends CardArticle = CardArticle> {
  /** The site: its name, URL, language and card colours and logo. */
  site: CardSite
  /** Draws the card. @default the dawnpress card: site, title, description, date, reading time */
  template?: CardTemplate<TArticle> | undefined
  /**
   * Fonts to use before the bundled ones. The first font's name becomes
   * `context.fontFamily`; characters it lacks fall back to Inter and the Noto fonts.
   */
  fonts?: readonly CardFont[] | undefined
  /**
   * The folder `site.card.logo` is relative to: the folder of the site config file.
   * @default process.cwd()
   */
  siteDir?: string | undefined
  /**
   * Called for each warning: a character no font can draw, a CJK font package to install,
   * text a custom template draws that cannot be shaped.
   * @deprecated Read the warnings `renderWithWarnings` returns with each card (or that
   * `writeCards` returns for a build): one way to receive them. Kept for compatibility.
   */
  onWarning?: ((warning: CardWarning) => void) | undefined
}

/** A rendered card: the PNG and what could not be drawn as written. */
export interface RenderedCard {
  /** A 1200×630 PNG. */
  png: Uint8Array
  warnings: CardWarning[]
}

/** Renders many cards with one set of options, loading each font file once. */
export interface CardRenderer<TArticle extends CardArticle = CardArticle> {
  /** Renders one card to PNG bytes. Its warnings go to `onWarning` and to `warnings`. */
  render(article: TArticle): Promise<Uint8Array>
  /** Renders one card and returns its warnings with it (they also go to `onWarning`). */
  renderWithWarnings(article: TArticle): Promise<RenderedCard>
  /**
   * Every warning of the cards this renderer has drawn so far, in render order.
   * @deprecated Read the warnings `renderWithWarnings` returns with each card: one way to
   * receive them. Kept for compatibility.
   */
  readonly warnings: readonly CardWarning[]
}

/**
 * Creates a renderer. Font and emoji files are shared by every renderer in a thread and
 * read on first use, so a renderer is cheap to create and an English-only site never
 * reads a CJK font.
 *
 * @example
 * const cards = createCardRenderer({ site })
 * for (const article of articles) await writeFile(`og/${article.slug}.png`, await cards.render(article))
 */
export function createCardRenderer<TArticle extends CardArticle = CardArticle>(
  options: CardOptions<TArticle>,
): CardRenderer<TArticle> {
  const draw = createCardDrawer(options)
  const warnings: CardWarning[] = []

  async function renderWithWarnings(article: TArticle): Promise<RenderedCard> {
    const drawn = await draw(article)
    const png = rasteriseCard(drawn.svg).asPng()
    for (const warning of drawn.warnings) {
      warnings.push(warning)
      options.onWarning?.(warning)
    }
    return {
      png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength),
      warnings: drawn.warnings,
    }
  }

  return {
    render: async (article) => (await renderWithWarnings(article)).png,
    renderWithWarnings,
    warnings,
  }
}

/**
 * Renders one article's social card: a 1200×630 PNG. Writing it to a file is the caller's
 * job. Fonts are loaded once per thread and kept for the next call.
 *
 * @example
 * const png = await renderCard(article, { site })
 * await writeFile(`dist/og/${article.slug}.png`, png)
 */
export function renderCard<TArticle extends CardArticle>(
  article: TArticle,
  options: CardOptions<TArticle>,
): Promise<Uint8Array> {
  return createCardRenderer(options).render(article)
}
