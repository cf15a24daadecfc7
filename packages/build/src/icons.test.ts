import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { siteSchema } from '@dawnpress/core'
import decodeIco from 'decode-ico'
import { describe, expect, it } from 'vitest'
import { pngSize, REPO_CONTENT } from '../test/project.ts'
import { defaultMark, type IconSource, renderIcons, renderManifest } from './icons.ts'
import { loadSharp } from './sharp.ts'

const site = siteSchema.parse(JSON.parse(readFileSync(join(REPO_CONTENT, 'site.json'), 'utf8')))
const logo: IconSource = { type: 'svg', bytes: readFileSync(join(REPO_CONTENT, 'logo.svg')) }
const byPath = (files: { path: string; contents: string | Uint8Array }[]) =>
  new Map(files.map((file) => [file.path, Buffer.from(file.contents)]))

/** The colour type of a PNG's header: 2 is RGB, 6 is RGBA. */
const colourType = (bytes: Buffer) => bytes[25]

describe('renderIcons', () => {
  it('draws every icon at its size from the logo', async () => {
    const files = byPath(await renderIcons(logo, site))
    expect([...files.keys()]).toEqual([
      'apple-touch-icon.png',
      'favicon.ico',
      'favicon.svg',
      'icon-192.png',
      'icon-512.png',
      'icon-maskable-512.png',
      'manifest.webmanifest',
    ])
    const size = (path: string) => pngSize(files.get(path) as Buffer)
    expect(size('apple-touch-icon.png')).toEqual({ width: 180, height: 180 })
    expect(size('icon-192.png')).toEqual({ width: 192, height: 192 })
    expect(size('icon-512.png')).toEqual({ width: 512, height: 512 })
    expect(size('icon-maskable-512.png')).toEqual({ width: 512, height: 512 })
    const ico = decodeIco(files.get('favicon.ico') as Buffer)
    expect(ico.map((image) => [image.type, image.width, image.height])).toEqual([
      ['png', 16, 16],
      ['png', 32, 32],
      ['png', 48, 48],
    ])
    expect(files.get('favicon.svg')?.equals(logo.bytes as Buffer)).toBe(true)
  })

  it('gives the apple-touch icon and the maskable icon no transparency (iOS shows it as black)', async () => {
    const files = byPath(await renderIcons(logo, site))
    const sharp = await loadSharp()
    for (const path of ['apple-touch-icon.png', 'icon-maskable-512.png']) {
      const bytes = files.get(path) as Buffer
      expect(colourType(bytes)).toBe(2)
      expect((await sharp(bytes).metadata()).hasAlpha).toBe(false)
    }
    expect(colourType(files.get('icon-512.png') as Buffer)).toBe(6)
  })

  it('keeps the maskable icon’s logo inside the safe zone, the centre circle of 80%', async () => {
    const files = byPath(await renderIcons(logo, site))
    const sharp = await loadSharp()
    const { data, info } = await sharp(files.get('icon-maskable-512.png') as Buffer)
      .raw()
      .toBuffer({ resolveWithObject: true })
    const background = [0x0b, 0x10, 0x20]
    let outside = 0
    for (let y = 0; y < info.height; y++) {
      for (let x = 0; x < info.width; x++) {
        const at = (y * info.width + x) * info.channels
        const isBackground = background.every(
          (value, channel) => Math.abs((data[at + channel] ?? 0) - value) <= 2,
        )
        if (!isBackground && Math.hypot(x + 0.5 - 256, y + 0.5 - 256) > 0.4 * 512) outside++
      }
    }
    expect(outside).toBe(0)
  })

  it('draws the same bytes every time (regression guard: icons are cached by their inputs)', async () => {
    const first = byPath(await renderIcons(logo, site))
    const second = byPath(await renderIcons(logo, site))
    for (const [path, bytes] of first) expect(second.get(path)?.equals(bytes), path).toBe(true)
  })

  it('draws a PNG logo too, and then writes no favicon.svg', async () => {
    const sharp = await loadSharp()
    const png = await sharp(logo.bytes, { density: 144 }).png().toBuffer()
    const files = byPath(await renderIcons({ type: 'png', bytes: png }, site))
    expect(files.has('favicon.svg')).toBe(false)
    expect(pngSize(files.get('icon-512.png') as Buffer)).toEqual({ width: 512, height: 512 })
  })

  it('draws the default mark in the card’s colours for a site without a logo', () => {
    const mark = defaultMark({ card: { background: '#123456', accent: '#abcdef' } })
    expect(mark.type).toBe('svg')
    expect(String(mark.bytes)).toContain('fill="#123456"')
    expect(String(mark.bytes)).toContain('fill="#abcdef"')
  })
})

describe('renderManifest', () => {
  it('names the site, its icons and colours, and starts at the site’s base path', () => {
    const manifest = JSON.parse(renderManifest({ ...site, url: 'https://example.org/blog/' }))
    expect(manifest).toMatchObject({
      name: 'Dawn',
      short_name: 'Dawn',
      lang: 'en',
      start_url: '/blog/',
      scope: '/blog/',
      id: '/blog/',
      display: 'minimal-ui',
      theme_color: '#fbfaf7',
      background_color: '#fbfaf7',
    })
    expect(manifest.icons).toEqual([
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ])
    // Icon paths are relative to the manifest, so they resolve under the base path too.
    expect(
      new URL(manifest.icons[0].src, 'https://example.org/blog/manifest.webmanifest').pathname,
    ).toBe('/blog/icon-192.png')
  })

  it('shortens a long title for home screens', () => {
    expect(
      JSON.parse(renderManifest({ ...site, title: 'Dawnpress Weekly Review' })).short_name,
    ).toBe('Dawnpress')
    expect(JSON.parse(renderManifest({ ...site, title: 'Supercalifragilistic' })).short_name).toBe(
      'Supercalifr…',
    )
  })
})
