import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { FrontmatterSchema } from './parse.ts'
import { type ParsedFile, type ParseFilesInput, parseFiles } from './parse-files.ts'
import type { WorkerMessage } from './parse-worker.ts'
import { articleSchema } from './schema.ts'

/** Below this many files a worker thread costs more to start than it saves. */
const FILES_PER_WORKER = 400

// Built beside this module by tsup (dist/parse-worker.js); the CJS build shims import.meta.url.
const WORKER_URL = new URL('./parse-worker.js', import.meta.url)

/**
 * Parses a collection's files on `threads` worker threads, each with an equal share, while
 * this thread only collects: it holds every result, so it is kept free of the garbage that
 * parsing makes. Custom schemas, and collections too small to gain, are parsed on this
 * thread. Results come back in the order of `input.files`.
 */
export async function parseFilesInParallel<S extends FrontmatterSchema>(
  input: ParseFilesInput<S>,
  threads = defaultThreads(input.files.length),
): Promise<ParsedFile<S>[]> {
  const results: ParsedFile<S>[] = new Array(input.files.length)
  const count = input.schema === (articleSchema as unknown) ? Math.max(1, threads) : 1
  if (count === 1 || !isWorkerBuilt()) {
    parseFiles(input, (result, index) => {
      results[index] = result
    })
    return results
  }
  const size = Math.ceil(input.files.length / count)
  const { schema: _schema, ...shared } = input
  await Promise.all(
    Array.from({ length: count }, (_, share) => {
      const start = share * size
      const files = input.files.slice(start, start + size)
      let next = start
      return runWorker<S>({ ...shared, files }, (batch) => {
        for (const result of batch) results[next++] = result
      })
    }),
  )
  return results
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
  onResults: (results: ParsedFile<S>[]) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData })
    let settled = false
    const settle = (error?: unknown) => {
      if (settled) return
      settled = true
      void worker.terminate()
      if (error === undefined) resolve()
      else reject(error)
    }
    worker.on('message', (message: WorkerMessage) => {
      if ('results' in message) onResults(message.results as ParsedFile<S>[])
      else if ('done' in message) settle()
      else settle(message.error ?? new Error('A parse worker failed without saying why.'))
    })
    worker.once('error', settle)
    worker.once('exit', (code) =>
      settle(code === 0 ? undefined : new Error(`A parse worker stopped with exit code ${code}.`)),
    )
  })
}
