import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { FrontmatterSchema } from './parse.ts'
import { type ParsedFile, type ParseFilesInput, parseFiles } from './parse-files.ts'
import { articleSchema } from './schema.ts'

/** Below this many files a worker thread costs more to start than it saves. */
const FILES_PER_WORKER = 400

// Built beside this module by tsup (dist/parse-worker.js); the CJS build shims import.meta.url.
const WORKER_URL = new URL('./parse-worker.js', import.meta.url)

/**
 * Parses a collection's files on `threads` threads: this one and `threads - 1` workers, each
 * with an equal share. Custom schemas, and collections too small to gain, stay on this thread.
 * Results come back in the order of `input.files`.
 */
export async function parseFilesInParallel<S extends FrontmatterSchema>(
  input: ParseFilesInput<S>,
  threads = defaultThreads(input.files.length),
): Promise<ParsedFile<S>[]> {
  const count = input.schema === (articleSchema as unknown) ? Math.max(1, threads) : 1
  if (count === 1 || !isWorkerBuilt()) return parseFiles(input)
  const size = Math.ceil(input.files.length / count)
  const shares = Array.from({ length: count }, (_, index) =>
    input.files.slice(index * size, (index + 1) * size),
  )
  const [own = [], ...others] = shares
  const { schema: _schema, ...shared } = input
  const workers = others.map((files) => runWorker<S>({ ...shared, files }))
  const mine = await parseFiles({ ...input, files: own })
  return [...mine, ...(await Promise.all(workers)).flat()]
}

function defaultThreads(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / FILES_PER_WORKER)))
}

// Running from the TypeScript sources (tests), there is no built worker to start.
function isWorkerBuilt(): boolean {
  return WORKER_URL.pathname.endsWith('/dist/parse-worker.js')
}

function runWorker<S extends FrontmatterSchema>(
  workerData: Omit<ParseFilesInput<S>, 'schema'>,
): Promise<ParsedFile<S>[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData })
    worker.once('message', (message: { results?: ParsedFile<S>[]; error?: unknown }) => {
      void worker.terminate()
      if (message.results) resolve(message.results)
      else reject(message.error)
    })
    worker.once('error', reject)
  })
}
