import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import {
  type Article,
  createMarkdownRenderer,
  parseArticle,
  parseSite,
  type Site,
} from '@dawnpress/core'
import { CARD_HEIGHT, CARD_WIDTH, type CardContext, type CardNode } from '@dawnpress/og'
import { Resvg } from '@resvg/resvg-js'
import satori from 'satori'

// The card breakdown draws @dawnpress/og's default card with satori and resvg directly, so
// that each part can be timed apart. og keeps these steps internal: this mirrors them, and
// a test checks that the mirror's PNG is byte for byte og's.

const require = createRequire(import.meta.url)

/** What @dawnpress/og's font library picks for Latin text: Inter's Latin subset, 400 and 700. */
export function loadCardFonts() {
  const files = join(dirname(require.resolve('@fontsource/inter/package.json')), 'files')
  return [400, 700].map((weight) => ({
    name: 'Inter',
    data: readFileSync(join(files, `inter-latin-${weight}-normal.woff`)),
    weight: weight as 400 | 700,
    style: 'normal' as const,
  }))
}

/** Lays a card out and writes it as SVG, as og calls satori. */
export function drawCardSvg(tree: CardNode, fonts: ReturnType<typeof loadCardFonts>) {
  return satori(tree as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
    graphemeImages: {},
    loadAdditionalAsset: async () => [],
  })
}

/** Rasterises a card's SVG, as og calls resvg; `.asPng()` on the result encodes it. */
export function rasteriseCard(svg: string) {
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render()
}

/** The site and the first `count` articles of a corpus (in file-name order), parsed. */
export function readCardInputs(corpus: string, count: number): { site: Site; articles: Article[] } {
  const { site, problems } = parseSite(readFileSync(join(corpus, 'site.json'), 'utf8'), 'site.json')
  if (!site) throw new Error(`The corpus's site.json is invalid: ${problems[0]?.message}`)
  const folder = join(corpus, 'articles')
  const renderer = createMarkdownRenderer()
  const articles = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .slice(0, count)
    .map((name) => {
      const { article } = parseArticle(readFileSync(join(folder, name), 'utf8'), {
        file: name,
        path: name,
        renderer,
      })
      if (!article) throw new Error(`${name} does not parse.`)
      return article
    })
  return { site, articles }
}

/** What @dawnpress/og's default template gets beside the article, built as og builds it. */
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
