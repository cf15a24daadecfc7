import type {
  articleSchema,
  FrontmatterSchema,
  HighlightOptions,
  HtmlOptions,
  MarkdownPluginEntry,
  Site,
} from '@dawnpress/core'

/** The outputs a build can write. */
export type OutputKind =
  | 'pages'
  | 'feeds'
  | 'cards'
  | 'articlesJson'
  | 'package'
  | 'search'
  | 'icons'

/** Options of the feeds output (see `@dawnpress/feeds`). */
export interface FeedsOutputConfig {
  /** The most items in each feed; the newest articles win. @default 50 */
  limit?: number
  /**
   * `'full'`: each item carries the whole article and its description as summary.
   * `'summary'`: the description only, so that readers come to the site for the rest.
   * @default 'full'
   */
  content?: 'full' | 'summary'
  /** Also write RSS, Atom and JSON Feed for each tag, under `tags/<tag>/`. @default true */
  tagFeeds?: boolean
  /**
   * The article's social card as each item's image (an enclosure with the card's size).
   * When off, or when cards are not built, an article's own `image` is used, if it has one.
   * @default true
   */
  cardImages?: boolean
  /**
   * `true`: write `feed.xsl` and name it in the RSS and Atom feeds, so that a feed opened in
   * a browser reads as a page that says how to subscribe (readers ignore it). A site path:
   * name your own stylesheet instead. `false`: none.
   * @default true
   */
  stylesheet?: boolean | string
  /** The publication's logo, a site path or URL: RSS `<image>`, Atom `<logo>`, JSON Feed `icon`. */
  logo?: string
  /** A small square icon, a site path or URL: Atom `<icon>`, JSON Feed `favicon`. */
  icon?: string
}

/** Options of the pages output (see `@dawnpress/pages`). */
export interface PagesOutputConfig {
  /**
   * Articles on each page of the home page's and each tag's list. Page 1 stays at `/` (and
   * `/tags/<tag>/`); the others are `/page/2/`, `/page/3/`… (`/tags/<tag>/page/2/`…), linked
   * with `rel="prev"` and `rel="next"` and listed in the sitemap. `/articles/` lists every
   * article on one page.
   * @default 10
   */
  pageSize?: number
}

/** Options of the social-card output. */
export interface CardsOutputConfig {
  /** Worker threads that render cards; 0 renders in the build's own thread. @default one per core */
  workers?: number
}

/** Options of the typed content package output. */
export interface PackageOutputConfig {
  /**
   * Where the package is written, relative to the project root. When the folder already has
   * a `package.json` of its own (a package of the repository, say), only its `dist/` is
   * written; otherwise a complete package is written: `package.json`, `README.md`, `dist/`.
   * @default 'content-package'
   */
  dir?: string
  /** The package's name, for a package.json that dawnpress writes. @default 'content' */
  name?: string
  /** The package's version, for a package.json that dawnpress writes. @default '0.0.0' */
  version?: string
}

/** Which outputs a build writes, each on (`true` or its options) or off (`false`). */
export interface OutputsConfig {
  /**
   * Home, article, tag, index and 404 pages, redirects from old slugs, sitemap, robots.txt,
   * stylesheet. @default true
   * @example { pageSize: 20 }
   */
  pages?: boolean | PagesOutputConfig
  /**
   * A static search index of the article pages with Pagefind under `pagefind/`, the search
   * page `search/` over it, and a search box on the home page; no server, it works offline
   * from the built folder. Needs `pages`.
   * @default true when pages are on
   * @example { pages: true, search: false }
   */
  search?: boolean
  /**
   * `favicon.ico` (16, 32, 48 px), `apple-touch-icon.png`, `icon-192.png`, `icon-512.png`, a
   * maskable icon and `manifest.webmanifest`, drawn from `card.logo` of the site config (and
   * `favicon.svg` when it is an SVG), else from a default mark in the card's colours. Needs
   * `pages`, whose heads link them.
   * @default true when pages are on
   */
  icons?: boolean
  /** RSS 2.0, Atom 1.0 and JSON Feed 1.1, for the site and for each tag. @default true */
  feeds?: boolean | FeedsOutputConfig
  /** A 1200×630 PNG per article, and one for the site. @default true */
  cards?: boolean | CardsOutputConfig
  /** `articles.json`: every published article, HTML included, for other programs. @default true */
  articlesJson?: boolean
  /** A typed, npm-publishable package of the articles (ESM, CommonJS, `.d.ts`). @default false */
  package?: boolean | PackageOutputConfig
}

