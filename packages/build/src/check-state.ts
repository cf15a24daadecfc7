import { mkdirSync } from 'node:fs'
import type { ArticleSchema, Collection, Problem } from '@dawnpress/core'
import { referencesDigest } from './asset-references.ts'
import {
  type BuildState,
  type CacheLayout,
  cacheLayout,
  readBuildState,
  readLastParse,
  readStoredSources,
  type StoredArticle,
  writeBuildState,
  writeLastParse,
  writeStoredSources,
} from './build-state.ts'
import { type Fingerprint, STATE_VERSION } from './fingerprint.ts'
import { reviveFromDisk } from './incremental.ts'
import {
  type BuildContent,
  type BuildFile,
  type PreviousContent,
  renderHtmlWhenRead,
} from './load-content.ts'
import type { ResolvedConfig } from './resolve-config.ts'

/** The mode a check's state is kept under: a folder of its own beside the builds'. */
const CHECK_MODE = 'check'

/** A parse a check may reuse: a build's or a check's state, and where it is. */
export interface KeptParse {
  layout: CacheLayout
  state: BuildState
}

/**
 * The parses a check may reuse, best first: the last one written into the cache (a build's
 * or a check's, whatever its output folder), then the last check's of this output folder.
 */
export function findKeptParses(config: ResolvedConfig): KeptParse[] {
  const own = checkLayout(config)
  const found = [readLastParse(config.cacheDir)]
  const { state } = readBuildState(own.state)
  if (state?.parseBase !== undefined && found[0]?.layout.dir !== own.dir) {
    found.push({ layout: own, state })
  }
  return found.filter((kept): kept is KeptParse => kept !== undefined)
}

/**
 * The articles of a kept parse, each unchanged file's problems and article: from a build's
 * articles' JSON, or whole from a check's sources with `html` rendered when read (a kept
 * `html` would be empty).
 */
export function reviveKeptParse(
  kept: KeptParse,
  collection: Collection<ArticleSchema>,
): PreviousContent | undefined {
  if (kept.state.articlesInSources !== true) return reviveFromDisk(kept.layout, kept.state)
  const sources = readStoredSources(kept.layout.sources, kept.state)
  if (sources === undefined) return undefined
  const files = new Map<string, BuildFile>()
  for (const stored of sources) {
    const meta = stored.article?.meta
    files.set(stored.file, {
      stored,
      article: meta && renderHtmlWhenRead({ ...meta }, collection, stored.file),
    })
  }
  return files
}

/**
 * Keeps what a check parsed for the next check (or `check` after it): each file's problems
 * and article, whole but for its HTML, and points the cache's last parse at it. Nothing of
 * the output folder is read or written.
 */
export function writeCheckState(
  config: ResolvedConfig,
  fingerprint: Fingerprint,
  content: BuildContent,
  problems: readonly Problem[],
): void {
  const layout = checkLayout(config)
  mkdirSync(layout.dir, { recursive: true })
  const sources = content.files.map(({ stored: file, article }) => {
    // Its HTML is never rewritten, so what the references resolve to now is what it has.
    const stored = file.references
      ? {
          ...file,
          referencesDigest: referencesDigest(file.references, file.file, fingerprint.files),
        }
      : file
    if (article === undefined) return { ...stored, article: undefined }
    // Every field in its place, `html` empty: the article revived has the same keys in order.
    const fields = article.article as unknown as Record<string, unknown>
    const meta = Object.fromEntries(
      Object.keys(fields).map((key) => [key, key === 'html' ? '' : fields[key]]),
    ) as StoredArticle['meta']
    return { ...stored, article: { meta } }
  })
  writeStoredSources(layout.sources, fingerprint.fingerprint, sources)
  writeBuildState(layout.state, {
    version: STATE_VERSION,
    fingerprint: fingerprint.fingerprint,
    base: fingerprint.base,
    parseBase: fingerprint.parseBase,
    outDir: config.outDir,
    articles: content.articles.length,
    files: [],
    problems: [...problems],
    articlesJson: undefined,
    inputs: fingerprint.stored,
    feeds: {},
    articlesInSources: true,
  })
  writeLastParse(layout, {
    outDir: config.outDir,
    mode: CHECK_MODE,
    parseBase: fingerprint.parseBase,
  })
}

function checkLayout(config: ResolvedConfig): CacheLayout {
  return cacheLayout(config.cacheDir, { outDir: config.outDir, mode: CHECK_MODE })
}
