import { join, resolve } from 'node:path'
import type { CreateBuildOptions, DawnpressConfig, OutputKind } from '@dawnpress/build'
import type { FrontmatterSchema } from '@dawnpress/core'

/** Where the typed content package is generated, relative to the project root. */
export const DEFAULT_CONTENT_DIR = '.dawnpress/content'

/** The import an app reads its content from: `import { articles } from '@content'`. */
export const DEFAULT_CONTENT_ALIAS = '@content'

/** Where social cards are written, relative to the project root: served as `/dawnpress/og/<slug>.png`. */
export const DEFAULT_CARDS_DIR = 'public/dawnpress'

/** Options of the `dawnpress()` Vite plugin. */
export interface DawnpressPluginOptions {
  /**
   * The dawnpress project: where `dawnpress.config.ts` is looked for and relative paths
   * start. @default Vite's `root`
   */
  root?: string
  /**
   * The dawnpress config: the path of a config file, or the config itself. Its `content`,
   * `site`, `schema` and `markdown` apply; which outputs are written is this plugin's choice.
   * @default the `dawnpress.config.{ts,mts,js,mjs}` in `root`, else every default
   */
  config?: string | DawnpressConfig<FrontmatterSchema>
  /**
   * The folder the typed content package is generated into, relative to `root`. Add it to
   * `.gitignore`: it is written again on every build.
   * @default '.dawnpress/content'
   */
  dir?: string
  /**
   * The import specifier that resolves to the content package, or `false` to add no alias
   * (import the folder yourself). Give TypeScript the same name in `compilerOptions.paths`.
   * @default '@content'
   * @example
   * // tsconfig.json
   * { "compilerOptions": { "paths": { "@content": ["./.dawnpress/content"] } } }
   */
  alias?: string | false
  /**
   * Also draw each article's 1200×630 social card, into `<dir>/og/<slug>.png` (and the
   * site's into `og/_site.png`). The default folder is in Vite's `public/`, so a card is
   * served and copied into the build at `/dawnpress/og/<slug>.png`.
   * @default false
   * @example dawnpress({ cards: true })
   */
  cards?: boolean | { dir?: string }
  /** How long to wait for more saves before rebuilding, in ms. @default 40 */
  debounce?: number
}

/** The plugin's options with every default filled in and every path absolute. */
export interface ResolvedPluginOptions {
  root: string
  /** The generated package's folder. */
  packageDir: string
  /** Its ES module entry, which the alias resolves to. */
  entry: string
  alias: string | false
  /** The folder of cards, when they are on. */
  cardsDir: string | undefined
  debounce: number | undefined
  /** What the plugin asks of the engine: the package (and cards) alone. */
  build: CreateBuildOptions
}

/**
 * Fills in the plugin's defaults against the project root (Vite's root unless `root` is
 * given). The engine is asked for the content package, and the cards when they are on,
 * whatever outputs the config lists: pages and feeds are the app's business.
 */
export function resolvePluginOptions(
  options: DawnpressPluginOptions,
  viteRoot: string,
): ResolvedPluginOptions {
  const root = resolve(viteRoot, options.root ?? '.')
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
    entry: join(packageDir, 'dist', 'index.js'),
    alias: options.alias ?? DEFAULT_CONTENT_ALIAS,
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
