import { readFile, realpath, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { join, resolve, sep } from 'node:path'
import { ProblemError } from '@dawnpress/core'
import { problemAt } from '@dawnpress/core/internal'
import { createStaticHandler, type Lookup } from './static-handler.ts'

/** Options of `startPreviewServer`. */
export interface PreviewServerOptions {
  /** The built site to serve, such as `dist`. */
  dir: string
  /** The port to listen on; 0 picks a free one. @default 4173 */
  port?: number
  /** The address to listen on. @default '127.0.0.1' */
  host?: string
}

/** A running server. */
export interface RunningServer {
  /** Where the site is served, such as `http://127.0.0.1:4173/`. */
  url: string
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>
}

/**
 * Listens on a port and resolves with the server's URL. A port that is taken (or may not be
 * used) is a usage mistake with an obvious fix: a `ProblemError` that says so, not a crash.
 */
export async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (error) => reject(portProblem(error, port)))
    server.listen(port, host, () => {
      server.removeAllListeners('error')
      resolveListen()
    })
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  const hostname = host.includes(':') ? `[${host}]` : host
  return `http://${hostname}:${actualPort}/`
}

/** Closes a server and every connection it holds (open event streams included). */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolveClose) => {
    server.close(() => resolveClose())
    server.closeAllConnections()
  })
}

/**
 * Reads a file below `root`, or reports a folder or nothing. Symbolic links that lead out of
 * the root are treated as missing.
 */
export function createDirectoryReader(root: string) {
  const absoluteRoot = resolve(root)
  let realRoot: Promise<string> | undefined
  return async (sitePath: string): Promise<Lookup> => {
    const file = join(absoluteRoot, ...sitePath.split('/'))
    try {
      const real = await realpath(file)
      realRoot ??= realpath(absoluteRoot)
      const base = await realRoot
      if (real !== base && !real.startsWith(base + sep)) return undefined
      const info = await stat(real)
      if (info.isDirectory()) return 'directory'
      return info.isFile() ? await readFile(real) : undefined
    } catch {
      return undefined
    }
  }
}

/**
 * Serves a built site on localhost, as it will be served in production: folders answer with
 * their `index.html`, feeds and cards with their own content types, unknown paths with the
 * site's `404.html` and status 404. No request can read a file outside `dir`.
 *
 * @example
 * const server = await startPreviewServer({ dir: 'dist', port: 0 })
 * console.log(`Preview at ${server.url}`)
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<RunningServer> {
  const read = createDirectoryReader(options.dir)
  const handle = createStaticHandler({ read })
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' })
      response.end(`Internal error: ${String(error)}\n`)
    })
  })
  const url = await listen(server, options.port ?? 4173, options.host ?? '127.0.0.1')
  return { url, close: () => closeServer(server) }
}

function portProblem(error: unknown, port: number): unknown {
  const code = (error as NodeJS.ErrnoException)?.code
  if (code !== 'EADDRINUSE' && code !== 'EACCES') return error
  return new ProblemError(
    [
      problemAt(
        `port ${port}`,
        'CONFIG_INVALID',
        code === 'EADDRINUSE'
          ? `Port ${port} is in use by another program (another dawnpress server?).`
          : `Port ${port} may not be used by this user.`,
        'Pass another with --port, such as --port 4322, or --port 0 for any free one.',
      ),
    ],
    { cause: error },
  )
}
