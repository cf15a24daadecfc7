import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveNextOptions } from './options.ts'

const ROOT = join('/work', 'app')

describe('resolveNextOptions', () => {
  it('asks the engine for the package alone, in .dawnpress/content below the folder next runs in', () => {
    const options = resolveNextOptions({}, ROOT)
    expect(options).toMatchObject({
      root: ROOT,
      packageDir: join(ROOT, '.dawnpress/content'),
      cardsDir: undefined,
    })
    expect(options.build).toEqual({
      root: ROOT,
      mode: 'build',
      overrides: { only: ['package'], packageDir: join(ROOT, '.dawnpress/content') },
    })
  })

  it('adds the cards, in public/dawnpress or the folder given, and takes the root and config given', () => {
    const options = resolveNextOptions(
      { root: 'site', dir: 'generated', cards: { dir: 'static/og' }, config: 'blog.config.ts' },
      ROOT,
    )
    expect(options.build).toEqual({
      root: join(ROOT, 'site'),
      config: 'blog.config.ts',
      mode: 'build',
      overrides: {
        only: ['package', 'cards'],
        packageDir: join(ROOT, 'site/generated'),
        outDir: join(ROOT, 'site/static/og'),
      },
    })
    expect(resolveNextOptions({ cards: true }, ROOT).cardsDir).toBe(join(ROOT, 'public/dawnpress'))
  })
})
