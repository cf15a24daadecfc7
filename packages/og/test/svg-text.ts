import { XMLParser } from 'fast-xml-parser'

/** One `<text>` element of an SVG that satori drew with `embedFont: false`: a word or a space. */
export interface SvgTextPiece {
  text: string
  x: number
  y: number
  width: number
  fontSize: number
  fontWeight: number
}

type OrderedNode = { [name: string]: OrderedNode[] | string } & { ':@'?: Record<string, string> }

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  trimValues: false,
  processEntities: true,
})

/**
 * The text pieces of a card's SVG in document order, read with an XML parser: satori sets
 * each word and space as a `<text>` element at the position its layout gave it.
 */
export function readSvgText(svg: string): SvgTextPiece[] {
  const pieces: SvgTextPiece[] = []
  const visit = (nodes: OrderedNode[]) => {
    for (const node of nodes) {
      for (const [name, value] of Object.entries(node)) {
        if (name === ':@' || !Array.isArray(value)) continue
        if (name === 'text') {
          const attributes = node[':@'] ?? {}
          const weight = attributes['font-weight']
          pieces.push({
            text: value.map((child) => String(child['#text'] ?? '')).join(''),
            x: Number(attributes.x),
            y: Number(attributes.y),
            width: Number(attributes.width),
            fontSize: Number(attributes['font-size']),
            fontWeight: weight === 'normal' ? 400 : weight === 'bold' ? 700 : Number(weight),
          })
        } else visit(value)
      }
    }
  }
  visit(parser.parse(svg) as OrderedNode[])
  return pieces
}
