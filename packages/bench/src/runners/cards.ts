// Card throughput in its own process: parses the first <count> articles of a corpus with
// @dawnpress/core and renders their cards with @dawnpress/og's writeCards on <workers>
// workers, timing only the rendering. argv: <corpus dir> <out dir> <workers> <count>
import { join } from 'node:path'
import { writeCards } from '@dawnpress/og'
import { readCardInputs } from '../card-inputs.ts'

const [corpus, out, workers, count] = process.argv.slice(2)
if (!corpus || !out || !workers || !count) {
  throw new Error('Usage: cards.js <corpus dir> <out dir> <workers> <count>')
}
const { site, articles } = readCardInputs(corpus, Number(count))

// An empty cache folder of its own, so that every card is rendered, none reused.
const started = performance.now()
const result = await writeCards({
  articles,
  site,
  outDir: out,
  cacheDir: join(out, '.cache'),
  siteDir: corpus,
  workers: Number(workers),
})
const seconds = (performance.now() - started) / 1000
process.stdout.write(`${JSON.stringify({ cards: result.rendered, seconds })}\n`)
