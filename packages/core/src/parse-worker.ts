import { parentPort, workerData } from 'node:worker_threads'
import { type ParsedFile, type ParseFilesInput, parseFiles } from './parse-files.ts'
import { articleSchema } from './schema.ts'

/** What a worker sends: results as they are ready, then `done`; or the error that stopped it. */
export type WorkerMessage =
  | { results: ParsedFile<typeof articleSchema>[] }
  | { done: true }
  | { error: unknown }

/** Results sent at once: small enough that neither thread holds much, large enough to be cheap. */
const BATCH = 100

// A worker thread of `loadCollection`: parses its share of the files with the default
// schema (a zod schema cannot cross threads), sending results back in batches so that
// neither thread holds a whole share in memory twice.
const input = workerData as Omit<ParseFilesInput<typeof articleSchema>, 'schema'>
const post = (message: WorkerMessage) => parentPort?.postMessage(message)
try {
  let batch: ParsedFile<typeof articleSchema>[] = []
  parseFiles({ ...input, schema: articleSchema }, (result) => {
    batch.push(result)
    if (batch.length < BATCH) return
    post({ results: batch })
    batch = []
  })
  if (batch.length > 0) post({ results: batch })
  post({ done: true })
} catch (error) {
  post({ error })
}
