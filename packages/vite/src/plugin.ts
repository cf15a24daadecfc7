import { relative } from 'node:path'
import { type Build, type BuildResult, createBuild, type Watcher } from '@dawnpress/build'
import { formatProblems, isProblemError, type Problem, sortProblems } from '@dawnpress/core'
import { problemAt } from '@dawnpress/core/internal'
import type { ErrorPayload, Logger, Plugin, ResolvedConfig, ViteDevServer } from 'vite'
import { reloadContent } from './hot-reload.ts'
import {
  type DawnpressPluginOptions,
  type ResolvedPluginOptions,
  resolvePluginOptions,
} from './options.ts'
import { toErrorPayload } from './overlay.ts'

/**
 * The dawnpress Vite plugin. It generates the typed content package of your articles (as
 * `dawnpress bundle` does) into `.dawnpress/content` and resolves `@content` to it:
 *
 * - `vite dev`: the engine watches the articles, the site config and the config file;
 *   every save rebuilds the package (only what changed) and sends an HMR update to the
 *   modules that import it, so the page shows the new text without a restart. Content
 *   errors appear in Vite's error overlay at their file, line and column, and in the
 *   terminal; the app keeps the last content that built until they are fixed.
 * - `vite build`: the content is built first; any content error fails the build with every
 *   problem, at its position.
 *
 * @example
 * // vite.config.ts
 * import { dawnpress } from '@dawnpress/vite'
 * import { defineConfig } from 'vite'
 *
 * export default defineConfig({ plugins: [dawnpress({ cards: true })] })
 *
 * // src/main.ts
 * import { articles, loadArticle } from '@content'
 */
export function dawnpress(options: DawnpressPluginOptions = {}): Plugin {
  let resolved: ResolvedPluginOptions
  let logger: Logger
  let serving = false
  let built: Promise<void> | undefined
  let engine: Build | undefined
  let watcher: Watcher | undefined
  // The overlay of the last failed build, sent again to every page that connects.
  let failure: ErrorPayload | undefined

  const shown = (path: string) => relative(resolved.root, path) || '.'

  const report = (problems: readonly Problem[]) => {
    const warnings = problems.filter((problem) => problem.severity === 'warning')
    if (warnings.length > 0) logger.warn(formatProblems(warnings).trimEnd())
  }

  const onResult = async (server: ViteDevServer, result: BuildResult) => {
    if (!result.ok) {
      failure = toErrorPayload(result.problems)
      logger.error(formatProblems(result.problems).trimEnd(), { timestamp: true })
      if (failure) server.environments.client.hot.send(failure)
      return
    }
    report(result.problems)
    // A build that only undid a failed edit finds nothing to write, but the overlay must go.
    if (result.status === 'current' && failure === undefined) return
    failure = undefined
    logger.info(
      `dawnpress: ${result.articles} article${result.articles === 1 ? '' : 's'} into ${shown(resolved.packageDir)}`,
      { timestamp: true },
    )
    await reloadContent(server, resolved.packageDir, resolved.entry)
  }

  const close = async () => {
    const closing = watcher?.close()
    watcher = undefined
    await closing
    await engine?.dispose()
    engine = undefined
  }

  return {
    name: 'dawnpress',

    config(config) {
      resolved = resolvePluginOptions(options, config.root ?? process.cwd())
      return {
        resolve: resolved.alias
          ? {
              alias: [
                // A RegExp's replacement is read as String.replace reads it: `$` is special.
                {
                  find: exactly(resolved.alias),
                  replacement: resolved.entry.replaceAll('$', '$$$$'),
                },
              ],
            }
          : {},
        // The plugin reloads the package itself once it is complete; Vite's own watcher
        // would see the folder swapped in as files deleted and added.
        server: { watch: { ignored: [`${resolved.packageDir}/**`] } },
      }
    },

    configResolved(config: ResolvedConfig) {
      logger = config.logger
      serving = config.command === 'serve'
    },

    async configureServer(server) {
      engine = await openEngine(resolved)
      server.ws.on('connection', () => {
        if (failure) server.environments.client.hot.send(failure)
      })
      server.httpServer?.once('close', () => void close())
      // The first build runs before the server answers, so the first page has content.
      watcher = await engine.watch(
        (result) =>
          void onResult(server, result).catch((error: unknown) =>
            logger.error(`dawnpress: the page could not be updated: ${String(error)}`),
          ),
        {
          debounce: resolved.debounce,
        },
      )
    },

    async buildStart() {
      // The dev server watches instead; a build builds the content once, however many
      // environments (client, SSR) it builds.
      if (serving) return
      built ??= buildOnce(resolved).then(report)
      try {
        await built
      } catch (error) {
        this.error(error instanceof Error ? error.message : String(error))
      }
    },

    async closeBundle() {
      await close()
    },
  }
}

/** The engine over the project, with configuration mistakes as an error that shows them. */
async function openEngine(options: ResolvedPluginOptions): Promise<Build> {
  try {
    return await createBuild(options.build)
  } catch (error) {
    throw asProblemsError(error)
  }
}

/** Builds the content once; rejects with every problem when there is an error. */
async function buildOnce(options: ResolvedPluginOptions): Promise<Problem[]> {
  const engine = await openEngine(options)
  try {
    const result = await engine.build()
    if (!result.ok) throw new ContentError(result.problems)
    return result.problems
  } catch (error) {
    throw asProblemsError(error)
  } finally {
    await engine.dispose()
  }
}

/** A build's content errors, as Vite prints a plugin's error: every problem at its position. */
class ContentError extends Error {
  constructor(
    readonly problems: readonly Problem[],
    heading = contentHeading(problems),
  ) {
    super(`${heading}\n\n${formatProblems(problems).trimEnd()}`)
    this.name = 'ContentError'
  }
}

function contentHeading(problems: readonly Problem[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length
  return `The content has ${errors} error${errors === 1 ? '' : 's'}:`
}

function asProblemsError(error: unknown): Error {
  if (error instanceof ContentError) return error
  if (isProblemError(error)) {
    return new ContentError(sortProblems(error.problems), 'dawnpress is not set up correctly:')
  }
  if (error instanceof Error) return error
  return new ContentError([
    problemAt(
      '.',
      'INTERNAL_ERROR',
      String(error),
      'This is a bug in dawnpress: please report it.',
    ),
  ])
}

/** A pattern that matches the specifier itself, not other packages that start with it. */
function exactly(specifier: string): RegExp {
  return new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
}