/** How Markdown bodies are rendered. */
export interface MarkdownConfig {
  /** Longest excerpt in characters, ellipsis included. @default 200 */
  excerptLength?: number
  /**
   * Highlight code blocks with Shiki at build time, in a light and a dark theme that follow
   * the page's colour scheme; `false` leaves them plain.
   * @default { themes: { light: 'github-light', dark: 'github-dark' } }
   * @example { themes: { light: 'one-light', dark: 'dracula' } }
   */
  highlight?: boolean | HighlightOptions
  /**
   * markdown-it plugins, in order: a plugin, or `[plugin, options]`. They run on every parse
   * worker (each loads this file), and their code and options are part of the cache key.
   * @example [markdownItContainer, [markdownItKatex, { throwOnError: false }]]
   */
  plugins?: MarkdownPluginEntry[]
  /**
   * What raw HTML in articles may hold beyond the safe defaults; whatever is still removed
   * is a warning at its line.
   * @example
   * { allow: { iframe: {
   *   attributes: ['src', 'title', 'width', 'height', 'allowfullscreen'],
   *   require: { src: { pattern: /^https:\/\/www\.youtube-nocookie\.com\/embed\//, description: 'a YouTube embed URL' } },
   * } } }
   */
  html?: HtmlOptions
}

/**
 * The settings of a dawnpress project, as `dawnpress.config.ts` exports them. Every field is
 * optional; relative paths resolve against the folder of the config file.
 */
export interface DawnpressConfig<S extends FrontmatterSchema = typeof articleSchema> {
  /**
   * The folder of Markdown articles, searched recursively.
   * @default 'content/articles', or 'content' itself when it has no articles folder
   */
  content?: string
  /**
   * A folder copied into the output as it is: favicons, downloads, a `robots.txt` of your
   * own, `.well-known/`. A file there replaces what dawnpress would write at the same path
   * only for the site's own files (`robots.txt`, the icons); anywhere else it is an error.
   * `false` for none.
   * @default 'content/public', when the content folder has one
   */
  public?: string | false
  /**
   * The site's settings: the path of a JSON file, or the settings themselves.
   * @default 'content/site.json' when it exists, else a site named after the project folder
   */
  site?: string | SiteSettings
  /**
   * The frontmatter schema. Extend `articleSchema` for fields of your own; they are checked
   * with positions, and the content package's types include them.
   * @default articleSchema
   * @example articleSchema.extend({ series: z.string().optional() })
   */
  schema?: S
  /** How Markdown is rendered. */
  markdown?: MarkdownConfig
  /** Which outputs `build()` writes. */
  outputs?: OutputsConfig
  /** The folder `build()` writes the site to. @default 'dist' */
  outDir?: string
  /** The folder caches are kept in between builds. @default 'node_modules/.cache/dawnpress' */
  cacheDir?: string
  /** Drafts are never published; `dev` shows them with a banner unless this is false. */
  drafts?: { dev?: boolean }
  /** Fill in missing dates from the commit that added each file. @default true */
  gitDates?: boolean
}

/** Site settings as written in a config file: what `content/site.json` holds. */
export type SiteSettings = Omit<Partial<Site>, 'card'> & {
  title: string
  description: string
  url: string
  author: Site['author']
  card?: Partial<Site['card']>
}

/**
 * Declares a project's settings with full types. It returns its argument: the types are the
 * point.
 *
 * @example
 * // dawnpress.config.ts
 * import { defineConfig } from 'dawnpress'
 * import { articleSchema } from '@dawnpress/core'
 * import { z } from 'zod'
 *
 * export default defineConfig({
 *   schema: articleSchema.extend({ series: z.string().optional() }),
 *   outputs: { feeds: { limit: 20 }, package: true },
 * })
 */
export function defineConfig<S extends FrontmatterSchema = typeof articleSchema>(
  config: DawnpressConfig<S>,
): DawnpressConfig<S> {
  return config
}
