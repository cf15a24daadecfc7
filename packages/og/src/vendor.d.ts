// bidi-js ships no types; this is the part of its API dawnpress uses.
declare module 'bidi-js' {
  interface EmbeddingLevels {
    /** One level per UTF-16 code unit: odd is right to left. */
    levels: Uint8Array
    paragraphs: { start: number; end: number; level: number }[]
  }
  interface Bidi {
    getEmbeddingLevels(text: string, direction?: 'ltr' | 'rtl' | 'auto'): EmbeddingLevels
    /** Ranges (inclusive) to reverse in place, in order, to get the visual order. */
    getReorderSegments(
      text: string,
      levels: EmbeddingLevels,
      start?: number,
      end?: number,
    ): [number, number][]
  }
  export default function bidiFactory(): Bidi
}
