import { existsSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import {
  articleSchema,
  assertZodSchema,
  createMarkdownRenderer,
  type FrontmatterSchema,
  type MarkdownOptions,
  type Problem,
  ProblemError,
} from '@dawnpress/core'
import { isArticleSchema, problemAt } from '@dawnpress/core/internal'
import { DEFAULT_PAGE_SIZE } from '@dawnpress/pages'
import { z } from 'zod'
import type { DawnpressConfig, OutputKind, SiteSettings } from './config.ts'
import { resolveProjectPaths } from './project-paths.ts'
import { shownPath } from './shown-path.ts'

/** What a command line (or a script) sets on top of the config file. */
export interface ConfigOverrides {
  /** Replaces `content`: a folder with `articles/` and `site.json`, or any folder of `.md` files. */
  content?: string | undefined
  outDir?: string | undefined
  cacheDir?: string | undefined
  /** Replaces the site's base URL. @default process.env.SITE_URL */
  siteUrl?: string | undefined
  /** Outputs to leave out, whatever the config says. */
  skip?: readonly OutputKind[] | undefined
  /** Outputs to write, whatever the config says. */
  only?: readonly OutputKind[] | undefined
  /** Replaces `outputs.package.dir` (and turns the package on). */
  packageDir?: string | undefined
  /**
   * Render only this share of the cards into the card cache, and write no output: one job
   * of a CI matrix (`{ index: 1, count: 2 }` and `{ index: 2, count: 2 }`), after which a
   * build with the merged cache renders no card. Which share an article falls in depends on
   * its slug alone.
   */
  shard?: { index: number; count: number } | undefined
}

/** `build` writes a folder; `dev` serves from memory and shows drafts. */
export type BuildMode = 'build' | 'dev'

/** A config with every default filled in and every path absolute. */
export interface ResolvedConfig {
  mode: BuildMode
  /** The project folder. */
  root: string
  /** The config file, when there is one. */
  configFile: string | undefined
  /** The config file and every local file it imports, for fingerprints and watching. */
  configDependencies: readonly string[]
  /** `name@version` of every package the config and its local files import, and of theirs. */
  configPackages: readonly string[]
  /** The folder of articles, and of the images and files beside them. */
  articlesDir: string
  /** The folder copied into the output as it is (`content/public`), when there is one. */
  publicDir: string | undefined
  /** Where the site settings come from: a JSON file, the config itself, or the defaults. */
  site: SiteSource
  schema: FrontmatterSchema
  /** True when the schema is not `articleSchema`: parse workers must load it from the config. */
  customSchema: boolean
  markdown: ResolvedMarkdown
  outputs: ResolvedOutputs
  outDir: string
  cacheDir: string
  /** Whether drafts are published in this mode. */
  drafts: boolean
  gitDates: boolean
  siteUrl: string | undefined
  /** Set for a shard of the card cache (see `ConfigOverrides.shard`). */
  shard: { index: number; count: number } | undefined
}

/** The Markdown options of a build: the collection's excerpts and its renderer's options. */
export interface ResolvedMarkdown extends MarkdownOptions {
  excerptLength: number
}

/** Where a build's site settings come from. */
export type SiteSource =
  | { kind: 'file'; file: string }
  | { kind: 'inline'; settings: SiteSettings }
  /** No site config: a site named after the project folder (see `defaultSite`). */
  | { kind: 'default' }

/** The outputs of a build, each off (`false`) or with its options. */
export interface ResolvedOutputs {
  pages: false | { pageSize: number }
  /** The Pagefind index and the search page; only with pages. */
  search: boolean
  /** The favicon, touch icons and web manifest; only with pages. */
  icons: boolean
  feeds: false | ResolvedFeeds
  cards: false | { workers: number | undefined }
  articlesJson: boolean
  package: false | { dir: string; name: string; version: string }
}

/** The feeds output's options, defaults filled in. */
export interface ResolvedFeeds {
  limit: number
  content: 'full' | 'summary'
  tagFeeds: boolean
  cardImages: boolean
  stylesheet: boolean | string
  logo: string | undefined
  icon: string | undefined
}

// A site path (`/x`) or an absolute http(s) URL: where a feed's logo, icon or stylesheet is.
const sitePathOrUrl = z.string().regex(/^(?:\/(?![/\\])|https?:\/\/)/, {
  error: 'Expected a site path such as "/logo.png", or an absolute http(s) URL.',
})

const feedsSchema = z.strictObject({
  limit: z.int().positive().optional(),
  content: z.enum(['full', 'summary']).optional(),
  tagFeeds: z.boolean().optional(),
  cardImages: z.boolean().optional(),
  stylesheet: z.union([z.boolean(), sitePathOrUrl]).optional(),
  logo: sitePathOrUrl.optional(),
  icon: sitePathOrUrl.optional(),
})

const flag = <T extends z.ZodType>(options: T) => z.union([z.boolean(), options]).optional()

const configSchema = z.strictObject({
  content: z.string().min(1).optional(),
  public: z.union([z.string().min(1), z.literal(false)]).optional(),
  site: z.union([z.string().min(1), z.looseObject({})]).optional(),
  schema: z
    .custom<FrontmatterSchema>(
      (value) => typeof (value as { safeParse?: unknown })?.safeParse === 'function',
      { error: 'Expected a zod schema, such as articleSchema.extend({ ... }).' },
    )
    .optional(),
  markdown: z
    .strictObject({
      excerptLength: z.int().min(20).max(10_000).optional(),
      highlight: z
        .union([
          z.boolean(),
          z.strictObject({
            themes: z
              .strictObject({
                light: z.string().min(1).optional(),
                dark: z.string().min(1).optional(),
              })
              .optional(),
          }),
        ])
        .optional(),
      plugins: z
        .array(
          z.union([
            z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', {
              error: 'Expected a markdown-it plugin function, or [plugin, options].',
            }),
            z
              .tuple([
                z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', {
                  error: 'Expected a markdown-it plugin function as the first item.',
                }),
              ])
              .rest(z.unknown()),
          ]),
        )
        .optional(),
      html: z
        .strictObject({ allow: z.record(z.string(), z.looseObject({})).optional() })
        .optional(),
    })
    .optional(),
  outputs: z
    .strictObject({
      pages: flag(z.strictObject({ pageSize: z.int().min(1).max(1000).optional() })),
      search: z.boolean().optional(),
      icons: z.boolean().optional(),
      feeds: flag(feedsSchema),
      cards: flag(z.strictObject({ workers: z.int().min(0).optional() })),
      articlesJson: z.boolean().optional(),
      package: flag(
        z.strictObject({
          dir: z.string().min(1).optional(),
          name: z.string().min(1).optional(),
          version: z.string().min(1).optional(),
        }),
      ),
    })
    .optional(),
  outDir: z.string().min(1).optional(),
  cacheDir: z.string().min(1).optional(),
  drafts: z.strictObject({ dev: z.boolean().optional() }).optional(),
  gitDates: z.boolean().optional(),
})

