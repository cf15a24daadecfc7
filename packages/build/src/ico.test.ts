import decodeIco from 'decode-ico'
import { describe, expect, it } from 'vitest'
import { pngSize } from '../test/project.ts'
import { encodeIco } from './ico.ts'
import { loadSharp } from './sharp.ts'

async function png(size: number): Promise<Buffer> {
  const sharp = await loadSharp()
  return sharp({ create: { width: size, height: size, channels: 4, background: '#f59e0b' } })
    .png()
    .toBuffer()
}

describe('encodeIco', () => {
  it('writes an ICO that a decoder reads back as the same PNGs, smallest first', async () => {
    const images = await Promise.all(
      [48, 16, 32].map(async (size) => ({ width: size, height: size, png: await png(size) })),
    )
    const decoded = decodeIco(encodeIco(images))
    expect(decoded.map((image) => [image.type, image.width, image.height, image.bpp])).toEqual([
      ['png', 16, 16, 32],
      ['png', 32, 32, 32],
      ['png', 48, 48, 32],
    ])
    for (const image of decoded) {
      const original = images.find((candidate) => candidate.width === image.width)?.png
      expect(Buffer.from(image.data as Uint8Array).equals(original as Buffer)).toBe(true)
      expect(pngSize(Buffer.from(image.data as Uint8Array))).toEqual({
        width: image.width,
        height: image.height,
      })
    }
  })

  it('writes a 256-pixel side as 0 in the directory, as the format says', async () => {
    const bytes = encodeIco([{ width: 256, height: 256, png: await png(256) }])
    expect([bytes[6], bytes[7]]).toEqual([0, 0])
    expect(decodeIco(bytes)[0]).toMatchObject({ width: 256, height: 256 })
  })

  it('refuses an image larger than an ICO can hold, and an empty list', () => {
    expect(() => encodeIco([{ width: 300, height: 300, png: new Uint8Array(8) }])).toThrow(
      /1 to 256 pixels/,
    )
    expect(() => encodeIco([])).toThrow(/1 to 65535 images/)
  })
})
