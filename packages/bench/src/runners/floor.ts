// The floor of the cold build: every body of a corpus through markdown-it with linkify (and
// raw HTML allowed, as dawnpress parses), alone, in one process. No frontmatter parsing, no
// validation, no sanitising, nothing written: the least any Markdown tool must do.
// argv: <corpus dir>. Prints { documents, errors, errorCount, cpuSeconds, renderSeconds }.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import MarkdownIt from 'markdown-it'

const [corpus] = process.argv.slice(2)
if (!corpus) throw new Error('Usage: floor.js <corpus dir>')

const md = new MarkdownIt('default', { html: true, linkify: true, typographer: false })
const folder = join(corpus, 'articles')
const names = readdirSync(folder).filter((name) => name.endsWith('.md'))
names.sort()
const started = performance.now()
let documents = 0
let htmlBytes = 0
for (const name of names) {
  const source = readFileSync(join(folder, name), 'utf8')
  htmlBytes += md.render(bodyOf(source)).length
  documents++
}
const renderSeconds = (performance.now() - started) / 1000
const usage = process.cpuUsage()
process.stdout.write(
  `${JSON.stringify({
    documents,
    errors: [],
    errorCount: 0,
    htmlBytes,
    renderSeconds,
    cpuSeconds: (usage.user + usage.system) / 1e6,
  })}\n`,
)

/** The text after the closing `---` of the frontmatter (the whole text when there is none). */
function bodyOf(source: string): string {
  if (!source.startsWith('---')) return source
  const end = source.indexOf('\n---', 3)
  if (end === -1) return source
  const next = source.indexOf('\n', end + 4)
  return next === -1 ? '' : source.slice(next + 1)
}
