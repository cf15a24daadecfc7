// The stand-in for `dawnpress build --skip cards,site` while the CLI cannot build: loads the
// collection with @dawnpress/core and writes it as JSON, as the peers write theirs.
// argv: <content dir> <output dir>
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { defineCollection, loadCollection } from '@dawnpress/core'

const [content, out] = process.argv.slice(2)
if (!content || !out) throw new Error('Usage: dawnpress-core.js <content dir> <output dir>')

const collection = defineCollection({ directory: join(content, 'articles'), gitDates: false })
const { articles, problems } = await loadCollection(collection)
await mkdir(out, { recursive: true })
await writeFile(join(out, 'articles.json'), `${JSON.stringify(articles)}\n`)
const errors = problems.filter((problem) => problem.severity === 'error')
process.stdout.write(
  `${JSON.stringify({
    documents: articles.length,
    errors: errors.slice(0, 5).map((problem) => `${problem.file}: ${problem.message}`),
    errorCount: errors.length,
  })}\n`,
)
