import { Resvg } from '@resvg/resvg-js'

/**
 * Rasterises a card's SVG at its own size with resvg, with no system fonts (satori has
 * turned every glyph into a path, so the card looks the same on every machine). `.asPng()`
 * on the result encodes it.
 */
export function rasteriseCard(svg: string) {
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render()
}
