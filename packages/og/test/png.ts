import { inflateSync } from 'node:zlib'

/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** The image header of a PNG: the first chunk, which must be IHDR. */
export interface PngHeader {
  width: number
  height: number
  bitDepth: number
  colorType: number
}

/** Reads the IHDR chunk, checking the signature and the chunk order on the way. */
export function readPngHeader(png: Uint8Array): PngHeader {
  if (!PNG_SIGNATURE.every((byte, index) => png[index] === byte)) {
    throw new Error('Not a PNG: the signature is wrong.')
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const type = String.fromCharCode(...png.subarray(12, 16))
  if (type !== 'IHDR') throw new Error(`The first chunk is ${type}, not IHDR.`)
  return {
    width: view.getUint32(16),
    height: view.getUint32(20),
    bitDepth: png[24] ?? 0,
    colorType: png[25] ?? 0,
  }
}

/** Decoded pixels, four bytes (RGBA) each, row by row. */
export interface Pixels {
  width: number
  height: number
  rgba: Uint8Array
}

/**
 * Decodes an 8-bit RGBA or RGB, non-interlaced PNG (what resvg writes), so that tests can
 * look at pixels rather than compare files.
 */
export function decodePng(png: Uint8Array): Pixels {
  const header = readPngHeader(png)
  const channels = header.colorType === 6 ? 4 : header.colorType === 2 ? 3 : 0
  if (header.bitDepth !== 8 || channels === 0) {
    throw new Error(
      `Unsupported PNG: bit depth ${header.bitDepth}, colour type ${header.colorType}.`,
    )
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const chunks: Uint8Array[] = []
  for (let offset = 8; offset < png.length; ) {
    const length = view.getUint32(offset)
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8))
    if (type === 'IDAT') chunks.push(png.subarray(offset + 8, offset + 8 + length))
    offset += length + 12
  }
  const data = inflateSync(Buffer.concat(chunks))
  const stride = header.width * channels
  const rows = new Uint8Array(header.height * stride)
  for (let y = 0; y < header.height; y++) {
    const filter = data[y * (stride + 1)] ?? 0
    const line = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? (rows[y * stride + x - channels] ?? 0) : 0
      const up = y > 0 ? (rows[(y - 1) * stride + x] ?? 0) : 0
      const upLeft = y > 0 && x >= channels ? (rows[(y - 1) * stride + x - channels] ?? 0) : 0
      const raw = line[x] ?? 0
      const predicted =
        filter === 1
          ? left
          : filter === 2
            ? up
            : filter === 3
              ? (left + up) >> 1
              : filter === 4
                ? paeth(left, up, upLeft)
                : 0
      rows[y * stride + x] = (raw + predicted) & 0xff
    }
  }
  if (channels === 4) return { width: header.width, height: header.height, rgba: rows }
  const rgba = new Uint8Array(header.width * header.height * 4)
  for (let index = 0; index < header.width * header.height; index++) {
    rgba.set(rows.subarray(index * 3, index * 3 + 3), index * 4)
    rgba[index * 4 + 3] = 255
  }
  return { width: header.width, height: header.height, rgba }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

/** The pixel at (x, y) as [r, g, b, a]. */
export function pixelAt(pixels: Pixels, x: number, y: number): [number, number, number, number] {
  const index = (y * pixels.width + x) * 4
  const { rgba } = pixels
  return [rgba[index] ?? 0, rgba[index + 1] ?? 0, rgba[index + 2] ?? 0, rgba[index + 3] ?? 0]
}

/**
 * Counts bright pixels (relative luminance above `threshold`) inside a rectangle: on a dark
 * card, that is where text is.
 */
export function countBright(
  pixels: Pixels,
  area: { left: number; top: number; right: number; bottom: number },
  threshold = 0.6,
): number {
  let count = 0
  for (let y = area.top; y < area.bottom; y++) {
    for (let x = area.left; x < area.right; x++) {
      const [r, g, b] = pixelAt(pixels, x, y)
      if ((0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 > threshold) count++
    }
  }
  return count
}
