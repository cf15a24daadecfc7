import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

// Where a project's files are: the config file, the default folders, and what a config's
// paths resolve to. A module of its own, free of the engine's dependencies, so that the
// check for an up-to-date build (`request-record.ts`) resolves them as `resolveConfig` does
// without loading the engine.

/** The names a config file may have, in the order they are looked for. */
export const CONFIG_FILES = [
  'dawnpress.config.ts',
  'dawnpress.config.mts',
  'dawnpress.config.js',
  'dawnpress.config.mjs',
] as const

/** The project's default folders, relative to its root. */
const DEFAULT_FOLDERS = {
  content: 'content',
  outDir: 'dist',
  cacheDir: 'node_modules/.cache/dawnpress',
} as const

/** The config file in `root`, if it has one. */
export function findConfigFile(root: string): string | undefined {
  for (const name of CONFIG_FILES) {
    const file = resolve(root, name)
    if (existsSync(file)) return file
  }
  return undefined
}

/** What a content folder holds (see `findContentLayout`). */
export interface ContentLayout {
  /** False when the folder does not exist; the other fields are then its defaults. */
  exists: boolean
  articlesDir: string
  siteFile: string | undefined
  publicDir: string | undefined
}

/**
 * Where a content folder's articles and site config are: `DIR/articles` and `DIR/site.json`
 * when they exist, else `DIR` itself is the folder of articles, so that any folder of
 * Markdown files can be checked and built. `DIR/public` is its public folder, only beside an
 * articles folder (in a folder of articles it would be read as articles).
 */
function findContentLayout(dir: string): ContentLayout {
  const isFolder = (path: string) => existsSync(path) && statSync(path).isDirectory()
  if (!isFolder(dir)) {
    return {
      exists: false,
      articlesDir: join(dir, 'articles'),
      siteFile: undefined,
      publicDir: undefined,
    }
  }
  const articles = join(dir, 'articles')
  const siteFile = join(dir, 'site.json')
  const publicDir = join(dir, 'public')
  return {
    exists: true,
    articlesDir: isFolder(articles) ? articles : dir,
    siteFile: existsSync(siteFile) ? siteFile : undefined,
    publicDir: isFolder(articles) && isFolder(publicDir) ? publicDir : undefined,
  }
}

/** The options of a config that say where a build's files are. */
export interface PathOptions {
  content?: string | undefined
  site?: unknown
  public?: string | false | undefined
  outDir?: string | undefined
  cacheDir?: string | undefined
}

/** Where a build's files are: what `resolveConfig` makes of a config's paths. */
export interface ProjectPaths {
  /** The folder the config's paths are relative to. */
  root: string
  /** The content folder, and who named it (undefined: the default, which may be missing). */
  content: { dir: string; namedBy: 'command' | 'config' | undefined }
  layout: ContentLayout
  /** The site file; undefined for settings inline in the config, or none. */
  siteFile: string | undefined
  /** The site settings inline in the config, when they are. */
  inlineSite: object | undefined
  publicDir: string | undefined
  /** Set when `publicDir` is the config's `public`, which must exist (not the default). */
  publicNamed: boolean
  outDir: string
  cacheDir: string
}

/**
 * The folders and files a config and a command's overrides name, absolute, with the
 * content folder's layout. Paths in the config are relative to `root` (the config file's
 * folder), those of the command to `overridesRoot` (its working directory). A content folder
 * given on the command line brings its own site.json and public folder.
 */
export function resolveProjectPaths(
  config: PathOptions,
  context: {
    root: string
    overridesRoot?: string | undefined
    overrides: {
      content?: string | undefined
      outDir?: string | undefined
      cacheDir?: string | undefined
    }
  },
): ProjectPaths {
  const root = resolve(context.root)
  const { overrides } = context
  const at = (path: string) => resolve(root, path)
  const fromCommand = (path: string) => resolve(context.overridesRoot ?? root, path)
  const namedBy =
    overrides.content !== undefined
      ? 'command'
      : config.content !== undefined
        ? 'config'
        : undefined
  const dir =
    overrides.content !== undefined
      ? fromCommand(overrides.content)
      : at(config.content ?? DEFAULT_FOLDERS.content)
  const layout = findContentLayout(dir)
  const fromConfig = namedBy !== 'command'
  const site = fromConfig ? config.site : undefined
  const publicNamed = fromConfig && typeof config.public === 'string'
  return {
    root,
    content: { dir, namedBy },
    layout,
    siteFile:
      typeof site === 'string' ? at(site) : typeof site === 'object' ? undefined : layout.siteFile,
    inlineSite: typeof site === 'object' && site !== null ? site : undefined,
    publicDir:
      config.public === false
        ? undefined
        : publicNamed
          ? at(config.public as string)
          : layout.publicDir,
    publicNamed,
    outDir:
      overrides.outDir === undefined
        ? at(config.outDir ?? DEFAULT_FOLDERS.outDir)
        : fromCommand(overrides.outDir),
    cacheDir:
      overrides.cacheDir === undefined
        ? at(config.cacheDir ?? DEFAULT_FOLDERS.cacheDir)
        : fromCommand(overrides.cacheDir),
  }
}
