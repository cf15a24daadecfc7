import type { SiteArticle } from '@dawnpress/pages'
import type { ArticleAssets } from './article-assets.ts'
import type { ImageStore } from './images.ts'

/** An article with its card's cover image. */
export type CardSiteArticle = SiteArticle & { cover?: string }

/**
 * The articles as their cards see them: each with a cover image gets it cropped to the
 * card's cover panel, as the bytes themselves (a card reads nothing from disk, and its cache
 * key then covers the image).
 */
export async function withCardCovers(
  articles: readonly SiteArticle[],
  covers: ArticleAssets['covers'],
  images: ImageStore,
): Promise<CardSiteArticle[]> {
  if (covers.size === 0) return [...articles]
  const { COVER_PANEL } = await import('@dawnpress/og')
  const result: CardSiteArticle[] = []
  for (const article of articles) {
    const cover = covers.get(article)
    result.push(
      // Only the fields a card reads: the body stays where it is.
      cover ? cardFields(article, await images.cardCover(cover, COVER_PANEL)) : article,
    )
  }
  return result
}

function cardFields(article: SiteArticle, cover: string): CardSiteArticle {
  const { html: _html, headings: _headings, ...fields } = Object.getOwnPropertyDescriptors(article)
  return Object.defineProperties({ cover }, fields) as CardSiteArticle
}
