import { createHash } from 'node:crypto'
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SITE_PATHS } from '@dawnpress/core'
import { packageVersions } from './dependency-digest.ts'
import type { OutputFile, OutputSink } from './output-sink.ts'

/** Bump when what is indexed changes (the selectors below), so that cached indexes go. */
const SEARCH_VERSION = 1

/** The pages Pagefind reads: the article pages, whose `<article>` is `data-pagefind-body`. */
const INDEXED = /^articles\/[^/]+\/index\.html$/

/**
 * Inside the article, only the title and the body are indexed: not the tags, byline, dates,
 * lede or the table of contents, which would make every article match its neighbours'
 * words. The navigation, footer and pager are outside the article body already.
 */
const EXCLUDED = ['.tags', '.article__byline', '.meta', '.article__lede', '.toc']

/** Where the index goes, relative to the output folder: `pagefind/`. */
const BUNDLE = SITE_PATHS.searchBundle.replace(/^\/|\/$/g, '')

/**
 * Collects the article pages of a build as they are written, and then writes their Pagefind
 * index (`pagefind/`: the index per language, Pagefind's script and UI) into the same
 * staged output. The index is cached by the digest of the pages it was made from: a build
 * whose article pages are byte for byte those of the last one links the last index; any
 * change to any of them indexes them all again, which keeps it exact.
 */
export interface SearchIndexer {
  /** Notes a file the build wrote; only article pages count. */
  add(file: OutputFile): void
  /** Writes the index into `sink` (a folder on disk): `{ pages, reused }`. */
  write(sink: OutputSink): Promise<{ pages: number; reused: boolean }>
}

/** A search indexer whose cached index lives in `cacheDir` (`cacheLayout().search`). */
export function createSearchIndexer(cacheDir: string): SearchIndexer {
  const digest = createHash('sha256').update(
    JSON.stringify({ SEARCH_VERSION, pagefind: pagefindVersion(), EXCLUDED }),
  )
  let pages = 0
  return {
    add(file) {
      if (!INDEXED.test(file.path)) return
      digest.update(`${file.path}\0`).update(file.contents).update('\0')
      pages++
    },
    async write(sink) {
      const root = sink.dir
      if (root === undefined) throw new Error('A search index is written into a folder on disk.')
      const key = digest.digest('hex').slice(0, 32)
      const folder = join(cacheDir, key)
      let paths = listFiles(folder)
      const reused = paths !== undefined
      if (paths === undefined) {
        paths = await indexPages(root, folder)
        for (const name of existsSync(cacheDir) ? readdirSync(cacheDir) : []) {
          if (name !== key) rmSync(join(cacheDir, name), { recursive: true, force: true })
        }
      }
      // The cached files never change (a new index gets a folder of its own), so the output
      // may link them rather than copy several megabytes.
      for (const path of paths) {
        const target = `${BUNDLE}/${path}`
        if (!(await sink.reuse(target, join(folder, path))))
          await sink.copy(target, join(folder, path))
      }
      return { pages, reused }
    },
  }
}

/** Indexes the article pages under `root` with Pagefind into `folder`; the files' paths. */
async function indexPages(root: string, folder: string): Promise<string[]> {
  // Loaded only now: a build without pages, or with an unchanged index, never starts it.
  const pagefind = await import('pagefind')
  const created = await pagefind.createIndex({ excludeSelectors: EXCLUDED })
  const index = created.index
  if (index === undefined) throw searchError(created.errors)
  const staging = `${folder}.${process.pid}.tmp`
  try {
    // Pagefind reads each page's `<html lang>` and writes one index per language.
    const added = await index.addDirectory({ path: root, glob: 'articles/*/index.html' })
    if (added.errors.length > 0) throw searchError(added.errors)
    rmSync(staging, { recursive: true, force: true })
    const written = await index.writeFiles({ outputPath: staging })
    if (written.errors.length > 0) throw searchError(written.errors)
  } finally {
    await index.deleteIndex()
  }
  rmSync(folder, { recursive: true, force: true })
  renameSync(staging, folder)
  return listFiles(folder) ?? []
}

function searchError(errors: readonly string[]): Error {
  return new Error(`Pagefind could not index the pages: ${errors.join('; ') || 'no reason given'}.`)
}

/** Every file under `folder`, relative, `/`-separated and sorted; undefined when it is not there. */
function listFiles(folder: string): string[] | undefined {
  if (!existsSync(folder)) return undefined
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
}

/** Pagefind's version and its binary's, for the index's cache key. */
function pagefindVersion(): string {
  return packageVersions(['pagefind'], dirname(fileURLToPath(import.meta.url))).join(' ')
}
