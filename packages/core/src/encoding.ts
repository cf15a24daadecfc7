import type { SourcePosition } from './yaml.ts'

/** The outcome of decoding a file's bytes as UTF-8. */
export type DecodedSource =
  | { ok: true; text: string }
  | { ok: false; message: string; hint: string; position: SourcePosition }

const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Decodes a file as strict UTF-8. A file that is not valid UTF-8 is reported with the line
 * and column of the first byte that cannot be read, instead of being silently mangled.
 * Strings are taken as they are.
 */
export function decodeSource(input: string | Uint8Array): DecodedSource {
  if (typeof input === 'string') return { ok: true, text: input }
  try {
    return { ok: true, text: strictDecoder.decode(input) }
  } catch {
    // Only on failure: scan the bytes to point the author at the first bad one.
  }
  const offset = Math.max(0, findInvalidUtf8(input))

  const before = decoder.decode(input.subarray(0, offset))
  const lineStart = before.lastIndexOf('\n') + 1
  const line = before.length === 0 ? 1 : before.split('\n').length
  // Editors do not show a BOM, so it does not count as a column.
  const bom = lineStart === 0 && before.charCodeAt(0) === 0xfeff ? 1 : 0
  const column = before.length - lineStart - bom + 1
  const byte = (input[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')
  const utf16 = (input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)
  return {
    ok: false,
    message: utf16
      ? 'The file is saved as UTF-16, but articles must be UTF-8.'
      : `The file is not valid UTF-8: byte 0x${byte} at line ${line}, column ${column} cannot be read (the file was probably saved as Latin-1 or Windows-1252).`,
    hint: 'Save the file as UTF-8 in your editor (most offer "Save with encoding" or "Reopen with encoding").',
    position: { line, column },
  }
}

/**
 * The byte offset of the first byte that does not belong to a well-formed UTF-8 sequence
 * (overlong forms, surrogates and code points above U+10FFFF included), or -1.
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const first = bytes[index] as number
    if (first < 0x80) {
      index++
      continue
    }
    let length: number
    let min: number
    let max = 0xbf
    if (first >= 0xc2 && first <= 0xdf) {
      length = 2
      min = 0x80
    } else if (first >= 0xe0 && first <= 0xef) {
      length = 3
      min = first === 0xe0 ? 0xa0 : 0x80
      if (first === 0xed) max = 0x9f
    } else if (first >= 0xf0 && first <= 0xf4) {
      length = 4
      min = first === 0xf0 ? 0x90 : 0x80
      if (first === 0xf4) max = 0x8f
    } else {
      return index
    }
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next]
      const low = next === 1 ? min : 0x80
      const high = next === 1 ? max : 0xbf
      if (byte === undefined || byte < low || byte > high) return index
    }
    index += length
  }
  return -1
}
