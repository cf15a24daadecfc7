import type { CardArticle } from './article.ts'
import { withAlpha } from './context.ts'
import type { CardContext } from './template.ts'
import type { CardNode } from './tree.ts'

const PADDING_X = 80
const PADDING_Y = 64
// More than any clamped line shows; cutting first keeps layout time flat for a long text.
const MAX_TITLE = 320
const MAX_DESCRIPTION = 400

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
 * How large to set a title: short titles large, long ones smaller with more lines, so that
 * any title up to 300 characters fills the space without leaving it. Wide characters (CJK)
 * count double.
 */
export function titleSize(title: string): { fontSize: number; lines: number; balance: boolean } {
  let width = 0
  for (const char of title)
    width += /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(char)
      ? 1.8
      : 1
  // Balanced lines only where the whole title fits: balancing clamped text narrows every line.
  if (width <= 28) return { fontSize: 84, lines: 2, balance: true }
  if (width <= 56) return { fontSize: 72, lines: 3, balance: true }
  if (width <= 96) return { fontSize: 60, lines: 3, balance: false }
  return { fontSize: 52, lines: 4, balance: false }
}

/**
 * The default card: site name and logo at the top, the title large and bold with an accent
 * rule above it, the description below, and the date and reading time at the foot.
 */
export function defaultTemplate(article: CardArticle, context: CardContext): CardNode {
  const { colors, fontFamily } = context
  const title = clip(article.title.trim(), MAX_TITLE)
  const { fontSize, lines, balance } = titleSize(title)
  const description = clip(article.description.trim(), MAX_DESCRIPTION)
  const titleDirection = context.direction(title)
  const descriptionDirection = context.direction(description)
  const tag = article.tags?.[0]
  const meta = [context.date, context.readingTime].filter(Boolean).join('  ·  ')

  return (
    <div
      style={{
        width: context.width,
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
      <div style={{ display: 'flex', alignItems: 'center', height: 48 }}>
        {context.logo ? (
          <img
            src={context.logo}
            alt={context.site.title}
            height={48}
            style={{ marginRight: 20 }}
          />
        ) : (
          <div
            style={{
              display: 'flex',
              width: 14,
              height: 14,
              borderRadius: 7,
              backgroundColor: colors.accent,
              marginRight: 18,
            }}
          />
        )}
        <div
          style={{
            display: 'block',
            lineClamp: 1,
            flexShrink: 1,
            fontSize: 28,
            fontWeight: 700,
            letterSpacing: '0.02em',
          }}
        >
          {context.site.title}
        </div>
        {tag ? (
          <div
            style={{
              display: 'block',
              lineClamp: 1,
              maxWidth: 360,
              marginLeft: 'auto',
              padding: '6px 18px',
              borderRadius: 999,
              border: `2px solid ${withAlpha(colors.accent, 0.6)}`,
              color: colors.accent,
              fontSize: 22,
              fontWeight: 700,
              letterSpacing: '0.06em',
              textTransform: 'uppercase',
            }}
          >
            {tag}
          </div>
        ) : null}
      </div>

      <div
        style={{
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
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
            alignSelf: titleDirection === 'rtl' ? 'flex-end' : 'flex-start',
          }}
        />
        <div
          dir={titleDirection}
          style={{
            display: 'block',
            boxSizing: 'border-box',
            width: '100%',
            fontSize,
            fontWeight: 700,
            lineHeight: 1.12,
            letterSpacing: '-0.02em',
            lineClamp: lines,
            textWrap: balance ? 'balance' : 'wrap',
            overflowWrap: 'anywhere',
          }}
        >
          {title}
        </div>
        {description ? (
          <div
            dir={descriptionDirection}
            style={{
              display: 'block',
              boxSizing: 'border-box',
              width: '100%',
              marginTop: 28,
              fontSize: 30,
              lineHeight: 1.4,
              color: colors.muted,
              lineClamp: lines >= 4 ? 1 : 2,
              overflowWrap: 'anywhere',
            }}
          >
            {description}
          </div>
        ) : null}
      </div>

      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          paddingTop: 24,
          borderTop: `2px solid ${withAlpha(colors.foreground, 0.12)}`,
          fontSize: 24,
          color: colors.muted,
        }}
      >
        <div style={{ display: 'flex' }}>{meta}</div>
        {context.host ? <div style={{ display: 'flex' }}>{context.host}</div> : null}
      </div>
    </div>
  )
}
