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
  plugins: ContentTsupPlugin[]
}

/** A file tsup wrote, as its plugins see it. */
export interface WrittenFile {
  readonly name: string
  readonly size: number
}

/** The part of tsup's plugin interface the content build uses. */
export interface ContentTsupPlugin {
  name: string
  buildEnd: (context: { writtenFiles: WrittenFile[] }) => void
}

/**
 * Folds the body chunks into one line of tsup's size report: `dist/articles/*.js (N files)`.
 * Besides sparing 20,000 log lines, this keeps 10,000-article builds fast, because tsup's
 * size reporter copies its table once per file (quadratic: minutes at 10,000 articles).
 */
export function summariseArticleChunks(): ContentTsupPlugin {
  return {
    name: 'dawnpress-summarise-article-chunks',
    buildEnd({ writtenFiles }) {
      const kept: WrittenFile[] = []
      const chunks = new Map<string, { count: number; size: number }>()
      for (const file of writtenFiles) {
        const match = /^(.*\barticles)\/[^/]+(\.[cm]?js)$/.exec(file.name.replaceAll('\\', '/'))
        if (!match) {
          kept.push(file)
          continue
        }
        const key = `${match[1]}/*${match[2]}`
        const group = chunks.get(key) ?? { count: 0, size: 0 }
        group.count += 1
        group.size += file.size
        chunks.set(key, group)
      }
      for (const [key, group] of chunks) {
        kept.push({
          name: `${key} (${group.count} file${group.count === 1 ? '' : 's'})`,
          size: group.size,
        })
      }
      writtenFiles.splice(0, writtenFiles.length, ...kept)
    },
  }
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
    plugins: [summariseArticleChunks()],
  }
}
