// Card rendering throughput in its own process: loads the first <count> articles of a corpus
// with @dawnpress/core and renders their cards with @dawnpress/og's writeCards, timing only
// the rendering. argv: <og module> <content dir> <out dir> <workers> <count>
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { defineCollection, loadCollection, loadSite } from '@dawnpress/core'

const [ogModule, content, out, workers, count] = process.argv.slice(2)
if (!ogModule || !content || !out || !workers || !count) {
  throw new Error('Usage: cards.js <og module> <content dir> <out dir> <workers> <count>')
}

const og = (await import(pathToFileURL(ogModule).href)) as {
  writeCards?: (options: Record<string, unknown>) => Promise<unknown>
}
if (typeof og.writeCards !== 'function') throw new Error(`${ogModule} exports no writeCards.`)

const collection = defineCollection({ directory: join(content, 'articles'), gitDates: false })
const { articles } = await loadCollection(collection)
const selected = articles.slice(0, Number(count))
const { site, problems } = await loadSite(join(content, 'site.json'))
if (!site) throw new Error(`The corpus's site.json is invalid: ${problems[0]?.message}`)

const started = performance.now()
await og.writeCards({ articles: selected, site, outDir: out, workers: Number(workers) })
const seconds = (performance.now() - started) / 1000
process.stdout.write(`${JSON.stringify({ cards: selected.length, seconds })}\n`)
