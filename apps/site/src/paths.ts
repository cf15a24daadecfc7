import { fileURLToPath } from 'node:url'

/** apps/site itself. */
export const APP_DIR = fileURLToPath(new URL('..', import.meta.url))
/** Where the build writes the site. */
export const DIST_DIR = fileURLToPath(new URL('../dist/', import.meta.url))
/** Rendered social cards, kept between builds so unchanged cards are not rendered again. */
export const CACHE_DIR = fileURLToPath(
  new URL('../node_modules/.cache/dawnpress/', import.meta.url),
)
/** The publication's content at the root of the repository. */
export const CONTENT_DIR = fileURLToPath(new URL('../../../content/', import.meta.url))
