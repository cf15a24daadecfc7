import { createHash } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  type ArticleStub,
  DEFAULT_WORD_RANGE,
  type GeneratedArticle,
  generateArticle,
  generateStub,
  type WordRange,
} from './article.ts'
import { createRandom } from './random.ts'

/** Options of `generateCorpus` and `writeCorpus`. */
export interface CorpusOptions {
  /** How many articles. */
  size: number
  /** The same seed always gives byte-identical articles. @default 'dawnpress' */
  seed?: string | number
  /** Article length in prose words. @default { min: 500, mode: 550, max: 1500 } (850 on average) */
  words?: WordRange
}

/** The publication settings written beside the articles, shaped like `content/site.json`. */
export const BENCH_SITE = {
  title: 'Dawn Bench',
  description: 'A synthetic publication for timing builds: essays on artificial intelligence.',
  url: 'https://bench.dawnpress.example/',
  language: 'en',
  author: { name: 'The Bench Editors', url: 'https://bench.dawnpress.example/about/' },
  copyright: '© 2026 The Bench Editors',
  card: { background: '#0b1020', foreground: '#f5f3ee', accent: '#f59e0b' },
} as const

/** The seed used when none is given. */
export const DEFAULT_SEED = 'dawnpress'

/**
 * Yields the articles of a synthetic corpus one at a time, in file-name order of creation.
 * Every article draws from its own stream (seed + index), so article 7 is the same whatever
 * else is generated around it; only its links to other articles depend on the corpus size.
 *
 * @example
 * for (const article of generateArticles({ size: 1000, seed: 42 })) console.log(article.slug)
 */
export function* generateArticles(options: CorpusOptions): Generator<GeneratedArticle> {
  const { size } = options
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`A corpus needs a whole number of articles, at least 1 (got ${size}).`)
  }
  const root = createRandom(options.seed ?? DEFAULT_SEED)
  const stubs: ArticleStub[] = Array.from({ length: size }, (_, index) =>
    generateStub(root.fork(`stub:${index}`), index),
  )
  for (const [index, stub] of stubs.entries()) {
    yield generateArticle(root.fork(`article:${index}`), {
      stub,
      others: stubs,
      words: options.words ?? DEFAULT_WORD_RANGE,
    })
  }
}

/** Generates a whole corpus in memory. Prefer `writeCorpus` for large sizes. */
export function generateCorpus(options: CorpusOptions): GeneratedArticle[] {
  return [...generateArticles(options)]
}

/** What `writeCorpus` wrote. */
export interface CorpusSummary {
  directory: string
  size: number
  seed: string
  /** Prose words over all articles. */
  words: number
  /** Bytes of all article files. */
  bytes: number
  /** SHA-256 over every file name and content, in order: equal digests, equal corpora. */
  sha256: string
}

/**
 * Writes `<directory>/articles/*.md` and `<directory>/site.json`, replacing any articles
 * folder already there so no stale file survives.
 */
export async function writeCorpus(
  directory: string,
  options: CorpusOptions,
): Promise<CorpusSummary> {
  const articlesDirectory = join(directory, 'articles')
  await rm(articlesDirectory, { recursive: true, force: true })
  await mkdir(articlesDirectory, { recursive: true })
  let words = 0
  let bytes = 0
  const hash = createHash('sha256')
  let batch: Promise<void>[] = []
  for (const article of generateArticles(options)) {
    hash.update(`${article.fileName}\0${article.source}\0`)
    words += article.words
    bytes += Buffer.byteLength(article.source)
    batch.push(writeFile(join(articlesDirectory, article.fileName), article.source))
    if (batch.length === 64) {
      await Promise.all(batch)
      batch = []
    }
  }
  await Promise.all(batch)
  await writeFile(join(directory, 'site.json'), `${JSON.stringify(BENCH_SITE, null, 2)}\n`)
  return {
    directory,
    size: options.size,
    seed: String(options.seed ?? DEFAULT_SEED),
    words,
    bytes,
    sha256: hash.digest('hex'),
  }
}
