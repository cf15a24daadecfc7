import { describe, expect, it } from 'vitest'
import { contentTsupOptions, summariseArticleChunks, type WrittenFile } from './tsup-options.ts'

describe('contentTsupOptions', () => {
  it('bundles the generated index to ESM and CJS with types, splitting bodies into articles/', () => {
    const options = contentTsupOptions({ sourceDir: 'generated' })
    expect(options).toMatchObject({
      entry: { index: 'generated/index.ts' },
      outDir: 'dist',
      format: ['esm', 'cjs'],
      dts: true,
      splitting: true,
    })
    const esbuild: { chunkNames?: string } = {}
    options.esbuildOptions(esbuild)
    expect(esbuild.chunkNames).toBe('articles/[name]-[hash]')
  })
})

describe('summariseArticleChunks', () => {
  it('folds the body chunks into one line per extension and keeps every other file', () => {
    const writtenFiles: WrittenFile[] = [
      { name: 'dist/index.js', size: 100 },
      { name: 'dist/articles/a-post-AB12CD34.js', size: 10 },
      { name: 'dist/articles/b-post-EF56GH78.js', size: 20 },
      { name: 'dist/articles/a-post-IJ90KL12.cjs', size: 30 },
    ]
    summariseArticleChunks().buildEnd({ writtenFiles })
    expect(writtenFiles).toEqual([
      { name: 'dist/index.js', size: 100 },
      { name: 'dist/articles/*.js (2 files)', size: 30 },
      { name: 'dist/articles/*.cjs (1 file)', size: 30 },
    ])
  })
})
