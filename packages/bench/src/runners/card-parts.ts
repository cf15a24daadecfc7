// Where a card's time goes: the first <count> articles of a corpus, drawn by
// @dawnpress/og's own steps (its internal entry), timing layout (the template, text fitting
// and satori, to SVG), resvg (rasterising) and PNG encoding apart, in one thread. Then og's
// whole renderer on the same cards, and @takumi-rs/core on the same element trees as a
// reference point. argv: <corpus dir> <count>. Prints one JSON line (see CardBreakdown in
// card-breakdown.ts).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { CARD_HEIGHT, CARD_WIDTH, type CardNode, createCardRenderer } from '@dawnpress/og'
import { createCardDrawer, rasteriseCard } from '@dawnpress/og/internal'
import { loadCardFonts, readCardInputs } from '../card-inputs.ts'

const [corpus, countText] = process.argv.slice(2)
if (!corpus || !countText) throw new Error('Usage: card-parts.js <corpus dir> <count>')

const require = createRequire(import.meta.url)
const fonts = loadCardFonts()
const { site, articles } = readCardInputs(corpus, Number(countText))
const draw = createCardDrawer({ site })
const og = createCardRenderer({ site })

// One card first, untimed: satori parses each font on first use, and the JIT warms up.
const first = articles[0]
if (!first) throw new Error(`${corpus} has no article.`)
const firstPng = rasteriseCard((await draw(first)).svg).asPng()
const sameAsOg = Buffer.from(await og.render(first)).equals(firstPng)
let satoriMs = 0
let resvgMs = 0
let pngMs = 0
let ogMs = 0
const trees: CardNode[] = []
// Card by card, the parts and then og's renderer (the same steps in one call), so that
// neither gains from running later, on a warmer process.
for (const article of articles) {
  const started = performance.now()
  const drawn = await draw(article)
  const laidOut = performance.now()
  const image = rasteriseCard(drawn.svg)
  const rasterised = performance.now()
  image.asPng()
  const encoded = performance.now()
  await og.render(article)
  satoriMs += laidOut - started
  resvgMs += rasterised - laidOut
  pngMs += encoded - rasterised
  ogMs += performance.now() - encoded
  trees.push(drawn.tree)
}

process.stdout.write(
  `${JSON.stringify({
    cards: articles.length,
    satoriMs,
    resvgMs,
    pngMs,
    ogMs,
    sameAsOg,
    takumi: await measureTakumi(),
  })}\n`,
)

/** @takumi-rs/core on the same trees, from JSX to PNG, or why it could not run. */
async function measureTakumi() {
  const name = '@takumi-rs/core'
  try {
    const { Renderer } = (await import(name)) as typeof import('@takumi-rs/core')
    const { fromJsx } = (await import(
      '@takumi-rs/helpers/jsx'
    )) as typeof import('@takumi-rs/helpers/jsx')
    // Its exports map offers no ./package.json: the manifest is one folder above its entry.
    const manifest = join(dirname(require.resolve(name)), '..', 'package.json')
    const version = JSON.parse(readFileSync(manifest, 'utf8')).version as string
    const takumi = new Renderer()
    for (const font of fonts) await takumi.registerFont(font)
    const options = { width: CARD_WIDTH, height: CARD_HEIGHT, format: 'png' as const }
    const first = await fromJsx(trees[0] as Parameters<typeof fromJsx>[0])
    await takumi.render(first.node, { ...options, css: first.css })
    let fromJsxMs = 0
    let renderMs = 0
    const cpuBefore = process.cpuUsage()
    for (const tree of trees) {
      const started = performance.now()
      const { node, css } = await fromJsx(tree as Parameters<typeof fromJsx>[0])
      const converted = performance.now()
      await takumi.render(node, { ...options, css })
      fromJsxMs += converted - started
      renderMs += performance.now() - converted
    }
    const cpu = process.cpuUsage(cpuBefore)
    return { version, fromJsxMs, renderMs, cpuMs: (cpu.user + cpu.system) / 1000 }
  } catch (error) {
    return { error: `${name} could not run here: ${(error as Error).message.split('\n')[0]}` }
  }
}
