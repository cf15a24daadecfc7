import { absoluteUrl, outputFile as file, SITE_PATHS, type Site } from '@dawnpress/core'
import { THEME_COLORS } from '@dawnpress/pages'
import { encodeIco } from './ico.ts'
import type { SiteLogo } from './logo.ts'
import type { OutputFile } from './output-sink.ts'
import { loadSharp } from './sharp.ts'

/** The sizes inside `favicon.ico`: tabs, taskbars and high-density tabs. */
export const FAVICON_SIZES = [16, 32, 48] as const

/** iOS draws a touch icon's transparent pixels black, so it gets an opaque background. */
const APPLE_TOUCH_SIZE = 180

/**
 * A maskable icon's safe zone is the circle of 80% of its width: the logo, a square,
 * fits inside that circle with its corners on it (side = 0.8 / √2 of the icon).
 */
const MASKABLE_SAFE_SIDE = 0.8 / Math.SQRT2

/** The card's colours when the site names none: `@dawnpress/og`'s defaults. */
const CARD_DEFAULTS = { background: '#0b1020', foreground: '#f5f3ee', accent: '#f59e0b' }

/** The image icons are drawn from: the site's logo, or the default mark. */
export interface IconSource {
  type: SiteLogo['type']
  bytes: Uint8Array
}

/**
 * What a site without a logo gets: the mark the pages used to inline as a `data:` URI (a
 * sun on the horizon, in the card's colours), so that it still has a favicon of its own.
 * Shapes only, no text: it draws the same bytes on every machine, whatever its fonts.
 */
export function defaultMark(site: Pick<Site, 'card'>): IconSource {
  const background = site.card.background ?? CARD_DEFAULTS.background
  const foreground = site.card.foreground ?? CARD_DEFAULTS.foreground
  const accent = site.card.accent ?? CARD_DEFAULTS.accent
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${background}"/><circle cx="32" cy="40" r="14" fill="${accent}"/><rect x="10" y="40" width="44" height="14" fill="${background}"/><rect x="10" y="42" width="44" height="3" rx="1.5" fill="${foreground}"/></svg>\n`
  return { type: 'svg', bytes: Buffer.from(svg) }
}

/**
 * Draws every icon of the site from one image with sharp: `favicon.ico` (16, 32 and 48 px
 * PNGs in one ICO), `favicon.svg` for an SVG, `apple-touch-icon.png` (180 px, opaque),
 * `icon-192.png`, `icon-512.png`, a maskable 512 px icon with the logo inside the safe zone,
 * and `manifest.webmanifest`. The logo keeps its proportions, centred on a square.
 * Deterministic: sharp writes the same PNG bytes for the same input and version.
 */
export async function renderIcons(source: IconSource, site: Site): Promise<OutputFile[]> {
  const sharp = await loadSharp()
  const master = await rasterise(source, 1024)
  const transparent = { r: 0, g: 0, b: 0, alpha: 0 }
  const opaque = site.card.background ?? THEME_COLORS.dark
  const square = (size: number) =>
    sharp(master)
      .resize(size, size, { fit: 'contain', background: transparent, kernel: 'lanczos3' })
      .png({ compressionLevel: 9, adaptiveFiltering: false })
      .toBuffer()
  const padded = async (size: number, inner: number) => {
    const logo = await sharp(master)
      .resize(inner, inner, { fit: 'contain', background: transparent })
      .png()
      .toBuffer()
    const composed = await sharp({
      create: { width: size, height: size, channels: 3, background: opaque },
    })
      .composite([{ input: logo, gravity: 'centre' }])
      .png()
      .toBuffer()
    // A pipeline of its own: sharp composites last, so flattening in the same one would
    // leave the alpha channel that compositing adds.
    return sharp(composed)
      .flatten({ background: opaque })
      .png({ compressionLevel: 9, adaptiveFiltering: false })
      .toBuffer()
  }
  const favicons = await Promise.all(
    FAVICON_SIZES.map(async (size) => ({ width: size, height: size, png: await square(size) })),
  )
  const files: OutputFile[] = [
    { path: file(SITE_PATHS.favicon), contents: encodeIco(favicons) },
    // An opaque square whose logo keeps a margin, as iOS rounds the corners.
    {
      path: file(SITE_PATHS.appleTouchIcon),
      contents: await padded(APPLE_TOUCH_SIZE, Math.round(APPLE_TOUCH_SIZE * 0.84)),
    },
    { path: file(SITE_PATHS.icon192), contents: await square(192) },
    { path: file(SITE_PATHS.icon512), contents: await square(512) },
    {
      path: file(SITE_PATHS.iconMaskable),
      contents: await padded(512, Math.floor(512 * MASKABLE_SAFE_SIDE)),
    },
    { path: file(SITE_PATHS.manifest), contents: renderManifest(site) },
  ]
  if (source.type === 'svg')
    files.push({ path: file(SITE_PATHS.faviconSvg), contents: source.bytes })
  return files.sort((a, b) => (a.path < b.path ? -1 : 1))
}

/** The image as a square PNG of `size` pixels, an SVG drawn at that size rather than scaled. */
async function rasterise(source: IconSource, size: number): Promise<Buffer> {
  const sharp = await loadSharp()
  let density: number | undefined
  if (source.type === 'svg') {
    // sharp draws an SVG at 72 dpi by default: at its own size, often 64 px or less.
    const { width = size, height = size } = await sharp(source.bytes).metadata()
    density = Math.min(72 * (size / Math.max(width, height, 1)), 100_000)
  }
  return sharp(source.bytes, density === undefined ? {} : { density })
    .resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .ensureAlpha()
    .png()
    .toBuffer()
}

/**
 * The web app manifest: the site's name (and a short name of at most 12 characters, what a
 * home screen shows), its start URL and scope at the site's base path, the page colours and
 * the icons, whose paths are relative to the manifest and so under the base path too.
 */
export function renderManifest(site: Site): string {
  const basePath = new URL(absoluteUrl(site.url, '/')).pathname
  const icon = (path: string, size: number, purpose?: string) => ({
    src: path.replace(/^\//, ''),
    sizes: `${size}x${size}`,
    type: 'image/png',
    ...(purpose !== undefined && { purpose }),
  })
  const manifest = {
    name: site.title,
    short_name: shortName(site.title),
    description: site.description,
    lang: site.language,
    id: basePath,
    start_url: basePath,
    scope: basePath,
    display: 'minimal-ui',
    theme_color: THEME_COLORS.light,
    background_color: THEME_COLORS.light,
    icons: [
      icon(SITE_PATHS.icon192, 192),
      icon(SITE_PATHS.icon512, 512),
      icon(SITE_PATHS.iconMaskable, 512, 'maskable'),
    ],
  }
  return `${JSON.stringify(manifest, null, 2)}\n`
}

/** A home screen shows about 12 characters: the title, else its first word, else a cut. */
function shortName(title: string): string {
  const characters = [...title]
  if (characters.length <= 12) return title
  const first = title.split(/\s+/)[0] ?? title
  return [...first].length <= 12 ? first : `${characters.slice(0, 11).join('')}…`
}
