import { resolve } from 'node:path'
import type { CreateBuildOptions, DawnpressConfig, OutputKind } from '@dawnpress/build'
import type { FrontmatterSchema } from '@dawnpress/core'

/** Where the typed content package is generated, relative to the project root. */
export const DEFAULT_CONTENT_DIR = '.dawnpress/content'

/** Where social cards are written, relative to the project root: served as `/dawnpress/og/<slug>.png`. */
export const DEFAULT_CARDS_DIR = 'public/dawnpress'

/** Options of `withDawnpress`. */
export interface DawnpressNextOptions {
  /**
   * The dawnpress project: where `dawnpress.config.ts` is looked for and relative paths
   * start. @default process.cwd(), the folder `next` runs in
   */
  root?: string
  /**
   * The dawnpress config: the path of a config file, or the config itself. Its `content`,
   * `site`, `schema` and `markdown` apply; which outputs are written is this function's choice.
   * @default the `dawnpress.config.{ts,mts,js,mjs}` in `root`, else every default
   */
  config?: string | DawnpressConfig<FrontmatterSchema>
  /**
   * The folder the typed content package is generated into, relative to `root`. Point an
   * import at it with `compilerOptions.paths` in `tsconfig.json`, which Turbopack and webpack
   * both read, and add it to `.gitignore`.
   * @default '.dawnpress/content'
   * @example
   * // tsconfig.json
   * { "compilerOptions": { "paths": { "@content": ["./.dawnpress/content"] } } }
   */
  dir?: string
  /**
   * Also draw each article's 1200×630 social card, into `<dir>/og/<slug>.png` (and the
   * site's into `og/_site.png`). The default folder is in Next's `public/`, so a card is
   * served at `/dawnpress/og/<slug>.png`.
   * @default false
   * @example withDawnpress(nextConfig, { cards: true })
   */
  cards?: boolean | { dir?: string }
  /** How long `next dev` waits for more saves before rebuilding, in ms. @default 40 */
  debounce?: number
}

/** The options with every default filled in and every path absolute. */
export interface ResolvedNextOptions {
  root: string
  packageDir: string
  cardsDir: string | undefined
  debounce: number | undefined
  /** What is asked of the engine: the package (and cards) alone. */
  build: CreateBuildOptions
}

/**
 * Fills in the defaults against the project root. The engine is asked for the content
 * package, and the cards when they are on, whatever outputs the config lists: pages and
 * feeds are the app's business.
 */
export function resolveNextOptions(
  options: DawnpressNextOptions,
  cwd: string = process.cwd(),
): ResolvedNextOptions {
  const root = resolve(cwd, options.root ?? '.')
  const packageDir = resolve(root, options.dir ?? DEFAULT_CONTENT_DIR)
  const cards = options.cards ?? false
  const cardsDir =
    cards === false
      ? undefined
      : resolve(root, (typeof cards === 'object' ? cards.dir : undefined) ?? DEFAULT_CARDS_DIR)
  const only: OutputKind[] = cardsDir === undefined ? ['package'] : ['package', 'cards']
  return {
    root,
    packageDir,
    cardsDir,
    debounce: options.debounce,
    build: {
      root,
      ...(options.config === undefined ? {} : { config: options.config }),
      mode: 'build',
      overrides: { only, packageDir, ...(cardsDir === undefined ? {} : { outDir: cardsDir }) },
    },
  }
}
