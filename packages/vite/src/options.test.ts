import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolvePluginOptions } from './options.ts'

const ROOT = join('/work', 'app')

describe('resolvePluginOptions', () => {
  it('generates the package alone into .dawnpress/content, imported as @content', () => {
    const options = resolvePluginOptions({}, ROOT)
    expect(options).toMatchObject({
      root: ROOT,
      packageDir: join(ROOT, '.dawnpress/content'),
      entry: join(ROOT, '.dawnpress/content/dist/index.js'),
      alias: '@content',
      cardsDir: undefined,
    })
    expect(options.build).toEqual({
      root: ROOT,
      mode: 'build',
      overrides: { only: ['package'], packageDir: join(ROOT, '.dawnpress/content') },
    })
  })

  it('writes cards into public/dawnpress when asked, or into the folder given', () => {
    const cards = resolvePluginOptions({ cards: true }, ROOT)
    expect(cards.cardsDir).toBe(join(ROOT, 'public/dawnpress'))
    expect(cards.build.overrides).toEqual({
      only: ['package', 'cards'],
      packageDir: join(ROOT, '.dawnpress/content'),
      outDir: join(ROOT, 'public/dawnpress'),
    })
    expect(resolvePluginOptions({ cards: { dir: 'static/cards' } }, ROOT).cardsDir).toBe(
      join(ROOT, 'static/cards'),
    )
  })

  it('takes the project root, folder, alias and config the user gives, relative to Vite’s root', () => {
    const options = resolvePluginOptions(
      { root: 'site', dir: 'generated/content', alias: '#content', config: 'dawnpress.site.ts' },
      ROOT,
    )
    expect(options.root).toBe(join(ROOT, 'site'))
    expect(options.packageDir).toBe(join(ROOT, 'site/generated/content'))
    expect(options.alias).toBe('#content')
    expect(options.build.config).toBe('dawnpress.site.ts')
    expect(resolvePluginOptions({ alias: false }, ROOT).alias).toBe(false)
  })
})
