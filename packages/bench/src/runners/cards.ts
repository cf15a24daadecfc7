// Card throughput in its own process: parses the first <count> articles of a corpus with
// @dawnpress/core and renders their cards with @dawnpress/og's writeCards on <workers>
// workers, timing only the rendering. argv: <corpus dir> <out dir> <workers> <count>
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createMarkdownRenderer, parseArticle, parseSite } from '@dawnpress/core'
import { writeCards } from '@dawnpress/og'

const [corpus, out, workers, count] = process.argv.slice(2)
if (!corpus || !out || !workers || !count) {
  throw new Error('Usage: cards.js <corpus dir> <out dir> <workers> <count>')
}

const { site, problems } = parseSite(readFileSync(join(corpus, 'site.json'), 'utf8'), 'site.json')
if (!site) throw new Error(`The corpus's site.json is invalid: ${problems[0]?.message}`)
const folder = join(corpus, 'articles')
const renderer = createMarkdownRenderer()
const articles = readdirSync(folder)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .slice(0, Number(count))
  .map((name) => {
    const { article } = parseArticle(readFileSync(join(folder, name), 'utf8'), {
      file: name,
      path: name,
      renderer,
    })
    if (!article) throw new Error(`${name} does not parse.`)
    return article
  })

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
