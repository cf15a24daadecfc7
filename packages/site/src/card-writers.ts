import type { writeSiteCard } from './site-card.ts'

/**
 * The card writers, with the card renderer loaded only when cards are drawn: satori, resvg
 * and the fonts take longer to load than a build that skips cards takes to run.
 */
export async function loadCardWriters(): Promise<{
  writeCards: typeof import('@dawnpress/og').writeCards
  writeSiteCard: typeof writeSiteCard
}> {
  const [{ writeCards }, siteCard] = await Promise.all([
    import('@dawnpress/og'),
    import('./site-card.ts'),
  ])
  return { writeCards, writeSiteCard: siteCard.writeSiteCard }
}
