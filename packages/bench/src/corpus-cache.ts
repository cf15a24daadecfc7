import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type CorpusSummary, DEFAULT_SEED, generateCorpus, writeCorpus } from './corpus.ts'

/** Written last, so that a corpus with it is complete; names what was generated. */
const MARKER = 'corpus.json'
/** Present while an article is edited for the "one article changed" rebuild. */
const EDITING = 'EDITING'

/** A corpus ready in the work folder, and whether it was already there. */
export interface PreparedCorpus extends CorpusSummary {
  cached: boolean
}

/**
 * A fingerprint of the generator itself: the digest of a small corpus made in memory. When
 * the generator's output changes, so does this, and cached corpora are written anew.
 */
export function generatorFingerprint(seed: string): string {
  const hash = createHash('sha256')
  for (const article of generateCorpus({ size: 12, seed })) hash.update(article.source)
  return hash.digest('hex').slice(0, 16)
}

/**
 * The folder of the corpus of a seed and size: `<workRoot>/corpus-<size>` for the default
 * seed (other packages' notes point there), `<workRoot>/corpus-<size>-<seed>-<digest>` else.
 */
export function corpusFolder(workRoot: string, seed: string, size: number): string {
  if (seed === DEFAULT_SEED) return join(workRoot, `corpus-${size}`)
  const safe = seed.replace(/[^A-Za-z0-9-]/g, '_').slice(0, 40)
  const digest = createHash('sha256').update(seed).digest('hex').slice(0, 8)
  return join(workRoot, `corpus-${size}-${safe}-${digest}`)
}

/**
 * Writes the corpus of a seed and size once and reuses it afterwards: writing 100,000
 * articles takes minutes, and the articles stream to disk one at a time, so memory stays
 * flat. A corpus is written anew when its marker is missing or names another generator,
 * or when a benchmark stopped while an article was edited.
 */
export async function prepareCorpus(
  workRoot: string,
  options: { size: number; seed?: string },
): Promise<PreparedCorpus> {
  const seed = options.seed ?? DEFAULT_SEED
  const directory = corpusFolder(workRoot, seed, options.size)
  const fingerprint = generatorFingerprint(seed)
  const marker = join(directory, MARKER)
  const known = await readFile(marker, 'utf8').then(JSON.parse, () => undefined)
  if (
    known?.fingerprint === fingerprint &&
    known.size === options.size &&
    known.seed === seed &&
    !existsSync(join(directory, EDITING)) &&
    (await countArticles(directory)) === options.size
  ) {
    return { ...(known as CorpusSummary), directory, cached: true }
  }
  await rm(directory, { recursive: true, force: true })
  await mkdir(directory, { recursive: true })
  const summary = await writeCorpus(directory, { size: options.size, seed })
  const { directory: _, ...stored } = summary
  await writeFile(marker, `${JSON.stringify({ ...stored, fingerprint }, null, 2)}\n`)
  return { ...summary, cached: false }
}

async function countArticles(directory: string): Promise<number> {
  const names = await readdir(join(directory, 'articles')).catch(() => [] as string[])
  return names.filter((name) => name.endsWith('.md')).length
}

/**
 * Appends a paragraph to one article and returns a function that puts it back. While the
 * edit stands, a flag file marks the corpus, so that a run stopped half-way never leaves a
 * changed corpus that looks cached.
 */
export async function editArticle(
  corpusDir: string,
  file: string,
  paragraph: string,
): Promise<() => Promise<void>> {
  const original = await readFile(file)
  await writeFile(join(corpusDir, EDITING), `${file}\n`)
  await writeFile(file, `${original}\n${paragraph}\n`)
  return async () => {
    await writeFile(file, original)
    await rm(join(corpusDir, EDITING), { force: true })
  }
}

/** The article in the middle of the corpus, in file-name order: the one a rebuild edits. */
export async function middleArticle(corpusDir: string): Promise<string> {
  const names = (await readdir(join(corpusDir, 'articles'))).filter((name) => name.endsWith('.md'))
  names.sort()
  return join(corpusDir, 'articles', names[Math.floor(names.length / 2)] as string)
}
