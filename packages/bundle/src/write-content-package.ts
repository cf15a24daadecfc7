import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { type articleSchema, assertZodSchema, type FrontmatterSchema } from '@dawnpress/core'
import { type ContentSourcesOptions, renderContentSources } from './render-content-sources.ts'
import { GENERATED_HEADER } from './runtime-source.ts'

/** Options of `writeContentPackage`. */
export interface WriteContentPackageOptions<S extends FrontmatterSchema = typeof articleSchema>
  extends ContentSourcesOptions<S> {
  /**
   * The folder the sources are written to, such as `generated`. Its contents are replaced,
   * so it must be absent, empty, or a folder `writeContentPackage` wrote before.
   */
  outDir: string
}

/** What `writeContentPackage` wrote. */
export interface WriteContentPackageResult {
  /** The absolute path of the output folder. */
  outDir: string
  /** The absolute path of `index.ts`, the entry to bundle. */
  entry: string
  /** Every file written, relative to `outDir`, sorted. */
  files: string[]
  /** How many articles the package holds (drafts excluded). */
  articles: number
}

const WRITES_AT_ONCE = 64

/**
 * Writes the TypeScript and JavaScript sources of a typed content package, ready for tsup
 * (see `contentTsupOptions`): `index.ts` exports `articles` (metadata, newest first, no
 * bodies, no drafts), `getArticle(slug)`, `loadArticle(slug)`, `hasArticle(value)`, `site`,
 * and the types `Article`, `ArticleMeta` and `Slug`. Each body is its own module, loaded by
 * dynamic import. Writing twice from the same articles gives byte-identical files.
 *
 * Throws when `outDir` holds files it did not write, rather than deleting them.
 *
 * @example
 * const { articles, problems } = await loadCollection(defineCollection({ directory: 'content/articles' }))
 * const { site } = await loadSite('content/site.json')
 * await writeContentPackage({ articles, site, outDir: 'generated' })
 */
export async function writeContentPackage<S extends FrontmatterSchema = typeof articleSchema>(
  options: WriteContentPackageOptions<S>,
): Promise<WriteContentPackageResult> {
  if (!options.outDir) throw new TypeError('writeContentPackage needs an `outDir`.')
  if (options.schema !== undefined) {
    assertZodSchema(options.schema, 'The `schema` given to writeContentPackage')
  }
  const outDir = resolve(options.outDir)
  const files = renderContentSources(options)
  await assertReplaceable(outDir)
  await rm(outDir, { recursive: true, force: true })
  const folders = new Set(files.map((file) => dirname(join(outDir, file.path))))
  for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true })
  for (let start = 0; start < files.length; start += WRITES_AT_ONCE) {
    await Promise.all(
      files
        .slice(start, start + WRITES_AT_ONCE)
        .map((file) => writeFile(join(outDir, file.path), file.contents)),
    )
  }
  return {
    outDir,
    entry: join(outDir, 'index.ts'),
    files: files.map((file) => file.path),
    articles: files.filter((file) => file.path.startsWith('bodies/')).length,
  }
}

async function assertReplaceable(outDir: string): Promise<void> {
  let entries: string[]
  try {
    entries = await readdir(outDir)
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return
    throw cause
  }
  if (entries.length === 0) return
  const index = await readFile(join(outDir, 'index.ts'), 'utf8').catch(() => '')
  if (index.startsWith(GENERATED_HEADER)) return
  throw new Error(
    `The folder "${outDir}" holds files that writeContentPackage did not write, and it replaces the whole folder. Pass an empty or new folder as outDir.`,
  )
}