/**
 * Fills in the defaults of a config and makes every path absolute. A config that is not of
 * the documented shape (an unknown option, a wrong type) throws a `ProblemError` naming the
 * option, as any configuration mistake does.
 */
export function resolveConfig(
  config: DawnpressConfig<FrontmatterSchema>,
  context: {
    root: string
    mode?: BuildMode
    configFile?: string | undefined
    configDependencies?: readonly string[]
    configPackages?: readonly string[]
    overrides?: ConfigOverrides
    /** The folder the overrides' paths are relative to (a command's working directory). @default root */
    overridesRoot?: string
  },
): ResolvedConfig {
  const file = context.configFile ?? join(context.root, 'dawnpress.config.ts')
  const checked = configSchema.safeParse(config)
  if (!checked.success) {
    throw new ProblemError(checked.error.issues.map((issue) => configProblem(file, issue)))
  }
  if (config.schema !== undefined) {
    try {
      assertZodSchema(config.schema, 'The `schema` of the config')
    } catch (cause) {
      throw new ProblemError(
        [
          problemAt(
            shownPath(file),
            'CONFIG_INVALID',
            (cause as Error).message,
            'Build the schema with zod 4: `import { z } from "zod"` with zod 4 installed.',
            { path: ['schema'] },
          ),
        ],
        { cause },
      )
    }
  }
  const markdown = resolveMarkdown(config, file)
  const overrides = context.overrides ?? {}
  const paths = resolveProjectPaths(config, {
    root: context.root,
    overridesRoot: context.overridesRoot,
    overrides,
  })
  const { root, layout } = paths
  const at = (path: string) => resolve(root, path)
  const fromCommand = (path: string) => resolve(context.overridesRoot ?? root, path)
  if (!layout.exists && paths.content.namedBy !== undefined) {
    throw contentMissing(paths.content.dir, paths.content.namedBy)
  }
  if (paths.publicNamed) checkPublicDir(paths.publicDir as string, layout.articlesDir, file)
  const site: SiteSource =
    paths.inlineSite !== undefined
      ? { kind: 'inline', settings: paths.inlineSite as SiteSettings }
      : paths.siteFile === undefined
        ? { kind: 'default' }
        : { kind: 'file', file: paths.siteFile }
  const mode = context.mode ?? 'build'
  return {
    mode,
    root,
    configFile: context.configFile,
    configDependencies: context.configDependencies ?? [],
    configPackages: context.configPackages ?? [],
    articlesDir: layout.articlesDir,
    publicDir: paths.publicDir,
    site,
    schema: config.schema ?? articleSchema,
    customSchema: config.schema !== undefined && !isArticleSchema(config.schema),
    markdown,
    outputs: resolveOutputs(config, overrides, at, fromCommand, file),
    outDir: paths.outDir,
    cacheDir: paths.cacheDir,
    drafts: mode === 'dev' && (config.drafts?.dev ?? true),
    gitDates: config.gitDates ?? true,
    siteUrl: overrides.siteUrl ?? (process.env.SITE_URL || undefined),
    shard: checkShard(overrides.shard, file),
  }
}

