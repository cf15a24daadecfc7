import { join } from 'node:path'
import { createMarkdownRenderer, parseArticle, parseSite } from '@dawnpress/core'
import { createCardRenderer, defaultTemplate } from '@dawnpress/og'
import { describe, expect, it } from 'vitest'
import { drawCardSvg, loadCardFonts, mirrorContext, rasteriseCard } from './card-mirror.ts'
import { BENCH_SITE, generateCorpus } from './corpus.ts'

describe('the card mirror', () => {
  it("draws @dawnpress/og's default card byte for byte, so its parts time og's work", async () => {
    const [generated] = generateCorpus({ size: 1, seed: 'card' })
    const { article } = parseArticle(generated?.source ?? '', {
      file: 'a.md',
      path: 'a.md',
      renderer: createMarkdownRenderer(),
    })
    const { site } = parseSite(JSON.stringify(BENCH_SITE), join('site.json'))
    if (!article || !site) throw new Error('the generated article or site does not parse')
    const tree = defaultTemplate(article, mirrorContext(article, site))
    const mirrored = rasteriseCard(await drawCardSvg(tree, loadCardFonts())).asPng()
    const og = await createCardRenderer({ site }).render(article)
    expect(mirrored.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
    expect(Buffer.from(og).equals(mirrored)).toBe(true)
  })
})
