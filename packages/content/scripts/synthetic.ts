import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createBuild } from '@dawnpress/build'

/** Options of `writeSyntheticCorpus`. */
export interface SyntheticCorpusOptions {
  /** How many articles. */
  count: number
  /** Seeds the generator: the same seed and count give the same files. @default 1 */
  seed?: number
  /** Paragraphs of about 60 words in each body. @default 12 */
  paragraphs?: number
}

const WORDS = (
  'model data neural network training inference token context attention layer weight ' +
  'gradient loss dataset benchmark agent reasoning language vision policy reward safety ' +
  'alignment scaling compute memory retrieval embedding prompt output evaluation research'
).split(' ')
const TAGS = ['ai', 'machine-learning', 'safety', 'research', 'policy', 'industry', 'history']

/** A small, fast, seeded PRNG (mulberry32), so that corpora are reproducible. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Writes a deterministic publication of `count` articles to `dir` (`articles/*.md` and
 * `site.json`), each with a title, description, date, tags and a body with headings, for
 * measuring bundles at scale. Every body holds a `BODY-<n>` marker that appears nowhere else.
 */
export async function writeSyntheticCorpus(
  dir: string,
  options: SyntheticCorpusOptions,
): Promise<void> {
  const random = createRandom(options.seed ?? 1)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const words = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join(' ')
  const paragraphs = options.paragraphs ?? 12
  await mkdir(join(dir, 'articles'), { recursive: true })
  await writeFile(
    join(dir, 'site.json'),
    JSON.stringify({
      title: 'Synthetic',
      description: 'A synthetic publication for measurements.',
      url: 'https://synthetic.example/',
      author: { name: 'Synthetic Editors' },
    }),
  )
  const files: { name: string; text: string }[] = []
  for (let index = 1; index <= options.count; index++) {
    const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 3650) * 86_400_000)
    const body: string[] = []
    for (let paragraph = 0; paragraph < paragraphs; paragraph++) {
      // Three headings whatever the length, so that longer bodies do not mean more metadata.
      if (paragraph % 4 === 0 && paragraph < 12)
        body.push(`## ${words(3)} ${paragraph / 4 + 1}`, '')
      body.push(`${words(60)}.`, '')
    }
    body.push(`BODY-${index} ends here.`, '')
    const text = [
      '---',
      `title: 'Article ${index}: ${words(4)}'`,
      `description: 'The ${words(12)}.'`,
      `date: ${day.toISOString().slice(0, 10)}`,
      `tags: [${pick(TAGS)}, ${pick(TAGS)}]`,
      '---',
      '',
      ...body,
    ].join('\n')
    files.push({ name: `article-${String(index).padStart(5, '0')}.md`, text })
  }
  for (let start = 0; start < files.length; start += 256) {
    await Promise.all(
      files
        .slice(start, start + 256)
        .map((file) => writeFile(join(dir, 'articles', file.name), file.text)),
    )
  }
}

/** Timings of `buildSyntheticBundle`, in milliseconds. */
export interface SyntheticBundleTimings {
  corpus: number
  /** Parsing and rendering the articles. */
  load: number
  /** Writing the package. */
  bundle: number
}

/**
 * Builds a content package from a synthetic corpus with the engine, as `pnpm build` builds
 * the real one: corpus in `dir/content`, the package (package.json, README, dist/) in
 * `dir/package`. Returns the package folder and where the time went.
 */
export async function buildSyntheticBundle(
  dir: string,
  options: SyntheticCorpusOptions,
): Promise<{ packageDir: string; timings: SyntheticBundleTimings }> {
  const started = performance.now()
  await writeSyntheticCorpus(join(dir, 'content'), options)
  const corpus = Math.round(performance.now() - started)
  const build = await createBuild({
    root: dir,
    config: {
      content: 'content/articles',
      site: 'content/site.json',
      gitDates: false,
      cacheDir: 'cache',
      outputs: {
        pages: false,
        feeds: false,
        cards: false,
        articlesJson: false,
        package: { dir: 'package', name: 'synthetic-content' },
      },
    },
  })
  const result = await build.build()
  await build.dispose()
  if (!result.ok) {
    throw new Error(
      `The synthetic corpus has problems: ${JSON.stringify(result.problems.slice(0, 3))}`,
    )
  }
  const phase = (label: RegExp) =>
    Math.round(
      result.timings
        .filter((timing) => label.test(timing.label))
        .reduce((sum, timing) => sum + timing.ms, 0),
    )
  return {
    packageDir: join(dir, 'package'),
    timings: { corpus, load: phase(/^(fingerprint|articles)/), bundle: phase(/^package$/) },
  }
}