function checkShard(shard: ConfigOverrides['shard'], file: string): ResolvedConfig['shard'] {
  if (shard === undefined) return undefined
  const { index, count } = shard
  if (
    Number.isInteger(index) &&
    Number.isInteger(count) &&
    count >= 1 &&
    index >= 1 &&
    index <= count
  ) {
    return { index, count }
  }
  throw new ProblemError([
    problemAt(
      shownPath(file),
      'CONFIG_INVALID',
      `The shard ${index}/${count} does not exist: shards are numbered 1 to their count.`,
      'Pass --shard I/N with 1 ≤ I ≤ N, such as --shard 1/2 and --shard 2/2 for two jobs.',
      { path: ['shard'] },
    ),
  ])
}

/**
 * The config's Markdown options, checked by making a renderer with them once: a theme that
 * does not exist, a plugin that throws as it is set up, or an allow-list that would let
 * unsafe HTML through is a configuration mistake at `markdown`, not a failure in a worker.
 */
function resolveMarkdown(
  config: DawnpressConfig<FrontmatterSchema>,
  file: string,
): ResolvedMarkdown {
  const { excerptLength = 200, highlight, plugins, html } = config.markdown ?? {}
  const options: MarkdownOptions = {
    ...(highlight !== undefined && { highlight }),
    ...(plugins !== undefined && { plugins }),
    ...(html !== undefined && { html }),
  }
  try {
    // Made only to check the options: with none given there is nothing to check, and a
    // build that finds nothing changed need not load markdown-it.
    if (Object.keys(options).length > 0) createMarkdownRenderer(options)
  } catch (cause) {
    throw new ProblemError(
      [
        problemAt(
          shownPath(file),
          'CONFIG_INVALID',
          `The option "markdown" in the config cannot be used: ${(cause as Error).message}`,
          'Fix the Markdown option the message names; the README of @dawnpress/build lists them.',
          { path: ['markdown'], cause },
        ),
      ],
      { cause },
    )
  }
  return { excerptLength, ...options }
}

/**
 * The Markdown options as plain data for the fingerprint: each plugin's code and options,
 * the allow-list's patterns as text. The config file's bytes are hashed too; this covers a
 * config given as an object, and plugins from packages (whose versions are hashed as well).
 */
export function describeMarkdown(markdown: ResolvedMarkdown): unknown {
  const plain = (value: unknown): unknown =>
    JSON.parse(
      JSON.stringify(value ?? null, (_key, item: unknown) =>
        item instanceof RegExp ? item.toString() : typeof item === 'function' ? String(item) : item,
      ),
    )
  return {
    excerptLength: markdown.excerptLength,
    highlight: plain(markdown.highlight ?? true),
    html: plain(markdown.html),
    plugins: (markdown.plugins ?? []).map((entry) => {
      const [plugin, ...options] = Array.isArray(entry) ? entry : [entry]
      return { code: String(plugin), options: plain(options) }
    }),
  }
}

/** Whether a build writes anything into its output folder (the package has a folder of its own). */
export function hasSiteOutputs(config: Pick<ResolvedConfig, 'outputs'>): boolean {
  const { pages, feeds, cards, articlesJson } = config.outputs
  return pages !== false || feeds !== false || cards !== false || articlesJson
}

