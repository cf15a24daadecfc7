import { dirname, resolve } from 'node:path'
import { type FrontmatterSchema, isProblemError, type Problem, sortProblems } from '@dawnpress/core'
import { problemAt } from '@dawnpress/core/internal'
import type { DawnpressConfig } from './config.ts'
import { loadConfigFile } from './load-config.ts'
import { loadSite } from './load-site.ts'
import { findConfigFile } from './project-paths.ts'
import {
  type BuildRequest,
  describeConfigFile,
  isRecordable,
  type RunRequest,
} from './request-record.ts'
import {
  type BuildMode,
  type ConfigOverrides,
  type ResolvedConfig,
  resolveConfig,
} from './resolve-config.ts'
import {
  type BuildResult,
  type CheckResult,
  type LastBuild,
  runBuild,
  runCheck,
} from './run-build.ts'
import { shownPath } from './shown-path.ts'
import type { Lookup } from './static-handler.ts'
import type { Watcher } from './watch.ts'

/** Options of `createBuild`. */
export interface CreateBuildOptions {
  /**
   * The project folder: the config file is looked for here, and relative paths resolve
   * against it. @default process.cwd()
   */
  root?: string
  /**
   * The config: the path of a config file, or the config itself. @default the
   * `dawnpress.config.{ts,mts,js,mjs}` in `root`, else every default
   */
  config?: string | DawnpressConfig<FrontmatterSchema>
  /** Settings that win over the config, such as a command line's flags. */
  overrides?: ConfigOverrides
  /**
   * `build` writes the output folder. `dev` keeps every output in memory (see `read`),
   * publishes drafts unless the config says not to, and draws cards when first asked for.
   * @default 'build'
   */
  mode?: BuildMode
}

/** Options of `watch`. */
export interface WatchOptions {
  /** How long to wait for more file events before building, in ms. @default 40 */
  debounce?: number
}

/**
 * One build's life, in the spirit of esbuild's `context()`: the command line, the dev
 * server and scripts all drive this same object.
 */
export interface Build {
  /** The config with its defaults filled in and its paths absolute (as of the last load). */
  readonly config: ResolvedConfig
  /**
   * Builds what changed since the last build (of this process, or recorded in the cache):
   * only changed articles are parsed, unchanged feeds are reused, cards are drawn only when
   * what they show changed. Resolves to what it did; content problems are in the result.
   * A configuration mistake (an invalid site config, an output folder dawnpress may not
   * replace) rejects with a `ProblemError`. Builds never overlap: a call waits for the last.
   */
  build(): Promise<BuildResult>
  /**
   * Finds every problem of the content, as `build()` would, without writing any output:
   * unchanged articles are reused from the last build's cache, the others parsed.
   */
  check(): Promise<CheckResult>
  /**
   * Renders one article's card (drafts too, in `dev` mode) into `<outDir>/og/<slug>.png`,
   * for an author to look at; `outDir` follows the rule of every output folder (absent,
   * empty, or written by dawnpress). Undefined when no valid article has the slug; the
   * problems are the card's own (a character no font has).
   */
  previewCard(
    slug: string,
    outDir: string,
  ): Promise<{ file: string; problems: Problem[] } | undefined>
  /**
   * Builds now and after every change of an article, the site config, the config file (or a
   * file it imports) and the logo, calling `onResult` with each result. A configuration
   * mistake does not stop watching: it comes as a `failed` result with its problems.
   */
  watch(onResult: (result: BuildResult) => void, options?: WatchOptions): Promise<Watcher>
  /**
   * A file of the last successful dev build, by site path (`/articles/a/index.html`): its
   * bytes, `'directory'` for a folder, or undefined. Only in `dev` mode.
   */
  read(sitePath: string): Promise<Lookup>
  /** Stops watching and waits for a running build. */
  dispose(): Promise<void>
}

/**
 * Creates the build of a project. Loads the config file, if any; nothing is built until
 * `build()` or `watch()`.
 *
 * @example
 * const build = await createBuild({ root: 'my-blog' })
 * const result = await build.build()
 * if (!result.ok) console.error(formatProblems(result.problems))
 * await build.dispose()
 */
