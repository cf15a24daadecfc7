// Card rendering throughput in its own process: loads the first <count> articles of a corpus
// with @dawnpress/core and renders their cards with @dawnpress/og's writeCards, timing only
// the rendering. argv: <content dir> <out dir> <workers> <count>
import { join } from 'node:path'
import { defineCollection, loadCollection, loadSite } from '@dawnpress/core'

const [content, out, workers, count] = process.argv.slice(2)
if (!content || !out || !workers || !count) {
  throw new Error('Usage: cards.js <content dir> <out dir> <workers> <count>')
}

// Loaded by name at run time and typed loosely: the benchmark must still report the other
// figures while @dawnpress/og is being built or changed.
const OG = '@dawnpress/og'
const og = (await import(OG)) as {
  writeCards?: (options: Record<string, unknown>) => Promise<{ rendered: number }>
}
if (typeof og.writeCards !== 'function') throw new Error(`${OG} exports no writeCards.`)

const collection = defineCollection({ directory: join(content, 'articles'), gitDates: false })
const { articles } = await loadCollection(collection)
const selected = articles.slice(0, Number(count))
const { site, problems } = await loadSite(join(content, 'site.json'))
if (!site) throw new Error(`The corpus's site.json is invalid: ${problems[0]?.message}`)

// An empty cache folder of its own, so that every card is rendered, none reused.
const started = performance.now()
const result = await og.writeCards({
  articles: selected,
  site,
  outDir: out,
  cacheDir: join(out, '.cache'),
  siteDir: content,
  workers: Number(workers),
})
const seconds = (performance.now() - started) / 1000
process.stdout.write(`${JSON.stringify({ cards: result.rendered, seconds })}\n`)
