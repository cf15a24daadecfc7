import type { NextConfig } from 'next'
import type * as NextConstants from 'next/constants.js'
import { type DawnpressNextOptions, resolveNextOptions } from './options.ts'
import { buildContent, type ContentLog, watchContent } from './run-content.ts'

/** Next's config as a config file may export it: an object, or a function of the phase. */
export type NextConfigInput =
  | NextConfig
  | Promise<NextConfig>
  | ((phase: string, context: { defaultConfig: NextConfig }) => NextConfig | Promise<NextConfig>)

/** What `withDawnpress` returns: the function of the phase that Next calls. */
export type NextConfigFunction = (
  phase: string,
  context: { defaultConfig: NextConfig },
) => Promise<NextConfig>

// Next's phase names, checked against its own constants by the compiler (importing
// next/constants at run time would load Next into every config that uses this).
const PHASE_PRODUCTION_BUILD: typeof NextConstants.PHASE_PRODUCTION_BUILD = 'phase-production-build'
const PHASE_DEVELOPMENT_SERVER: typeof NextConstants.PHASE_DEVELOPMENT_SERVER =
  'phase-development-server'

/**
 * The process that runs the content for `next build` or `next dev`, by id. Next loads the
 * config in more than one process (`next dev` in its server process, `next build` in its
 * workers too), and each inherits this variable from the one that loaded it first: only
 * that one builds or watches.
 */
const OWNER = 'DAWNPRESS_NEXT_CONTENT_PID'

/** What this process started for each phase and project: a build, or a watcher and its stop. */
const started = new Map<string, Promise<(() => Promise<void>) | undefined>>()

/**
 * Wraps a Next.js config so that the typed content package is built before `next build`
 * and rebuilt on every save during `next dev`. It hooks no bundler: the content is built when
 * Next loads its config, before Turbopack or webpack start, and the app imports the package
 * as any folder (through `paths` in `tsconfig.json`), so Turbopack and webpack alike work.
 *
 * - `next build`: the content is built first; a content error fails the build, printing
 *   every problem at its file, line and column.
 * - `next dev`: the engine watches the articles, the site config and the config file; each
 *   save rewrites the package and Next's own watcher reloads the pages that import it. A
 *   content error is printed, and the app keeps the last content that built.
 * - Any other command (`next start`, `next lint`): nothing is built.
 *
 * @example
 * // next.config.ts
 * import { withDawnpress } from '@dawnpress/next'
 *
 * export default withDawnpress({ output: 'export' }, { cards: true })
 *
 * // app/page.tsx
 * import { articles } from '@content'
 */
export function withDawnpress(
  nextConfig: NextConfigInput = {},
  options: DawnpressNextOptions = {},
): NextConfigFunction {
  return async (phase, context) => {
    await prepareContent(phase, options)
    return typeof nextConfig === 'function' ? nextConfig(phase, context) : nextConfig
  }
}

/**
 * Builds or watches the content for a phase, once per `next` command. Exported for tests
 * and for other hosts that load a Next config themselves.
 */
export async function prepareContent(
  phase: string,
  options: DawnpressNextOptions,
  log?: ContentLog,
): Promise<void> {
  if (phase !== PHASE_PRODUCTION_BUILD && phase !== PHASE_DEVELOPMENT_SERVER) return
  const owner = process.env[OWNER]
  // A process that Next started after the content was prepared.
  if (owner !== undefined && owner !== String(process.pid)) return
  process.env[OWNER] = String(process.pid)
  const resolved = resolveNextOptions(options)
  const key = `${phase}\0${resolved.root}\0${resolved.packageDir}`
  let first = started.get(key)
  if (first === undefined) {
    first =
      phase === PHASE_PRODUCTION_BUILD
        ? buildContent(resolved, log).then(() => undefined)
        : watchContent(resolved, log)
    started.set(key, first)
  }
  await first
}

/** Stops every watcher this process started, as a test does between cases. */
export async function stopContent(): Promise<void> {
  const stops = await Promise.allSettled(started.values())
  started.clear()
  delete process.env[OWNER]
  for (const stop of stops) if (stop.status === 'fulfilled') await stop.value?.()
}
