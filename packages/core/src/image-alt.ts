import type MarkdownIt from 'markdown-it'
import type { Token } from 'markdown-it'
import { lexHtml } from './html-lexer.ts'
import { addNote, type RenderNote, type RenderNotesEnv } from './render-notes.ts'

/**
 * Notes every image of a body that says nothing to a reader who cannot see it: a Markdown
 * image with empty brackets (`![](./chart.png)`), or a raw `<img>` with no `alt` at all. The
 * image is shown as written; the note (`IMAGE_ALT_MISSING`, a warning) is at the image. A
 * raw `<img alt="">` is an image marked decorative on purpose and is left alone.
 */
export function imageAltPlugin(md: MarkdownIt): void {
  md.core.ruler.push('dawnpress_image_alt', (state) => {
    let lines: string[] | undefined
    for (const token of state.tokens) {
      const block = token.map
      if (block === null) continue
      const missing = [
        ...(token.type === 'html_block' ? rawImagesWithoutAlt(token.content) : []),
        ...(token.children ?? []).flatMap(imagesWithoutAlt),
      ]
      if (missing.length === 0) continue
      lines ??= state.src.split('\n')
      let from = { line: block[0], column: 0 }
      for (const marker of missing) {
        const at = find(lines, block, from, marker)
        from = { line: at.line, column: at.column + 1 }
        addNote(
          state.env as RenderNotesEnv,
          altMissing({ line: at.line + 1, column: at.column + 1 }),
        )
      }
    }
  })
}

/** The text that starts each image without alternative text in an inline token's children. */
function imagesWithoutAlt(child: Token): string[] {
  if (child.type === 'image') return child.children?.length ? [] : ['![']
  if (child.type === 'html_inline') return rawImagesWithoutAlt(child.content)
  return []
}

function rawImagesWithoutAlt(html: string): string[] {
  if (!/<img/i.test(html)) return []
  return lexHtml(html)
    .filter(
      (piece) =>
        piece.kind === 'start' &&
        piece.name === 'img' &&
        !piece.attributes.some((attribute) => attribute.name === 'alt'),
    )
    .map(() => '<img')
}

/** Where `marker` next appears in the block's lines from `from`, 0-based; else the block's start. */
function find(
  lines: readonly string[],
  block: [number, number],
  from: { line: number; column: number },
  marker: string,
): { line: number; column: number } {
  for (let line = from.line; line < block[1]; line++) {
    const text = (lines[line] ?? '').toLowerCase()
    const column = text.indexOf(marker, line === from.line ? from.column : 0)
    if (column !== -1) return { line, column }
  }
  return { line: block[0], column: 0 }
}

function altMissing(at: { line: number; column: number }): RenderNote {
  return {
    code: 'IMAGE_ALT_MISSING',
    ...at,
    message:
      'The image has no text alternative: a reader who cannot see it (a screen reader, a feed reader without images) learns nothing from it.',
    hint: 'Say what it shows inside the brackets, such as ![The training loop](./loop.png); for an image that is only decoration, write <img src="…" alt="">.',
  }
}