export async function createBuild(options: CreateBuildOptions = {}): Promise<Build> {
  const root = resolve(options.root ?? process.cwd())
  const mode = options.mode ?? 'build'
  let { config, request } = await loadResolvedConfig(root, options, mode)
  let last: LastBuild | undefined
  let queue: Promise<unknown> = Promise.resolve()
  const watchers = new Set<Watcher>()

  const build = (): Promise<BuildResult> => {
    const next = queue.then(async () => {
      const { result, last: kept } = await runBuild(config, last, { request })
      last = kept
      return result
    })
    queue = next.catch(() => {})
    return next
  }

  const checkWithCovers = () => {
    const next = queue.then(() => runCheck(config, last))
    queue = next.catch(() => {})
    return next
  }
  const check = async (): Promise<CheckResult> => {
    const { covers: _covers, ...result } = await checkWithCovers()
    return result
  }

  return {
    get config() {
      return config
    },
    build,
    check,
    async previewCard(slug, outDir) {
      const checked = await checkWithCovers()
      const article = checked.articles.find((candidate) => candidate.slug === slug)
      if (article === undefined) return undefined
      const { writeCardPreview } = await import('./write-outputs.ts')
      return writeCardPreview(config, checked.site, article, resolve(root, outDir), checked.covers)
    },
    async watch(onResult, watchOptions = {}) {
      // Loaded only here: chokidar is for watching, which a build never does.
      const { watchFiles } = await import('./watch.ts')
      const report = (result: Promise<BuildResult>) =>
        result.then(onResult, (error: unknown) => onResult(failedResult(error, config)))
      let watcher: Watcher | undefined
      let stopped = false
      const start = () => {
        const targets = watchTargets(config)
        watcher = watchFiles(
          targets,
          (paths) => {
            const configChanged = paths.some((path) => config.configDependencies.includes(path))
            const fileChanged = paths.some((path) => targets.files.includes(path))
            const rebuilt = (async () => {
              if (configChanged)
                ({ config, request } = await loadResolvedConfig(root, options, mode))
              if (fileChanged) {
                // A new config or site config can name other files (a logo): watch those.
                await watcher?.close()
                if (!stopped) start()
              }
              return build()
            })()
            void report(rebuilt)
          },
          {
            debounce: watchOptions.debounce,
            onError: (error) => onResult(failedResult(error, config)),
          },
        )
      }
      start()
      await watcher?.ready
      await report(build())
      const handle: Watcher = {
        get ready() {
          return watcher?.ready ?? Promise.resolve()
        },
        async close() {
          stopped = true
          watchers.delete(handle)
          await watcher?.close()
        },
      }
      watchers.add(handle)
      return handle
    },
    async read(sitePath) {
      const files = last?.sink?.files
      if (files === undefined) return undefined
      const file = files.get(sitePath)
      if (file !== undefined) return typeof file === 'function' ? file() : file
      const folder = sitePath.endsWith('/') ? sitePath : `${sitePath}/`
      return files.has(`${folder}index.html`) ? 'directory' : undefined
    },
    async dispose() {
      await Promise.all([...watchers].map((watcher) => watcher.close()))
      await queue
    },
  }
}

/**
 * The resolved config of a project, and the request it was made from when the command line
 * can make it again (see `findUpToDate`): a build, from a config file or none, not a shard.
 */
async function loadResolvedConfig(
  root: string,
  options: CreateBuildOptions,
  mode: BuildMode,
): Promise<{ config: ResolvedConfig; request: RunRequest | undefined }> {
  const source = options.config ?? findConfigFile(root)
  const request: BuildRequest = {
    root,
    config: typeof options.config === 'string' ? options.config : undefined,
    overrides: options.overrides ?? {},
  }
  const recordable = mode === 'build' && isRecordable(request)
  if (source === undefined || typeof source === 'object') {
    const config = resolveConfig(source ?? {}, { root, mode, overrides: options.overrides })
    // A config given as an object is not one the command line can give.
    const again = recordable && source === undefined
    return { config, request: again ? { request, source: undefined } : undefined }
  }
  const loaded = await loadConfigFile(resolve(root, source))
  const description = describeConfigFile({ ...loaded, exported: loaded.config })
  // Paths in a config file are relative to the file, wherever the command runs.
  const config = resolveConfig(loaded.config, {
    root: dirname(loaded.file),
    mode,
    configFile: loaded.file,
    configDependencies: loaded.dependencies,
    configPackages: loaded.packages,
    overrides: options.overrides,
    overridesRoot: root,
  })
  return {
    config,
    request: recordable && description !== undefined ? { request, source: description } : undefined,
  }
}

/** Everything whose change can change a build's output. */
function watchTargets(config: ResolvedConfig) {
  const files = [...config.configDependencies]
  if (config.site.kind === 'file') files.push(config.site.file)
  try {
    const { site, siteDir } = loadSite(config)
    if (site.card.logo !== undefined) files.push(resolve(siteDir, site.card.logo))
  } catch {
    // An invalid site config names no logo; the build reports what is wrong with it.
  }
  const folders = [config.articlesDir]
  if (config.publicDir !== undefined) folders.push(config.publicDir)
  return { folders, files }
}

/** A failure outside the content, as a result, for a watcher that must keep going. */
function failedResult(error: unknown, config: ResolvedConfig): BuildResult {
  const problems: Problem[] = isProblemError(error)
    ? error.problems
    : [
        problemAt(
          shownPath(config.root),
          'INTERNAL_ERROR',
          `The build failed: ${error instanceof Error ? error.message : String(error)}`,
          'This is a bug in dawnpress: please report it with the steps that led here.',
          { cause: error },
        ),
      ]
  return {
    status: 'failed',
    ok: false,
    problems: sortProblems(problems),
    articles: 0,
    parsed: 0,
    reused: 0,
    files: { written: 0, reused: 0 },
    cards: undefined,
    outDir: config.mode === 'dev' ? undefined : config.outDir,
    timings: [],
    durationMs: 0,
  }
}
