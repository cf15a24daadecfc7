import type { IncomingMessage, ServerResponse } from 'node:http'
import { contentTypeFor } from './content-type.ts'
import { toSitePath } from './request-path.ts'

/** What a site path names: a file's bytes, a folder, or nothing. */
export type Lookup = Uint8Array | 'directory' | undefined

/** Where a static handler finds files. */
export interface FileSource {
  /** Reads the file at a site path such as `/articles/a/index.html`. */
  read(sitePath: string): Promise<Lookup>
  /** Rewrites every HTML response (the dev server injects its reload script). */
  transformHtml?: (html: string) => string
}

const NOT_FOUND_FALLBACK = '<!doctype html><title>Not found</title><h1>Not found</h1>'

/**
 * A request handler that serves a built site: `index.html` for folders, a redirect to add the
 * missing slash, the right content type, `404.html` with status 404 for unknown paths. Only
 * GET and HEAD are answered.
 */
export function createStaticHandler(source: FileSource) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
      response.end('Method not allowed\n')
      return
    }
    const url = request.url ?? '/'
    const sitePath = toSitePath(url)
    const found = sitePath === undefined ? undefined : await source.read(sitePath)
    if (found === 'directory') {
      const [pathname, query] = splitQuery(url)
      response.writeHead(301, { location: `${pathname}/${query}` })
      response.end()
      return
    }
    if (found === undefined || sitePath === undefined) {
      const page = await source.read('/404.html')
      const body = page instanceof Uint8Array ? page : Buffer.from(NOT_FOUND_FALLBACK)
      send(request, response, 404, '/404.html', body, source)
      return
    }
    send(request, response, 200, sitePath, found, source)
  }
}

function splitQuery(url: string): [string, string] {
  const index = url.search(/[?#]/)
  return index === -1 ? [url, ''] : [url.slice(0, index), url.slice(index)]
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  sitePath: string,
  body: Uint8Array,
  source: FileSource,
): void {
  const type = contentTypeFor(sitePath)
  let bytes = body
  if (source.transformHtml && type.startsWith('text/html')) {
    bytes = Buffer.from(source.transformHtml(Buffer.from(body).toString('utf8')))
  }
  response.writeHead(status, {
    'content-type': type,
    'content-length': bytes.byteLength,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  })
  response.end(request.method === 'HEAD' ? undefined : bytes)
}
