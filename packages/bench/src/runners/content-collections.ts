// One content-collections build in its own process, as its CLI runs it: createBuilder, then
// build. Reports the documents written and every error as one JSON line on stdout.
// argv: <config> <output dir> <cache dir>; the config reads BENCH_ARTICLES.
import { createBuilder } from '@content-collections/core'

const [config, outputDir, cacheDir] = process.argv.slice(2)
if (!config || !outputDir || !cacheDir) {
  throw new Error('Usage: content-collections.js <config> <output dir> <cache dir>')
}

const builder = await createBuilder(config, {
  configName: 'content-collection-config.mjs',
  outputDir,
  cacheDir,
})
let documents = 0
const errors: string[] = []
builder.on('builder:end', (event) => {
  documents = event.stats.documents
})
for (const name of [
  'collector:read-error',
  'collector:parse-error',
  'transformer:validation-error',
  'transformer:result-error',
  'transformer:error',
] as const) {
  builder.on(name, (event) =>
    errors.push(`${name}: ${String(event.error?.message ?? event.error)}`),
  )
}
await builder.build()
process.stdout.write(
  `${JSON.stringify({ documents, errors: errors.slice(0, 5), errorCount: errors.length })}\n`,
)
