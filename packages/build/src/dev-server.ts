import { createServer } from 'node:http'
import { formatProblems, type Problem } from '@dawnpress/core'
import { type Build, type CreateBuildOptions, createBuild } from './create-build.ts'
import { closeServer, listen, type RunningServer } from './preview-server.ts'
import type { BuildResult } from './run-build.ts'
import { createStaticHandler } from './static-handler.ts'
import type { Watcher } from './watch.ts'

/** Options of `startDevServer`. */
export interface DevServerOptions extends Omit<CreateBuildOptions, 'mode'> {
  /** The port to listen on; 0 picks a free one. @default 4321 */
  port?: number
  /** The address to listen on. @default '127.0.0.1' */
  host?: string
  /** Receives every line the server reports. @default writes to stdout */
  log?: (line: string) => void
  /** How long to wait for more file events before rebuilding, in ms. @default 40 */
  debounce?: number
}

/** A running dev server. */
export interface DevServer extends RunningServer {
  /** The build it serves. */
  readonly build: Build
  /** Resolves once every pending change has been rebuilt. */
  idle(): Promise<void>
}

/**
 * Serves the site from memory while you write: the engine's `watch()` in `dev` mode, with a
 * live reload. Each save rebuilds what changed (only changed articles are parsed), pages
 * reload through Server-Sent Events, and cards are drawn when a page first asks for them.
 * Content problems are shown over the page and in the terminal; the server keeps serving
 * the last build without errors, and the overlay goes away with the fix.
 *
 * @example
 * const dev = await startDevServer({ root: 'my-blog', port: 4321 })
 * console.log(`Writing at ${dev.url}`)
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`))
  // The overlay's markup is loaded only here, so that a build never loads the page renderer.
  const { createReloadChannel, EVENTS_PATH, injectBeforeBodyEnd, renderDevMarkup } = await import(
    './live-reload.ts'
  )
  const build = await createBuild({ ...options, mode: 'dev' })
  const channel = createReloadChannel()
  let problems: Problem[] = []
  let reported = ''
  let builds = 0

  const handle = createStaticHandler({
    read: (sitePath) => build.read(sitePath),
    transformHtml(page) {
      return injectBeforeBodyEnd(page, renderDevMarkup(problems, channel.version()))
    },
  })
  const server = createServer((request, response) => {
    if (request.url?.split('?')[0] === EVENTS_PATH) {
      channel.connect(response)
      return
    }
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' })
      response.end(`Internal error: ${String(error)}\n`)
    })
  })
  let url: string
  try {
    url = await listen(server, options.port ?? 4321, options.host ?? '127.0.0.1')
  } catch (error) {
    await build.dispose()
    throw error
  }

  let failed = false
  const onResult = (result: BuildResult) => {
    builds++
    problems = result.problems
    // Back to the last good build after a failure is `current`, but pages must lose the overlay.
    if (result.status !== 'current' || failed) channel.announce()
    failed = result.status === 'failed'
    const text = problems.length > 0 ? formatProblems(problems, { color: false }) : ''
    if (result.status === 'built') {
      log(
        builds === 1
          ? `dawnpress dev: built ${result.articles} article${result.articles === 1 ? '' : 's'} in ${Math.round(result.durationMs)} ms`
          : `dawnpress dev: rebuilt in ${Math.round(result.durationMs)} ms (${result.parsed} parsed)`,
      )
    }
    if (text !== reported) {
      if (text) log(text.trimEnd())
      else if (reported) log('dawnpress dev: all problems fixed')
      reported = text
    }
  }
  let watcher: Watcher
  try {
    watcher = await build.watch(onResult, { debounce: options.debounce })
  } catch (error) {
    await closeServer(server)
    await build.dispose()
    throw error
  }

  return {
    url,
    build,
    async idle() {
      // Let file events arrive and the debounce run out; builds queue, so one more build
      // settles after every build before it (and finds nothing to do).
      await new Promise((done) => setTimeout(done, (options.debounce ?? 40) * 3))
      await build.build().then(onResult, () => {})
    },
    async close() {
      await watcher.close()
      channel.close()
      await closeServer(server)
      await build.dispose()
    },
  }
}
