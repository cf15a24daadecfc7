import { join } from 'node:path'
import { createMarkdownRenderer, parseArticle, parseSite } from '@dawnpress/core'
import { createCardRenderer } from '@dawnpress/og'
import { createCardDrawer, rasteriseCard } from '@dawnpress/og/internal'
import { describe, expect, it } from 'vitest'
import { BENCH_SITE, generateCorpus } from './corpus.ts'

describe('the card breakdown', () => {
  it("times @dawnpress/og's own steps: drawn, rasterised and encoded apart, they give og's PNG byte for byte", async () => {
    const [generated] = generateCorpus({ size: 1, seed: 'card' })
    const { article } = parseArticle(generated?.source ?? '', {
      file: 'a.md',
      path: 'a.md',
      renderer: createMarkdownRenderer(),
    })
    const { site } = parseSite(JSON.stringify(BENCH_SITE), join('site.json'))
    if (!article || !site) throw new Error('the generated article or site does not parse')
    const drawn = await createCardDrawer({ site })(article)
    const parts = rasteriseCard(drawn.svg).asPng()
    const og = await createCardRenderer({ site }).render(article)
    expect(parts.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
    expect(Buffer.from(og).equals(parts)).toBe(true)
    expect(drawn.tree).toMatchObject({ type: 'div' })
  })
})
