import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { corpusFolder } from './corpus-cache.ts'
import type { Baseline, SizeResult } from './results.ts'

/** The size a larger corpus is compared with: the table is at 10,000 articles. */
export const BASELINE_SIZE = 10_000

/** The file, in a corpus folder, that keeps the last result measured on that corpus. */
const LAST_RESULT = 'last-result.json'

/** Keeps a size's result beside its corpus, for a later run at a larger size to compare with. */
export async function keepLastResult(corpusDir: string, result: SizeResult, measuredAt: string) {
  await writeFile(
    join(corpusDir, LAST_RESULT),
    `${JSON.stringify({ measuredAt, result }, null, 2)}\n`,
  )
}

/**
 * The 10,000-article site build that a larger size is compared with: from this run when it
 * measured 10,000 articles, else from the last run at 10,000 with the same seed, which says
 * when it was measured; undefined when there is neither.
 */
export async function findBaseline(
  thisRun: readonly SizeResult[],
  workRoot: string,
  seed: string,
): Promise<Baseline | undefined> {
  const same = thisRun.find((result) => result.corpus.size === BASELINE_SIZE)
  if (same?.series.site?.runs.length) {
    return { size: BASELINE_SIZE, source: 'this run', site: same.series.site }
  }
  const file = join(corpusFolder(workRoot, seed, BASELINE_SIZE), LAST_RESULT)
  const earlier = await readFile(file, 'utf8').then(JSON.parse, () => undefined)
  const site = earlier?.result?.series?.site
  if (!site?.runs?.length) return undefined
  return { size: BASELINE_SIZE, source: `the run of ${earlier.measuredAt}`, site }
}
