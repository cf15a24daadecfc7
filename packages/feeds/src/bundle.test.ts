import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { loadArticles, SITE } from '../test/support/articles.ts'
import * as source from './index.ts'

// turbo builds before it tests, so dist/ is what would be published. The paths are URLs so
// that type-checking, which runs before the build, does not look for dist/.
const require = createRequire(import.meta.url)
const ESM_BUNDLE = new URL('../dist/index.js', import.meta.url).href
const CJS_BUNDLE = new URL('../dist/index.cjs', import.meta.url).pathname

describe('the built bundle', () => {
  it('renders the same feeds from ESM and CommonJS as from source', async () => {
    const esm = (await import(ESM_BUNDLE)) as typeof source
    const cjs = require(CJS_BUNDLE) as typeof source
    const articles = loadArticles()
    const expected = source.createFeeds(articles, SITE)
    expect(esm.createFeeds(articles, SITE)).toEqual(expected)
    expect(cjs.createFeeds(articles, SITE)).toEqual(expected)
  })

  it('exports exactly the documented names', async () => {
    const esm: object = await import(ESM_BUNDLE)
    expect(Object.keys(esm).sort()).toEqual([
      'DEFAULT_FEED_LIMIT',
      'DEFAULT_FEED_PATHS',
      'EXTENSION_NAMESPACES',
      'JSON_FEED_VERSION',
      'createFeed',
      'createFeedFileRenderer',
      'createFeedFiles',
      'createFeeds',
      'generateFeedFiles',
      'renderFeed',
      'renderFeedStylesheet',
    ])
  })
})

describe('the internal entry', () => {
  it('offers only the renderer the build uses, from ESM and CommonJS', async () => {
    const esm: object = await import(new URL('../dist/internal.js', import.meta.url).href)
    const cjs: object = require(new URL('../dist/internal.cjs', import.meta.url).pathname)
    expect(Object.keys(esm)).toEqual(['createFeedFileRenderer'])
    expect(Object.keys(cjs)).toEqual(['createFeedFileRenderer'])
  })
})
