import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { contentTsupOptions, writeContentPackage } from '@dawnpress/bundle'
import { defineCollection, hasErrors, loadCollection, loadSite } from '@dawnpress/core'
import { build } from 'tsup'

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

/** Options of `buildSyntheticBundle`. */
export interface SyntheticBundleOptions extends SyntheticCorpusOptions {
  /** Also write `.d.ts`/`.d.cts`; slow for large corpora and not needed to measure. @default false */
  dts?: boolean
}

/** Timings of `buildSyntheticBundle`, in milliseconds. */
export interface SyntheticBundleTimings {
  corpus: number
  load: number
  generate: number
  bundle: number
}

/**
 * Builds a content package from a synthetic corpus the way `pnpm build` does: corpus in
 * `dir/content`, sources in `dir/generated`, bundle in `dir/dist`, and a `package.json`
 * with `"type": "module"` so that `dist/index.js` loads as ESM.
 */
export async function buildSyntheticBundle(
  dir: string,
  options: SyntheticBundleOptions,
): Promise<SyntheticBundleTimings> {
  let mark = performance.now()
  const lap = () => {
    const now = performance.now()
    const elapsed = now - mark
    mark = now
    return Math.round(elapsed)
  }
  await writeSyntheticCorpus(join(dir, 'content'), options)
  const corpus = lap()
  const collection = defineCollection({ directory: join(dir, 'content/articles'), gitDates: false })
  const [{ articles, problems }, { site }] = await Promise.all([
    loadCollection(collection),
    loadSite(join(dir, 'content/site.json')),
  ])
  if (hasErrors(problems) || !site) {
    throw new Error(`The synthetic corpus has problems: ${JSON.stringify(problems.slice(0, 3))}`)
  }
  const load = lap()
  await writeContentPackage({ articles, site, outDir: join(dir, 'generated') })
  const generate = lap()
  await writeFile(join(dir, 'package.json'), '{ "type": "module", "sideEffects": false }\n')
  await build({
    ...contentTsupOptions({ sourceDir: join(dir, 'generated'), outDir: join(dir, 'dist') }),
    dts: options.dts ?? false,
    silent: true,
    config: false,
  })
  return { corpus, load, generate, bundle: lap() }
}
