import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type sharpModule from 'sharp'
import { packageVersions } from './dependency-digest.ts'

/** sharp's factory: `sharp(input, options)` gives a pipeline. */
export type Sharp = typeof sharpModule

let loading: Promise<Sharp> | undefined

/**
 * Loads sharp (libvips) the first time an image is made, and only then: its native library
 * takes longer to load than `check` or a small build without images runs. Every image
 * writer of the engine (icons, image variants) takes it from here, so that it is loaded
 * once and set up one way. sharp's own cache is off, since every image is cached by the
 * build on disk and a long `watch` should not hold decoded images.
 *
 * A sharp that cannot load (its platform package missing, as after `npm install
 * --omit=optional`) is an error that says how to install it.
 *
 * @example
 * const sharp = await loadSharp()
 * const png = await sharp(logo).resize(32, 32).png().toBuffer()
 */
export function loadSharp(): Promise<Sharp> {
  loading ??= import('sharp').then(
    (module) => {
      const sharp = ((module as { default?: Sharp }).default ?? module) as Sharp
      sharp.cache(false)
      return sharp
    },
    (cause: unknown) => {
      loading = undefined
      throw new Error(
        `sharp, which draws the site's icons and sizes its images, could not be loaded on ${process.platform}-${process.arch} (${(cause as Error).message.split('\n')[0]}). Install it with its platform package: npm install --include=optional sharp.`,
        { cause },
      )
    },
  )
  return loading
}

/**
 * sharp's version and those of its dependencies (its libvips and platform binary), read
 * from their package.json files without loading the library, for the keys of cached images:
 * a cache hit never pays for loading sharp.
 */
export function sharpVersion(): string {
  return packageVersions(['sharp'], dirname(fileURLToPath(import.meta.url))).join(' ')
}
