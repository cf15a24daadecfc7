import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadShaper } from './shaper.ts'
import { toSfnt } from './woff.ts'

const require = createRequire(import.meta.url)
const interFile = (extension: string) =>
  readFileSync(
    join(
      dirname(require.resolve('@fontsource/inter/package.json')),
      'files',
      `inter-latin-400-normal.${extension}`,
    ),
  )

describe('toSfnt', () => {
  it('unpacks a WOFF file into an OpenType font HarfBuzz reads', async () => {
    const sfnt = toSfnt(interFile('woff'))
    expect(sfnt).toBeDefined()
    const view = new DataView((sfnt as Uint8Array).buffer)
    // A TrueType or CFF signature, then the number of tables the WOFF header gave.
    expect([0x00010000, 0x4f54544f]).toContain(view.getUint32(0))
    expect(view.getUint16(4)).toBe(new DataView(interFile('woff').buffer).getUint16(12))
    const shaper = await loadShaper()
    expect(shaper.has(sfnt as Uint8Array, 'a'.codePointAt(0) as number)).toBe(true)
    expect(shaper.metrics(sfnt as Uint8Array, 100).ascender).toBeGreaterThan(80)
  })

  it('passes OpenType data through as it is', () => {
    const sfnt = toSfnt(interFile('woff')) as Uint8Array
    expect(toSfnt(sfnt)).toBe(sfnt)
  })

  it('gives nothing for WOFF2, which needs a Brotli decoder, or for data that is no font', () => {
    expect(toSfnt(interFile('woff2'))).toBeUndefined()
    expect(toSfnt(new TextEncoder().encode('<svg>not a font</svg>'))).toBeUndefined()
  })
})
