import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { createSpoolWriter } from './article-json.ts'
import type { WorkerSetup } from './collection.ts'
import type { FrontmatterSchema } from './parse.ts'
import {
  type ParsedFile,
  type ParseFilesInput,
  parseFiles,
  type SpooledFile,
  spoolParsedFile,
} from './parse-files.ts'
import type { WorkerInput, WorkerMessage } from './parse-worker.ts'
import { isArticleSchema } from './schema.ts'
import { workerExecArgv } from './worker-exec-argv.ts'

/** Below this many files a worker thread costs more to start than it saves. */
const FILES_PER_WORKER = 400

/**
 * The old generation of a parse worker, in MiB: 128 times the largest file it may be given
 * (512 for the default 4 MiB), far more than parsing one file needs. The bound is what keeps
 * a worker small: V8 lets an unbounded heap grow to four times its live size between full
 * collections, and a bounded one to about 1.4 times. At 10,000 articles, the peak memory of
 * a build without pages fell from 406 to 358 MB with it at the same speed, and a cold check
 * went from 418 to 333 MB and took 0.4 to 1.5 s longer.
 */
export function workerHeapMb(maxFileSize: number): number {
  return Math.max(512, Math.ceil((maxFileSize * 128) / 2 ** 20))
}

// Built beside this module by tsup (dist/parse-worker.js); the CJS build shims import.meta.url.
const WORKER_URL = new URL('./parse-worker.js', import.meta.url)

/**
 * Parses a collection's files on `threads` worker threads, each with an equal share, while
 * this thread only collects: it holds every result, so it is kept free of the garbage that
 * parsing makes. Custom schemas without a `setup` for the workers, and collections too
 * small to gain, are parsed on this thread. Results come back in the order of `input.files`.
 */
export async function parseFilesInParallel<S extends FrontmatterSchema>(
  input: ParseFilesInput<S>,
  threads?: number,
  setup?: WorkerSetup,
): Promise<ParsedFile<S>[]> {
  const results: ParsedFile<S>[] = new Array(input.files.length)
  await runInParallel<ParsedFile<S>, S>(input, threads, undefined, setup, (result, index) => {
    results[index] = result
  })
  return results
}

/**
 * `parseFilesInParallel` with each article written as JSON to a spool file by the thread
 * that parsed it (`<spool>.<n>`, one file per thread, each listed in the result), handed to
 * `onResult` as it arrives (in no particular order) with where its JSON is, rather than
 * collected. The spool files are complete once the promise resolves; removing them is the
 * caller's.
 */
export async function spoolFilesInParallel<S extends FrontmatterSchema>(
  input: ParseFilesInput<S>,
  spool: string,
  onResult: (result: SpooledFile<S>, index: number) => void,
  threads?: number,
  setup?: WorkerSetup,
): Promise<{ files: string[] }> {
  const files: string[] = []
  await runInParallel<SpooledFile<S>, S>(
    input,
    threads,
    (share) => {
      const file = `${spool}.${share}`
      files.push(file)
      return file
    },
    setup,
    onResult,
  )
  return { files }
}

async function runInParallel<R, S extends FrontmatterSchema>(
  input: ParseFilesInput<S>,
  threads = defaultThreads(input.files.length),
  spoolFile: ((share: number) => string) | undefined,
  setup: WorkerSetup | undefined,
  onResult: (result: R, index: number) => void,
): Promise<void> {
  // A zod schema and plugins (functions) cannot be sent: without a setup, this thread parses.
  const plugins = (input.markdown.plugins?.length ?? 0) > 0
  const workersCanParse = setup !== undefined || (isArticleSchema(input.schema) && !plugins)
  const count = workersCanParse ? Math.max(1, threads) : 1
  if (count === 1 || !isWorkerBuilt()) {
    const writer = spoolFile && createSpoolWriter(spoolFile(0))
    try {
      parseFiles(input, (result, index) => {
        onResult((writer ? spoolParsedFile(result, writer) : result) as R, index)
      })
    } finally {
      writer?.close()
    }
    return
  }
  const size = Math.ceil(input.files.length / count)
  const { schema: _schema, markdown, ...rest } = input
  const { plugins: _plugins, ...sendable } = markdown
  const shared = { ...rest, markdown: sendable }
  const heapMb = workerHeapMb(input.maxFileSize)
  await Promise.all(
    Array.from({ length: count }, (_, share) => {
      const start = share * size
      const files = input.files.slice(start, start + size)
      let next = start
      const spool = spoolFile?.(share)
      return runWorker({ ...shared, files, spool, setup }, heapMb, (batch) => {
        for (const result of batch) onResult(result as R, next++)
      })
    }),
  )
}

function defaultThreads(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / FILES_PER_WORKER)))
}

// Running from the TypeScript sources (tests), there is no built worker to start.
function isWorkerBuilt(): boolean {
  return WORKER_URL.pathname.endsWith('/dist/parse-worker.js')
}

function runWorker(
  workerData: WorkerInput,
  heapMb: number,
  onResults: (results: unknown[]) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const execArgv = workerExecArgv()
    const resourceLimits = { maxOldGenerationSizeMb: heapMb }
    const worker = new Worker(WORKER_URL, { workerData, execArgv, resourceLimits })
    let settled = false
    const settle = (error?: unknown) => {
      if (settled) return
      settled = true
      void worker.terminate()
      if (error === undefined) resolve()
      else reject(error)
    }
    worker.on('message', (message: WorkerMessage) => {
      if ('results' in message) onResults(message.results)
      else if ('done' in message) settle()
      else settle(workerError(message.error))
    })
    worker.once('error', (error: Error & { code?: string }) =>
      settle(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory(heapMb) : error),
    )
    worker.once('exit', (code) =>
      settle(code === 0 ? undefined : new Error(`A parse worker stopped with exit code ${code}.`)),
    )
  })
}

function outOfMemory(heapMb: number): Error {
  return new Error(
    `A parse worker ran out of memory: its heap is bounded at ${heapMb} MiB, 128 times the largest file it may read ("maxFileSize"). Split the largest articles, or, with @dawnpress/core, raise "maxFileSize" in defineCollection, which raises the bound too.`,
  )
}

/** The error a worker posted as plain data, as an `Error` of this thread. */
function workerError(plain: { name: string; message: string; stack?: string } | undefined) {
  const error = new Error(`A parse worker failed: ${plain?.message ?? 'it did not say why'}.`)
  if (plain?.stack !== undefined) error.stack = plain.stack
  return error
}
