import { inflateSync } from 'node:zlib'

const WOFF = 0x774f4646 // 'wOFF'
const WOFF2 = 0x774f4632 // 'wOF2'
const TRUETYPE = 0x00010000
const OPENTYPE = 0x4f54544f // 'OTTO'
const TRUE = 0x74727565 // 'true', old Apple TrueType

/**
 * A font as the plain OpenType (TTF or OTF) bytes HarfBuzz reads: a WOFF file is unpacked
 * (its tables are zlib streams; WOFF 1.0 §5), TTF and OTF data is returned as it is, and
 * WOFF2, which needs a Brotli and glyph-transform decoder, gives undefined.
 *
 * @example
 * const sfnt = toSfnt(await readFile('inter-latin-400-normal.woff'))
 */
export function toSfnt(data: Uint8Array): Uint8Array | undefined {
  if (data.byteLength < 12) return undefined
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const signature = view.getUint32(0)
  if (signature === TRUETYPE || signature === OPENTYPE || signature === TRUE) return data
  if (signature === WOFF2 || signature !== WOFF) return undefined
  return unpackWoff(data, view)
}

interface TableEntry {
  tag: number
  offset: number
  compressedLength: number
  length: number
  checksum: number
}

function unpackWoff(data: Uint8Array, view: DataView): Uint8Array | undefined {
  const flavor = view.getUint32(4)
  const count = view.getUint16(12)
  if (data.byteLength < 44 + count * 20) return undefined
  const tables: TableEntry[] = []
  for (let index = 0; index < count; index++) {
    const at = 44 + index * 20
    tables.push({
      tag: view.getUint32(at),
      offset: view.getUint32(at + 4),
      compressedLength: view.getUint32(at + 8),
      length: view.getUint32(at + 12),
      checksum: view.getUint32(at + 16),
    })
  }
  const headerSize = 12 + 16 * count
  const size = tables.reduce((total, table) => total + padded(table.length), headerSize)
  const sfnt = new Uint8Array(size)
  const out = new DataView(sfnt.buffer)
  // The binary-search fields of the OpenType table directory.
  const power = 2 ** Math.floor(Math.log2(Math.max(1, count)))
  out.setUint32(0, flavor)
  out.setUint16(4, count)
  out.setUint16(6, power * 16)
  out.setUint16(8, Math.log2(power))
  out.setUint16(10, count * 16 - power * 16)
  let offset = headerSize
  for (const [index, table] of tables.entries()) {
    const stored = data.subarray(table.offset, table.offset + table.compressedLength)
    if (stored.byteLength !== table.compressedLength) return undefined
    const bytes = table.compressedLength < table.length ? inflateSync(stored) : stored
    if (bytes.byteLength !== table.length) return undefined
    sfnt.set(bytes, offset)
    const entry = 12 + index * 16
    out.setUint32(entry, table.tag)
    out.setUint32(entry + 4, table.checksum)
    out.setUint32(entry + 8, offset)
    out.setUint32(entry + 12, table.length)
    offset += padded(table.length)
  }
  return sfnt
}

/** Tables start on four-byte boundaries. */
function padded(length: number): number {
  return (length + 3) & ~3
}
