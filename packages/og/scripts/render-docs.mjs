// Renders the cards shown in the README: the seed article, a 300-character title, and an
// Arabic article (shaped with HarfBuzz, dated and timed in Arabic).
// Usage: node scripts/render-docs.mjs   (after `pnpm turbo run build --filter=@dawnpress/og...`)
import { readFile, writeFile } from 'node:fs/promises'
import { parseArticle, parseSite } from '@dawnpress/core'
import { renderCard } from '../dist/index.js'

const root = new URL('../../../', import.meta.url)
const file = 'content/articles/the-dawn-of-large-language-models.md'
const { article } = parseArticle(await readFile(new URL(file, root)), {
  file,
  path: 'the-dawn-of-large-language-models.md',
})
const { site } = parseSite(await readFile(new URL('content/site.json', root), 'utf8'), 'site.json')
if (!article || !site) throw new Error('The seed content does not parse.')

const longTitle = (
  'Why every large language model needs a long, careful and honest title that keeps going ' +
  'well past the point where any social card could show it, and what happens to the layout ' +
  'of a card when an author writes one anyway, with clauses, asides and more clauses, until ' +
  'the title reaches exactly three hundred characters'
).slice(0, 300)

const cards = {
  'seed.png': article,
  'long-title.png': { ...article, slug: 'long-title', title: longTitle },
  'arabic.png': {
    ...article,
    slug: 'arabic',
    lang: 'ar',
    title: 'فجر نماذج اللغة الكبيرة: مقدمة في الذكاء الاصطناعي',
    description: 'نماذج اللغة الكبيرة فئة تحويلية من الذكاء الاصطناعي تفهم النصوص وتكتبها.',
    tags: ['الذكاء الاصطناعي'],
  },
}
for (const [name, card] of Object.entries(cards)) {
  const png = await renderCard(card, { site })
  await writeFile(new URL(`../docs/${name}`, import.meta.url), png)
  console.log(`docs/${name}: ${png.byteLength} bytes`)
}
