import { parentPort, workerData } from 'node:worker_threads'
import { type ParseFilesInput, parseFiles } from './parse-files.ts'
import { articleSchema } from './schema.ts'

// A worker thread of `loadCollection`: parses its share of the files with the default
// schema (a zod schema cannot cross threads) and sends the results back once.
const input = workerData as Omit<ParseFilesInput<typeof articleSchema>, 'schema'>
parseFiles({ ...input, schema: articleSchema }).then(
  (results) => parentPort?.postMessage({ results }),
  (error: unknown) => parentPort?.postMessage({ error }),
)
