import type { SatoriFont } from './fonts.ts'
import { type SatoriOptions, satori } from './satori.ts'
import type { CardTextElement } from './tree.ts'

/** A text box as satori will set it, to count its lines before the card is drawn. */
export interface MeasuredBox {
  /** The element to lay out on its own: the text box, with the width it will have. */
  element: CardTextElement
  width: number
  fonts: readonly SatoriFont[]
  graphemeImages: Record<string, string>
  /** Called with each character no font has, as when drawing. */
  onMissing(char: string): void
}

const MEASURED = 'dawnpress-measured'

/**
 * Lays out one text box with satori, the same engine and fonts that draw the card, and
 * returns its height: the box is measured, not guessed from its number of characters. Text
 * output is left out (`embedFont: false`), so this costs the layout alone.
 */
export async function measureHeight(box: MeasuredBox): Promise<number> {
  let height = 0
  const root = {
    type: 'div',
    props: {
      style: { display: 'flex', flexDirection: 'column', width: box.width },
      children: { ...box.element, key: MEASURED },
    },
  }
  await satori(root as Parameters<typeof satori>[0], {
    width: box.width,
    fonts: box.fonts as SatoriOptions['fonts'],
    graphemeImages: box.graphemeImages,
    embedFont: false,
    onNodeDetected: (node) => {
      if (node.key === MEASURED) height = node.height
    },
    loadAdditionalAsset: async (code, segment) => {
      if (code !== 'emoji') for (const char of segment) box.onMissing(char)
      return []
    },
  })
  return height
}
