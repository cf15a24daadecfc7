import { parse } from 'node-html-parser'
import ogs from 'open-graph-scraper'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadFixture, WORLD_DIR } from '../test/articles.ts'
import { openGraphLocale } from './head.ts'
import { renderPages } from './render-pages.ts'

let files: Map<string, string>

beforeAll(async () => {
  const { articles, site } = await loadFixture(WORLD_DIR)
  files = new Map(
    [...renderPages(articles, site)].map((file) => [file.path, String(file.contents)]),
  )
})

/** What link previews read from a page: open-graph-scraper on its HTML, with no network. */
async function preview(path: string) {
  const { result, error } = await ogs({ html: files.get(path) as string })
  expect(error).toBe(false)
  return result
}

describe('what a shared link shows', () => {
  it('gives an article page its locale, authors and X accounts, as previews read them', async () => {
    const result = await preview('articles/renamed/index.html')
    expect(result).toMatchObject({
      ogTitle: 'A renamed article',
      ogType: 'article',
      ogLocale: 'en_GB',
      ogUrl: 'https://dawn.example/articles/renamed/',
      twitterCard: 'summary_large_image',
      twitterSite: '@dawn',
      author: 'Grace Hopper',
    })
    expect(result.twitterCreator).toBeUndefined()
    const root = parse(files.get('articles/renamed/index.html') as string)
    const all = (selector: string) =>
      root.querySelectorAll(selector).map((meta) => meta.getAttribute('content'))
    expect(all('meta[name=author]')).toEqual(['Ada Lovelace', 'Grace Hopper'])
    expect(all('meta[property="article:author"]')).toEqual(['https://ada.example/', 'Grace Hopper'])
  })

  it("names the author's own X account as twitter:creator, else the site author's on other pages", async () => {
    expect(await preview('articles/arabic/index.html')).toMatchObject({
      twitterCreator: '@sara',
      ogLocale: 'ar',
      author: 'سارة',
    })
    expect(await preview('index.html')).toMatchObject({
      twitterSite: '@dawn',
      twitterCreator: '@dawn_editors',
      author: 'The Editors',
      ogType: 'website',
    })
  })

  it('writes BCP 47 tags as Open Graph locales', () => {
    expect(
      ['en', 'en-GB', 'pt-br', 'zh-Hant-TW', 'es-419', 'sr-Latn'].map(openGraphLocale),
    ).toEqual(['en', 'en_GB', 'pt_BR', 'zh_TW', 'es_419', 'sr'])
  })
})
