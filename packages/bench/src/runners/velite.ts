// One Velite build in its own process, as `velite build` runs it. Reports the documents
// written as one JSON line on stdout. argv: <config>; the config reads BENCH_CONTENT, BENCH_OUT.
import { build } from 'velite'

const [config] = process.argv.slice(2)
if (!config) throw new Error('Usage: velite.js <config>')

const result = await build({ config, logLevel: 'error', strict: true })
const documents = Array.isArray(result.articles) ? result.articles.length : 0
process.stdout.write(`${JSON.stringify({ documents, errors: [], errorCount: 0 })}\n`)
