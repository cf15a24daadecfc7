import type { CardArticle } from './article.ts'
import { withAlpha } from './context.ts'
import type { CardContext, CardTextSize } from './template.ts'
import type { CardNode } from './tree.ts'

const PADDING_X = 80
const PADDING_Y = 64
const CONTENT_WIDTH = 1200 - 2 * PADDING_X

/** The size of the panel a cover image fills on the default card, at its side. */
export const COVER_PANEL = { width: 440, height: 630 } as const
// More than any clamped line shows; cutting first keeps layout time flat for a long text.
const MAX_TITLE = 320
const MAX_DESCRIPTION = 400

/**
 * The sizes a title is tried at, largest first: short titles large, long ones smaller on
 * more lines. Each fits the space between the header and the footer with the description.
 */
export const TITLE_SIZES: readonly CardTextSize[] = [
  { fontSize: 84, lines: 2 },
  { fontSize: 72, lines: 3 },
  { fontSize: 60, lines: 3 },
  { fontSize: 52, lines: 4 },
]

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })

/** The first `max` grapheme clusters of a text, so that no emoji or accent is cut in half. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  let clipped = ''
  let count = 0
  for (const { segment } of graphemes.segment(text)) {
    if (count++ === max) break
    clipped += segment
  }
  return clipped
}

/**
 * The default card: site name and logo at the top, the title large and bold with an accent
 * rule above it, the description below, and the date and reading time at the foot, all in
 * the card's language (mirrored for a language written right to left). The title is set at
 * the largest size at which it fits whole, and ends in an ellipsis only when it does not
 * fit at the smallest.
 */
export async function defaultTemplate(
  article: CardArticle,
  context: CardContext,
): Promise<CardNode> {
  const { colors, fontFamily } = context
  const title = clip(article.title.trim(), MAX_TITLE)
  const description = clip(article.description.trim(), MAX_DESCRIPTION)
  const tag = article.tags?.[0]
  const meta = [context.date, context.readingTime].filter(Boolean).join('  ·  ')
  const mirrored = context.languageDirection === 'rtl'
  const titleDirection = context.direction(title)
  const cover = article.cover?.startsWith('data:image/') ? article.cover : undefined
  const panel = cover ? COVER_PANEL.width : 0
  const contentWidth = CONTENT_WIDTH - panel

  const siteTitle = await context.text(context.site.title, {
    width: 600,
    fontSize: 28,
    fontWeight: 700,
    letterSpacing: 0.02,
    style: { flexShrink: 1 },
  })
  const tagText = tag
    ? await context.text(tag.toLocaleUpperCase(context.language), {
        width: 320,
        fontSize: 22,
        fontWeight: 700,
        letterSpacing: 0.06,
        color: colors.accent,
      })
    : undefined
  const titleText = await context.text(title, {
    width: contentWidth,
    sizes: TITLE_SIZES,
    fontWeight: 700,
    lineHeight: 1.12,
    letterSpacing: -0.02,
    balance: true,
  })
  const descriptionText = description
    ? await context.text(description, {
        width: contentWidth,
        fontSize: 30,
        lines: titleText.lines >= 4 ? 1 : 2,
        lineHeight: 1.4,
        color: colors.muted,
        style: { marginTop: 28 },
      })
    : undefined
  const metaText = meta
    ? await context.text(meta, {
        width: Math.min(720, contentWidth - 120),
        fontSize: 24,
        color: colors.muted,
      })
    : undefined
  const hostText = context.host
    ? await context.text(context.host, {
        width: 360,
        fontSize: 24,
        color: colors.muted,
        direction: 'ltr',
      })
    : undefined

  const card = (
    <div
      style={{
        width: context.width - panel,
        height: context.height,
        display: 'flex',
        flexDirection: 'column',
        boxSizing: 'border-box',
        padding: `${PADDING_Y}px ${PADDING_X}px`,
        backgroundColor: colors.background,
        // A low sun behind the bottom-right corner: the dawn the default colours are named for.
        backgroundImage: `radial-gradient(circle at 90% 135%, ${withAlpha(colors.accent, 0.42)} 0%, ${withAlpha(colors.accent, 0.12)} 32%, ${withAlpha(colors.accent, 0)} 62%)`,
        color: colors.foreground,
        fontFamily,
      }}
    >
      <div
        style={{
          display: 'flex',
          flexDirection: mirrored ? 'row-reverse' : 'row',
          alignItems: 'center',
          height: 48,
        }}
      >
        {context.logo ? (
          <img
            src={context.logo}
            alt={context.site.title}
            height={48}
            style={mirrored ? { marginLeft: 20 } : { marginRight: 20 }}
          />
        ) : (
          <div
            style={{
              display: 'flex',
              width: 14,
              height: 14,
              borderRadius: 7,
              backgroundColor: colors.accent,
              ...(mirrored ? { marginLeft: 18 } : { marginRight: 18 }),
            }}
          />
        )}
        {siteTitle.node}
        {tagText ? (
          <div
            style={{
              display: 'flex',
              maxWidth: 360,
              ...(mirrored ? { marginRight: 'auto' } : { marginLeft: 'auto' }),
              padding: '6px 18px',
              borderRadius: 999,
              border: `2px solid ${withAlpha(colors.accent, 0.6)}`,
            }}
          >
            {tagText.node}
          </div>
        ) : null}
      </div>

      <div
        style={{
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
          alignItems: titleDirection === 'rtl' ? 'flex-end' : 'flex-start',
          flexGrow: 1,
          minHeight: 0,
        }}
      >
        <div
          style={{
            display: 'flex',
            width: 96,
            height: 8,
            borderRadius: 4,
            backgroundColor: colors.accent,
            marginBottom: 32,
          }}
        />
        {titleText.node}
        {descriptionText?.node}
      </div>

      <div
        style={{
          display: 'flex',
          flexDirection: mirrored ? 'row-reverse' : 'row',
          alignItems: 'center',
          justifyContent: 'space-between',
          paddingTop: 24,
          borderTop: `2px solid ${withAlpha(colors.foreground, 0.12)}`,
        }}
      >
        {metaText?.node ?? <div style={{ display: 'flex' }} />}
        {hostText?.node}
      </div>
    </div>
  )
  if (!cover) return card
  // The cover fills a panel at the far side (the left, for a language written right to left).
  return (
    <div
      style={{
        width: context.width,
        height: context.height,
        display: 'flex',
        flexDirection: mirrored ? 'row-reverse' : 'row',
        backgroundColor: colors.background,
      }}
    >
      {card}
      <img
        src={cover}
        alt=""
        width={COVER_PANEL.width}
        height={COVER_PANEL.height}
        style={{ objectFit: 'cover' }}
      />
    </div>
  )
}
