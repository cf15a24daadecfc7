import type { Article, Site } from '@dawnpress/core'
import { CARD_HEIGHT, CARD_WIDTH, type CardContext } from '@dawnpress/og'

/**
 * What @dawnpress/og's default template gets beside the article, built as og builds it
 * (og keeps its `createContext` internal). The card breakdown draws with this and checks
 * that its PNG is byte for byte og's own, so a drift from og shows in the report.
 */
export function mirrorContext(article: Article, site: Site): CardContext {
  const foreground = site.card?.foreground ?? '#f5f3ee'
  return {
    site,
    colors: {
      background: site.card?.background ?? '#0b1020',
      foreground,
      accent: site.card?.accent ?? '#f59e0b',
      muted: withAlpha(foreground, 0.72),
    },
    logo: undefined,
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fontFamily: 'Inter',
    date: article.date
      ? new Intl.DateTimeFormat(article.lang ?? site.language ?? 'en', {
          dateStyle: 'long',
          timeZone: 'UTC',
        }).format(new Date(article.date))
      : undefined,
    readingTime:
      article.read_time ?? `${Math.max(1, Math.round(article.readingTime.minutes))} min read`,
    host: site.url ? new URL(site.url).host.replace(/^www\./, '') : undefined,
    direction: () => 'ltr',
  }
}

/** `#abc` or `#aabbcc` with an opacity, as `rgba()`, as og writes it. */
export function withAlpha(color: string, alpha: number): string {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)
  if (!match?.[1]) return color
  const hex =
    match[1].length === 3 ? [...match[1]].map((digit) => digit + digit).join('') : match[1]
  const [r, g, b] = [0, 2, 4].map((start) => Number.parseInt(hex.slice(start, start + 2), 16))
  return `rgba(${r}, ${g}, ${b}, ${alpha})`
}
