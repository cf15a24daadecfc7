import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import {
  type Article,
  createMarkdownRenderer,
  parseArticle,
  parseSite,
  type Site,
} from '@dawnpress/core'

// What the card breakdown draws: a corpus's first articles, parsed, and the fonts
// @takumi-rs/core gets (the ones @dawnpress/og picks for Latin text), so that both
// renderers draw the same cards.

const require = createRequire(import.meta.url)

/** What @dawnpress/og's font library picks for Latin text: Inter's Latin subset, 400 and 700. */
export function loadCardFonts() {
  const files = join(dirname(require.resolve('@fontsource/inter/package.json')), 'files')
  return [400, 700].map((weight) => ({
    name: 'Inter',
    data: readFileSync(join(files, `inter-latin-${weight}-normal.woff`)),
    weight: weight as 400 | 700,
    style: 'normal' as const,
  }))
}

/** The site and the first `count` articles of a corpus (in file-name order), parsed. */
export function readCardInputs(corpus: string, count: number): { site: Site; articles: Article[] } {
  const { site, problems } = parseSite(readFileSync(join(corpus, 'site.json'), 'utf8'), 'site.json')
  if (!site) throw new Error(`The corpus's site.json is invalid: ${problems[0]?.message}`)
  const folder = join(corpus, 'articles')
  const renderer = createMarkdownRenderer()
  const articles = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .slice(0, count)
    .map((name) => {
      const { article } = parseArticle(readFileSync(join(folder, name), 'utf8'), {
        file: name,
        path: name,
        renderer,
      })
      if (!article) throw new Error(`${name} does not parse.`)
      return article
    })
  return { site, articles }
}
