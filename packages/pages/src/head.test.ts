import { type HTMLElement, parse } from 'node-html-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadFixture } from '../test/articles.ts'
import { renderPages } from './render-pages.ts'
import { STYLESHEET } from './styles.ts'
import { THEME_COLORS } from './theme.ts'
import type { Site, SiteArticle } from './types.ts'

let articles: SiteArticle[]
let site: Site
const head = (
  options: Parameters<typeof renderPages>[2],
  path = 'articles/first-light/index.html',
) => {
  const file = [...renderPages(articles, site, options)].find(
    (candidate) => candidate.path === path,
  )
  return parse(String(file?.contents)).querySelector('head') as HTMLElement
}

beforeAll(async () => {
  ;({ articles, site } = await loadFixture())
})

describe('the icons and colours in the head', () => {
  it('links the favicon, the SVG icon, the touch icon and the manifest the build wrote', () => {
    const links = head({ icons: { svg: true } })
      .querySelectorAll('link[rel=icon], link[rel=apple-touch-icon], link[rel=manifest]')
      .map((link) => ({ ...link.attributes }))
    expect(links).toEqual([
      { rel: 'icon', href: '../../favicon.ico', sizes: '32x32' },
      { rel: 'icon', href: '../../favicon.svg', type: 'image/svg+xml' },
      { rel: 'apple-touch-icon', href: '../../apple-touch-icon.png' },
      { rel: 'manifest', href: '../../manifest.webmanifest' },
    ])
  })

  it('links no SVG icon for a bitmap logo', () => {
    const icons = head({ icons: { svg: false } }).querySelectorAll('link[rel=icon]')
    expect(icons.map((link) => link.getAttribute('href'))).toEqual(['../../favicon.ico'])
  })

  it('links no icon at all without icons, and never a data: URI (regression: /favicon.ico was a 404 behind a data: icon)', () => {
    const root = head({})
    expect(
      root.querySelectorAll('link[rel=icon], link[rel=apple-touch-icon], link[rel=manifest]'),
    ).toEqual([])
    expect(root.toString()).not.toContain('data:')
  })

  it('links the icons from the base path on the 404 page, which is served at any depth', () => {
    const basePath = new URL(site.url).pathname
    const icon = head({ icons: { svg: true } }, '404.html').querySelector('link[rel=icon]')
    expect(icon?.getAttribute('href')).toBe(`${basePath}favicon.ico`)
  })

  it('announces the light theme colour first and the dark one second, each with its media query', () => {
    const colors = head({})
      .querySelectorAll('meta[name=theme-color]')
      .map((meta) => [meta.getAttribute('media'), meta.getAttribute('content')])
    expect(colors).toEqual([
      ['(prefers-color-scheme: light)', THEME_COLORS.light],
      ['(prefers-color-scheme: dark)', THEME_COLORS.dark],
    ])
  })

  it('uses the stylesheet’s page background of each scheme as its theme colour', () => {
    const [light, dark] = [...STYLESHEET.matchAll(/--bg:\s*(#[0-9a-f]+)/gi)].map(
      (match) => match[1],
    )
    expect({ light, dark }).toEqual(THEME_COLORS)
  })
})
