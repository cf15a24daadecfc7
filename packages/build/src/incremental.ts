import { createHash } from 'node:crypto'
import { statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Problem } from '@dawnpress/core'
import { problemAt } from '@dawnpress/core/internal'
import {
  type BuildState,
  type CacheLayout,
  type OutputRecord,
  readBuildState,
  readStoredSources,
  type StoredFileIdentity,
} from './build-state.ts'
import type { BaseInputs, Fingerprint } from './fingerprint.ts'
import { type FileSource, openFileSource } from './json-source.ts'
import { listFiles } from './list-files.ts'
import { type PreviousContent, reviveStoredContent } from './load-content.ts'
import type { LoadedSite } from './load-site.ts'
import { isOutputIntact, isSameBuild } from './request-record.ts'
import { describeMarkdown, type ResolvedConfig } from './resolve-config.ts'
import type { LastBuild } from './run-build.ts'
import { shownPath } from './shown-path.ts'

/**
 * What a build's fingerprint is made of, but the article files: its options, the config and
 * everything it imports, the site config and its logo, and where the articles are.
 */
export function buildInputs(config: ResolvedConfig, site: LoadedSite): BaseInputs {
  const files = [...config.configDependencies]
  if (config.site.kind === 'file') files.push(config.site.file)
  if (site.site.card.logo !== undefined) files.push(resolve(site.siteDir, site.site.card.logo))
  return {
    options: describeOptions(config),
    parseOptions: describeParseOptions(config),
    files,
    site: site.source,
    articlesDir: config.articlesDir,
    publicDir: config.publicDir,
    gitDates: config.gitDates,
  }
}

/** The options that shape the output, as data for the fingerprint. */
function describeOptions(config: ResolvedConfig): unknown {
  return {
    mode: config.mode,
    articlesDir: config.articlesDir,
    publicDir: config.publicDir ?? null,
    outDir: config.outDir,
    outputs: config.outputs,
    drafts: config.drafts,
    gitDates: config.gitDates,
    markdown: describeMarkdown(config.markdown),
    configPackages: config.configPackages,
    siteUrl: config.siteUrl ?? null,
    customSchema: config.customSchema,
    cwd: process.cwd(),
  }
}

/**
 * The options that shape each article's parse (not the outputs, the output folder or the
 * mode, but what the mode decides of it), as data for the fingerprint's `parseBase`.
 */
function describeParseOptions(config: ResolvedConfig): unknown {
  return {
    articlesDir: config.articlesDir,
    drafts: config.drafts,
    scheduled: config.mode === 'dev' && config.drafts,
    gitDates: config.gitDates,
    markdown: describeMarkdown(config.markdown),
    configPackages: config.configPackages,
    customSchema: config.customSchema,
    cwd: process.cwd(),
  }
}

/**
 * The last build's state from disk. A state file that cannot be read is a warning, and the
 * build starts cold: a cache is never a reason to fail.
 */
export function readPreviousState(
  layout: CacheLayout,
  problems: Problem[],
): BuildState | undefined {
  const read = readBuildState(layout.state)
  if (read.unreadable !== undefined) {
    problems.push({
      ...problemAt(
        shownPath(layout.state),
        'CACHE_UNREADABLE',
        `The cache of the last build could not be read (${read.unreadable}), so everything is built again.`,
        'Nothing to do: this build writes a new one. If it happens every time, delete the cache folder.',
      ),
      severity: 'warning',
    })
  }
  return read.state
}

/**
 * The last build's articles from disk, when its articles' JSON is exactly the file it wrote:
 * same size, mtime, ctime and inode, or else the same size, mtime and SHA-256. A file
 * changed in any way (edited by hand, truncated) is not trusted, and every article is parsed
 * again. With its identity unchanged, the file is read only by range, as articles are used.
 */
export function reviveFromDisk(
  layout: CacheLayout,
  state: BuildState,
): PreviousContent | undefined {
  const recorded = state.articlesJson
  if (recorded === undefined) return undefined
  const source = openFileSource(layout.articlesJson)
  if (source === undefined) return undefined
  if (!isSameFile(source.identity, recorded.identity) && !hasDigest(source, recorded)) {
    source.close()
    return undefined
  }
  const sources = readStoredSources(layout.sources, state)
  if (sources === undefined) {
    source.close()
    return undefined
  }
  return reviveStoredContent(sources, source)
}

/** Whether two identities name the same, unchanged file. */
function isSameFile(a: StoredFileIdentity, b: StoredFileIdentity): boolean {
  return a.every((value, index) => value === b[index])
}

/** Whether a file of the recorded size and mtime has the recorded SHA-256, read in pieces. */
function hasDigest(source: FileSource, recorded: { identity: StoredFileIdentity; sha256: string }) {
  const [size, mtimeMs] = recorded.identity
  if (source.identity[0] !== size || source.identity[1] !== mtimeMs) return false
  const digest = createHash('sha256')
  for (let start = 0; start < size; start += DIGEST_BATCH) {
    digest.update(source.read(start, Math.min(size, start + DIGEST_BATCH)))
  }
  return digest.digest('hex') === recorded.sha256
}

/** Bytes hashed at once when a store is checked by its digest. */
const DIGEST_BATCH = 4 << 20

/**
 * Whether the last build had this fingerprint and its output is still as it wrote it (in
 * memory, it always is), so that there is nothing to do.
 */
export function isCurrent(
  state: BuildState,
  fingerprint: Fingerprint,
  config: ResolvedConfig,
  last: LastBuild | undefined,
  now: Date,
): boolean {
  if (!isSameBuild(state, fingerprint, config.outDir, now)) return false
  if (config.mode === 'dev') return last?.sink !== undefined
  return isOutputIntact(state, config.outputs.package !== false)
}

/** Every file of an output folder with its size, mtime and ctime, sorted by path. */
export function listOutput(outDir: string): OutputRecord[] {
  const files: OutputRecord[] = []
  for (const name of listFiles(outDir)) {
    // Synchronous: tens of thousands of awaited stats take seconds, these a fraction of one.
    const info = statSync(join(outDir, name))
    if (info.isFile()) files.push([name, info.size, info.mtimeMs, info.ctimeMs])
  }
  return files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
}

/** A warning that dates cannot come from git here, and what to do. */
export function shallowProblem(config: ResolvedConfig): Problem {
  return {
    ...problemAt(
      shownPath(config.articlesDir),
      'GIT_SHALLOW',
      'This is a shallow clone of the repository: its first commit seems to add every file, so dates from git would be wrong, and articles without a "date" get none.',
      'Fetch the whole history ("git fetch --unshallow", or "fetch-depth: 0" in GitHub Actions\' checkout), or give every article a "date".',
    ),
    severity: 'warning',
  }
}
