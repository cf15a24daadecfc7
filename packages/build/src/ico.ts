/** One image of an ICO file: a PNG and its size in pixels (at most 256). */
export interface IcoImage {
  width: number
  height: number
  /** The PNG file's bytes. */
  png: Uint8Array
}

const HEADER = 6
const ENTRY = 16

/**
 * An ICO file of PNG images (the container Windows Vista and every browser since read),
 * smallest first: a 6-byte header, a 16-byte directory entry per image, then the PNGs as
 * they are. A size of 256 is written as 0, as the format says.
 *
 * @example
 * encodeIco([{ width: 16, height: 16, png }, { width: 32, height: 32, png: png32 }])
 */
export function encodeIco(images: readonly IcoImage[]): Uint8Array {
  if (images.length === 0 || images.length > 0xffff) {
    throw new Error(`An ICO file holds 1 to 65535 images, not ${images.length}.`)
  }
  const sorted = [...images].sort((a, b) => a.width - b.width || a.height - b.height)
  const size = sorted.reduce(
    (total, image) => total + image.png.length,
    HEADER + ENTRY * sorted.length,
  )
  const bytes = new Uint8Array(size)
  const view = new DataView(bytes.buffer)
  view.setUint16(0, 0, true) // reserved
  view.setUint16(2, 1, true) // 1: icon (2 would be a cursor)
  view.setUint16(4, sorted.length, true)
  let offset = HEADER + ENTRY * sorted.length
  for (const [index, image] of sorted.entries()) {
    for (const side of [image.width, image.height]) {
      if (!Number.isInteger(side) || side < 1 || side > 256) {
        throw new Error(`An ICO image is 1 to 256 pixels on a side, not ${side}.`)
      }
    }
    const entry = HEADER + ENTRY * index
    view.setUint8(entry, image.width % 256)
    view.setUint8(entry + 1, image.height % 256)
    view.setUint8(entry + 2, 0) // colours in the palette: none
    view.setUint8(entry + 3, 0) // reserved
    view.setUint16(entry + 4, 1, true) // colour planes
    view.setUint16(entry + 6, 32, true) // bits per pixel
    view.setUint32(entry + 8, image.png.length, true)
    view.setUint32(entry + 12, offset, true)
    bytes.set(image.png, offset)
    offset += image.png.length
  }
  return bytes
}
