import { join } from 'node:path'

/** Options of `contentTsupOptions`. */
export interface ContentTsupOptionsInput {
  /** The folder `writeContentPackage` wrote to. */
  sourceDir: string
  /** Where the bundle goes. @default 'dist' */
  outDir?: string
}

/**
 * The tsup options for a content package (a subset of tsup's `Options`, so that this package
 * does not depend on tsup). They give ESM and CommonJS with `.d.ts`/`.d.cts`, and split every
 * article body into its own chunk in `articles/` for both formats.
 */
export interface ContentTsupOptions {
  entry: Record<string, string>
  outDir: string
  format: ['esm', 'cjs']
  dts: true
  splitting: true
  clean: true
  treeshake: false
  sourcemap: false
  shims: false
  platform: 'neutral'
  target: 'es2022'
  esbuildOptions: (options: { chunkNames?: string }) => void
}

/**
 * tsup options that bundle the sources of `writeContentPackage` into a publishable package.
 * The output is neutral JavaScript (no Node built-ins), so it runs in Node, Deno and
 * browsers, and bundlers can split it further.
 *
 * @example
 * // tsup.config.ts
 * import { contentTsupOptions } from '@dawnpress/bundle'
 * export default contentTsupOptions({ sourceDir: 'generated' })
 *
 * @example
 * // or from a script
 * import { build } from 'tsup'
 * await build(contentTsupOptions({ sourceDir: 'generated', outDir: 'dist' }))
 */
export function contentTsupOptions(input: ContentTsupOptionsInput): ContentTsupOptions {
  return {
    entry: { index: join(input.sourceDir, 'index.ts') },
    outDir: input.outDir ?? 'dist',
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    clean: true,
    treeshake: false,
    sourcemap: false,
    shims: false,
    platform: 'neutral',
    target: 'es2022',
    esbuildOptions(options) {
      options.chunkNames = 'articles/[name]-[hash]'
    },
  }
}
