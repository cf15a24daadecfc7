// Where a card's time goes: the first <count> articles of a corpus, drawn with the template
// and fonts of @dawnpress/og's default card, timing satori (layout to SVG), resvg
// (rasterising) and PNG encoding apart, in one thread. Then @dawnpress/og's own renderer on
// the same cards, and @takumi-rs/core on the same template as a reference point.
// argv: <corpus dir> <count>. Prints one JSON line (see CardBreakdown in card-breakdown.ts).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { CARD_HEIGHT, CARD_WIDTH, createCardRenderer, defaultTemplate } from '@dawnpress/og'
import {
  drawCardSvg,
  loadCardFonts,
  mirrorContext,
  rasteriseCard,
  readCardInputs,
} from '../card-mirror.ts'

const [corpus, countText] = process.argv.slice(2)
if (!corpus || !countText) throw new Error('Usage: card-parts.js <corpus dir> <count>')

const require = createRequire(import.meta.url)
const fonts = loadCardFonts()
const { site, articles } = readCardInputs(corpus, Number(countText))
const trees = articles.map((article) => defaultTemplate(article, mirrorContext(article, site)))
const drawSvg = (tree: (typeof trees)[number]) => drawCardSvg(tree, fonts)
const rasterise = rasteriseCard

// One card first, untimed: satori parses each font on first use, and the JIT warms up.
const og = createCardRenderer({ site })
const firstPng = rasterise(await drawSvg(trees[0])).asPng()
const sameAsOg = Buffer.from(await og.render(articles[0] as (typeof articles)[number])).equals(
  firstPng,
)
let satoriMs = 0
let resvgMs = 0
let pngMs = 0
let ogMs = 0
// Card by card, the parts and then @dawnpress/og itself (its font selection and checks on
// top), so that neither gains from running later, on a warmer process.
for (const [index, tree] of trees.entries()) {
  const started = performance.now()
  const svg = await drawSvg(tree)
  const drawn = performance.now()
  const image = rasterise(svg)
  const rasterised = performance.now()
  image.asPng()
  const encoded = performance.now()
  await og.render(articles[index] as (typeof articles)[number])
  satoriMs += drawn - started
  resvgMs += rasterised - drawn
  pngMs += encoded - rasterised
  ogMs += performance.now() - encoded
}

process.stdout.write(
  `${JSON.stringify({
    cards: trees.length,
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