function resolveOutputs(
  config: DawnpressConfig<FrontmatterSchema>,
  overrides: ConfigOverrides,
  at: (path: string) => string,
  fromCommand: (path: string) => string,
  file: string,
): ResolvedOutputs {
  const outputs = config.outputs ?? {}
  const wanted = (kind: OutputKind, fallback: boolean): boolean => {
    if (overrides.only) return overrides.only.includes(kind)
    if (overrides.skip?.includes(kind)) return false
    const value = outputs[kind]
    return value === undefined ? fallback : value !== false
  }
  const pagesOn = wanted('pages', true)
  // Search and icons are parts of the pages: on with them unless turned off, and `--only
  // pages` keeps them as the config has them.
  const withPages = (kind: 'search' | 'icons'): boolean => {
    if (outputs[kind] === true && outputs.pages === false) {
      throw new ProblemError([
        problemAt(
          shownPath(file),
          'CONFIG_INVALID',
          `The option "outputs.${kind}" is on but "outputs.pages" is off; the ${kind === 'search' ? 'search index is made from the pages and searched from a page' : 'icons are linked from the pages'}.`,
          `Turn "outputs.pages" on, or remove "outputs.${kind}".`,
          { path: ['outputs', kind] },
        ),
      ])
    }
    if (!pagesOn) return false
    if (overrides.only && !overrides.only.includes('pages')) return overrides.only.includes(kind)
    if (overrides.skip?.includes(kind)) return false
    return outputs[kind] !== false
  }
  const options = <T extends object>(value: boolean | T | undefined): Partial<T> =>
    typeof value === 'object' ? value : {}
  const feeds = options(outputs.feeds)
  const pages = options(outputs.pages)
  const cards = options(outputs.cards)
  const pkg = options(outputs.package)
  return {
    pages: pagesOn && { pageSize: pages.pageSize ?? DEFAULT_PAGE_SIZE },
    search: withPages('search'),
    icons: withPages('icons'),
    feeds: wanted('feeds', true) && {
      limit: feeds.limit ?? 50,
      content: feeds.content ?? 'full',
      tagFeeds: feeds.tagFeeds ?? true,
      cardImages: feeds.cardImages ?? true,
      stylesheet: feeds.stylesheet ?? true,
      logo: feeds.logo,
      icon: feeds.icon,
    },
    cards: wanted('cards', true) && { workers: cards.workers },
    articlesJson: wanted('articlesJson', true),
    package: (wanted('package', false) || overrides.packageDir !== undefined) && {
      dir:
        overrides.packageDir === undefined
          ? at(pkg.dir ?? 'content-package')
          : fromCommand(overrides.packageDir),
      name: pkg.name ?? 'content',
      version: pkg.version ?? '0.0.0',
    },
  }
}

/**
 * Checks the public folder a config names (the folder copied into the output as it is): one
 * that does not exist, or that overlaps the articles folder (whose Markdown would be read
 * as articles), is a configuration mistake.
 */
function checkPublicDir(dir: string, articlesDir: string, file: string): void {
  const mistake =
    !existsSync(dir) || !statSync(dir).isDirectory()
      ? `The public folder "${shownPath(dir)}" does not exist.`
      : isInside(dir, articlesDir) || isInside(articlesDir, dir)
        ? `The public folder "${shownPath(dir)}" and the articles folder "${shownPath(articlesDir)}" overlap, so its files would be read as articles.`
        : undefined
  if (mistake === undefined) return
  throw new ProblemError([
    problemAt(
      shownPath(file),
      'CONFIG_INVALID',
      mistake,
      'Set "public" in dawnpress.config.ts to a folder beside the articles folder (such as "content/public"), or to false for none.',
      { path: ['public'] },
    ),
  ])
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** The mistake of a content folder that was asked for and does not exist. */
function contentMissing(dir: string, namedBy: 'command' | 'config'): ProblemError {
  return new ProblemError([
    problemAt(
      shownPath(dir),
      'CONFIG_INVALID',
      `The content folder "${dir}" does not exist.`,
      namedBy === 'config'
        ? 'Set "content" in dawnpress.config.ts to the folder of your articles.'
        : 'Pass --content DIR with the folder of your articles.',
      { path: ['content'] },
    ),
  ])
}

function configProblem(file: string, issue: z.core.$ZodIssue): Problem {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol')
  const name = path.join('.') || 'config'
  const unknown = issue.code === 'unrecognized_keys'
  return problemAt(
    shownPath(file),
    'CONFIG_INVALID',
    unknown
      ? `The config has an option dawnpress does not know: ${issue.keys.map((key) => `"${[...path, key].join('.')}"`).join(', ')}.`
      : `The option "${name}" in the config is invalid: ${issue.message.replace(/^Invalid input: /, '')}.`,
    unknown
      ? 'Check the spelling against the options in the dawnpress README, or remove it.'
      : `Change "${name}" in the config; the README lists every option with its default.`,
    { path: unknown ? [...path, ...issue.keys] : path },
  )
}
