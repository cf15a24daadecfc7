import { readFile, rename, writeFile } from 'node:fs/promises'
import { threadId } from 'node:worker_threads'
import type { CardWarning } from './warnings.ts'

/**
 * Stores a rendered card in the cache: its warnings first (`<key>.json`, only when there are
 * any), then the PNG under a temporary name renamed into place, so that a `<key>.png` that
 * exists is always complete and its warnings are always beside it.
 */
export async function writeCacheEntry(
  pngFile: string,
  png: Uint8Array,
  warnings: readonly CardWarning[],
): Promise<void> {
  if (warnings.length > 0) await writeFile(warningsFile(pngFile), `${JSON.stringify(warnings)}\n`)
  const temporary = `${pngFile}.${process.pid}-${threadId}.tmp`
  await writeFile(temporary, png)
  await rename(temporary, pngFile)
}

/** The warnings stored beside a cached card; none when the file is absent. */
export async function readCachedWarnings(pngFile: string): Promise<CardWarning[]> {
  try {
    return JSON.parse(await readFile(warningsFile(pngFile), 'utf8')) as CardWarning[]
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

function warningsFile(pngFile: string): string {
  return pngFile.replace(/\.png$/, '.json')
}
