import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AssetSource } from './asset-references.ts'
import { loadSharp } from './sharp.ts'

/** An image's size and format, as its bytes say. */
export interface ImageInfo {
  width: number
  height: number
  /** sharp's name of the format: `png`, `jpeg`, `gif`, `webp`, `avif`, `svg`. */
  format: string
}

/** A smaller WebP copy of an image, for `srcset`. */
export interface ImageVariant {
  width: number
  /** The site path it is written to. */
  path: string
  /** The file in the cache that holds it. */
  file: string
}

/** Widths of the WebP copies an image gets, those narrower than the image itself. */
export const VARIANT_WIDTHS = [480, 960, 1440] as const

/** Formats sharp resizes without losing anything an author meant: not animation, not vectors. */
const RESIZABLE = new Set(['png', 'jpeg', 'webp', 'avif', 'tiff'])

/** Bump when variants are made differently, so that old ones are never served. */
const VARIANT_FORMAT = 1

/**
 * Reads image sizes and makes WebP variants, keeping both in `cacheDir` by the image's
 * SHA-256: an image is measured once and each variant drawn once, whatever the build.
 */
export function createImageStore(cacheDir: string) {
  const dir = join(cacheDir, 'images')
  const indexFile = join(dir, 'index.json')
  let index: Record<string, ImageInfo> | undefined
  let changed = false
  const read = (): Record<string, ImageInfo> => {
    if (index) return index
    try {
      index = JSON.parse(readFileSync(indexFile, 'utf8')) as Record<string, ImageInfo>
    } catch {
      index = {}
    }
    return index
  }

  return {
    /** The image's size and format; throws for bytes sharp cannot read as an image. */
    async info(asset: AssetSource, file: string): Promise<ImageInfo> {
      const known = read()[asset.hash]
      if (known) return known
      const sharp = await loadSharp()
      const metadata = await sharp(file).metadata()
      if (!metadata.width || !metadata.height) throw new Error('it has no size')
      const info = { width: metadata.width, height: metadata.height, format: metadata.format }
      read()[asset.hash] = info
      changed = true
      return info
    },

    /** The WebP variants of an image narrower than it, drawn into the cache when missing. */
    async variants(asset: AssetSource, file: string, info: ImageInfo): Promise<ImageVariant[]> {
      if (!RESIZABLE.has(info.format)) return []
      const widths = VARIANT_WIDTHS.filter((width) => width < info.width)
      const variants: ImageVariant[] = []
      for (const width of widths) {
        const cached = join(dir, `${asset.hash}-${VARIANT_FORMAT}-${width}.webp`)
        const path = asset.path.replace(/\.[^./]+$/, `-${width}.webp`)
        variants.push({ width, path, file: cached })
        if (existsSync(cached)) continue
        const sharp = await loadSharp()
        // Metadata is left out (sharp's default), so the bytes depend on the pixels alone.
        const bytes = await sharp(file).resize({ width }).webp({ quality: 80 }).toBuffer()
        mkdirSync(dir, { recursive: true })
        const partial = `${cached}.${process.pid}.tmp`
        writeFileSync(partial, bytes)
        renameSync(partial, cached)
      }
      return variants
    },

    /**
     * The image cropped to fill the cover panel of a card (`COVER_PANEL`), as a JPEG
     * `data:` URL, made once per image.
     */
    async cardCover(
      source: { file: string; hash: string },
      panel: { width: number; height: number },
    ): Promise<string> {
      const cached = join(
        dir,
        `${source.hash}-${VARIANT_FORMAT}-card-${panel.width}x${panel.height}.jpg`,
      )
      let bytes: Buffer
      try {
        bytes = readFileSync(cached)
      } catch {
        const sharp = await loadSharp()
        bytes = await sharp(source.file)
          .resize({ ...panel, fit: 'cover', position: 'attention' })
          .flatten({ background: '#ffffff' })
          .jpeg({ quality: 85 })
          .toBuffer()
        mkdirSync(dir, { recursive: true })
        const partial = `${cached}.${process.pid}.tmp`
        writeFileSync(partial, bytes)
        renameSync(partial, cached)
      }
      return `data:image/jpeg;base64,${bytes.toString('base64')}`
    },

    /** Writes the index back when something was added. */
    save(): void {
      if (!changed || index === undefined) return
      mkdirSync(dir, { recursive: true })
      const partial = `${indexFile}.${process.pid}.tmp`
      writeFileSync(partial, `${JSON.stringify(index)}\n`)
      renameSync(partial, indexFile)
      changed = false
    },
  }
}

/** What `createImageStore` makes. */
export type ImageStore = ReturnType<typeof createImageStore>
