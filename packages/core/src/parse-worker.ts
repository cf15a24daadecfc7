import { pathToFileURL } from 'node:url'
import { parentPort, workerData } from 'node:worker_threads'
import { createSpoolWriter } from './article-json.ts'
import type { WorkerSetup } from './collection.ts'
import { toPlainError, toPostableProblem } from './internal-error.ts'
import type { MarkdownOptions } from './markdown.ts'
import {
  type ParsedFile,
  type ParseFilesInput,
  parseFiles,
  type SpooledFile,
  spoolParsedFile,
} from './parse-files.ts'
import { articleSchema } from './schema.ts'
import { assertZodSchema } from './zod-schema.ts'

/**
 * What a worker is given: its share of the files, the spool file to write each article to
 * (none: articles come back whole), and how to make a custom schema and Markdown plugins
 * (the default schema and the given Markdown options, without plugins, are used without one).
 */
export interface WorkerInput extends Omit<ParseFilesInput<typeof articleSchema>, 'schema'> {
  spool: string | undefined
  setup: WorkerSetup | undefined
}

type WorkerResult = ParsedFile<typeof articleSchema> | SpooledFile<typeof articleSchema>

/**
 * What a worker sends: results as they are ready, then `done`; or, as plain data, the
 * error that stopped it.
 */
export type WorkerMessage =
  | { results: WorkerResult[] }
  | { done: true }
  | { error: ReturnType<typeof toPlainError> }

/** Results sent at once: small enough that neither thread holds much, large enough to be cheap. */
const BATCH = 100

// A worker thread of `loadCollection`: parses its share of the files with the default
// schema, or the one its setup module makes (a zod schema cannot cross threads), sending
// results back in batches so that neither thread holds a whole share in memory twice.
// Problems are made postable first: one cause that cannot be copied to the other thread
// would lose the whole batch.
const { spool, setup, ...input } = workerData as WorkerInput
const post = (message: WorkerMessage) => parentPort?.postMessage(message)
// Not top-level await: the CommonJS build of this worker cannot have it.
void run()

async function run(): Promise<void> {
  try {
    const made = setup === undefined ? undefined : await loadSetup(setup)
    const schema = made?.schema ?? articleSchema
    const markdown = made?.markdown ?? input.markdown
    const writer = spool === undefined ? undefined : createSpoolWriter(spool)
    let batch: WorkerResult[] = []
    try {
      parseFiles({ ...input, schema, markdown }, (parsed) => {
        const result = { ...parsed, problems: parsed.problems.map(toPostableProblem) }
        batch.push(writer ? spoolParsedFile(result, writer) : result)
        if (batch.length < BATCH) return
        post({ results: batch })
        batch = []
      })
    } finally {
      // Before `done`: the other thread reads the spool once every worker is done.
      writer?.close()
    }
    if (batch.length > 0) post({ results: batch })
    post({ done: true })
  } catch (error) {
    post({ error: toPlainError(error) })
  }
}

interface SetupResult {
  schema: unknown
  markdown?: MarkdownOptions
}

async function loadSetup(setup: WorkerSetup) {
  const url = /^[a-z]+:/i.test(setup.module) ? setup.module : pathToFileURL(setup.module).href
  const module = (await import(url)) as {
    default: (data: unknown) => SetupResult | Promise<SetupResult>
  }
  const { schema, markdown } = await module.default(setup.data)
  assertZodSchema(schema, `The schema from the worker setup ${setup.module}`)
  return { schema: schema as typeof articleSchema, markdown }
}
