import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import {
  type BuildState,
  cacheLayout,
  isAsRecorded,
  type OutputRecord,
  readBuildState,
  writeJsonAtomic,
} from './build-state.ts'
import { type EvaluatedConfig, evaluateConfigFile, isConfigObject } from './config-file.ts'
import {
  type BaseInputs,
  type Fingerprint,
  fingerprintInputs,
  STATE_VERSION,
} from './fingerprint.ts'
import {
  findConfigFile,
  type PathOptions,
  type ProjectPaths,
  resolveProjectPaths,
} from './project-paths.ts'
import type { ConfigOverrides, ResolvedConfig } from './resolve-config.ts'
import type { BuildResult } from './run-build.ts'
import { createTimings } from './timings.ts'

// A build with nothing to do spent most of its time loading the engine: zod, markdown-it
// and the highlighter take longer to load than 10,000 files take to stat. This module
// answers "is the last build still current?" loading none of them: it imports nothing but
// Node, jiti for a config file, and the engine's own light modules (a test of the built
// package holds it to that). Anything it cannot answer goes to the engine.

/** A `dawnpress build` as the command line asks for it: `createBuild`'s options. */
export interface BuildRequest {
  /** The project folder (the working directory), absolute. */
  root: string
  /** The config file given (`--config`), relative to `root`; else the one in `root`, if any. */
  config?: string | undefined
  overrides: ConfigOverrides
}

/**
 * A config file as it ran, described for a record: two runs with equal descriptions give
 * equal configs, as far as the engine's fingerprint can tell (it takes the config's
 * functions and schema to be what the files that define them say).
 */
export interface ConfigDescription {
  file: string
  /** The exported config as JSON: functions by their source, a zod schema as "schema". */
  data: string
  dependencies: readonly string[]
  packages: readonly string[]
}

/** A request, with its config file as it ran for the build (undefined without one). */
export interface RunRequest {
  request: BuildRequest
  source: ConfigDescription | undefined
}

/**
 * What a build of a request resolved to, recorded beside its state: the inputs it
 * fingerprinted, and the layout of the content folder they were found from.
 */
interface RequestRecord {
  version: typeof STATE_VERSION
  /** `describeRequest` of the request. */
  request: string
  layout: RecordedLayout
  inputs: BaseInputs
  outDir: string
  /** Whether the build writes the typed content package. */
  writesPackage: boolean
}

/**
 * The result of a build of `request` when the last build of it is still current: no file
 * changed that it read (articles, config files, site config, logo, public files,
 * dawnpress's own code), the config file exports what it did, the output is as the build
 * wrote it, and no scheduled article has come due. Its problems are the last build's
 * warnings, to show again. Undefined when that cannot be known without the engine
 * (`SOURCE_DATE_EPOCH`, a shard, a config file that fails to run, no record of the last
 * build), and whenever anything differs. The answer is the engine's: the record holds the
 * inputs the engine fingerprinted, and the fingerprint is computed by the engine's own code.
 */
export async function findUpToDate(request: BuildRequest): Promise<BuildResult | undefined> {
  const started = performance.now()
  const timings = createTimings()
  if (!isRecordable(request) || process.env.SOURCE_DATE_EPOCH) return undefined
  const source = await runRequestConfig(request)
  if (source === undefined) return undefined
  const paths = resolveProjectPaths(source.config, {
    root: source.root,
    overridesRoot: request.root,
    overrides: request.overrides,
  })
  const layout = cacheLayout(paths.cacheDir, { outDir: paths.outDir, mode: 'build' })
  const record = readRecord(layout.upToDate)
  if (record?.request !== describeRequest(request, source.description)) return undefined
  if (record.outDir !== paths.outDir || !isSameLayout(paths, record.layout)) return undefined
  const { state } = readBuildState(layout.state)
  if (state === undefined) return undefined
  const fingerprint = await fingerprintInputs(record.inputs, state.inputs)
  if (!isSameBuild(state, fingerprint, paths.outDir, new Date())) return undefined
  if (!isOutputIntact(state, record.writesPackage)) return undefined
  timings.end('fingerprint')
  return {
    status: 'current',
    ok: true,
    // Its warnings, shown again (a build with errors records no state).
    problems: state.problems,
    articles: state.articles,
    parsed: 0,
    reused: state.inputs.files.length,
    files: { written: 0, reused: state.files.length },
    cards: undefined,
    outDir: paths.outDir,
    timings: timings.phases,
    durationMs: performance.now() - started,
  }
}

/**
 * Records what a successful build of `request` resolved to, for `findUpToDate`: its config
 * file as it ran (undefined without one), the config it resolved to, and the inputs it
 * fingerprinted (see `buildInputs`).
 */
export function writeRequestRecord(
  file: string,
  { request, source }: RunRequest,
  config: ResolvedConfig,
  inputs: BaseInputs,
): void {
  const record: RequestRecord = {
    version: STATE_VERSION,
    request: describeRequest(request, source),
    layout: {
      articlesDir: config.articlesDir,
      siteFile: config.site.kind === 'file' ? config.site.file : null,
      publicDir: config.publicDir ?? null,
    },
    inputs,
    outDir: config.outDir,
    writesPackage: config.outputs.package !== false,
  }
  writeJsonAtomic(file, record)
}

/** Whether `findUpToDate` may answer for a build of this request at all. */
export function isRecordable(request: BuildRequest): boolean {
  return request.overrides.shard === undefined
}

/**
 * A config file as it ran, for a record; undefined when its export cannot be written down
 * (a cycle).
 */
export function describeConfigFile(evaluated: EvaluatedConfig): ConfigDescription | undefined {
  const { exported, file, dependencies, packages } = evaluated
  const data = isConfigObject(exported) ? describeConfigData(exported) : undefined
  return data === undefined ? undefined : { file, data, dependencies, packages }
}

/** A config file's export as JSON; undefined when it cannot be written down (a cycle). */
function describeConfigData(exported: object): string | undefined {
  try {
    return JSON.stringify(exported, (_key, value: unknown) => {
      if (typeof value === 'function') return `function:${String(value)}`
      if (value instanceof RegExp) return `regexp:${String(value)}`
      // A zod schema is described by the files that define it, as the engine's fingerprint
      // does (its internals are not data).
      if (typeof value === 'object' && value !== null && '_zod' in value) return 'schema'
      return value
    })
  } catch {
    return undefined
  }
}

/** The config of a request: its config file run, or none. Undefined when it fails to run. */
async function runRequestConfig(
  request: BuildRequest,
): Promise<
  { config: PathOptions; root: string; description: ConfigDescription | undefined } | undefined
> {
  const file =
    request.config === undefined
      ? findConfigFile(request.root)
      : resolve(request.root, request.config)
  if (file === undefined) return { config: {}, root: request.root, description: undefined }
  let evaluated: EvaluatedConfig
  try {
    evaluated = await evaluateConfigFile(file)
  } catch {
    return undefined
  }
  const description = describeConfigFile(evaluated)
  if (description === undefined) return undefined
  return {
    config: evaluated.exported as PathOptions,
    root: dirname(evaluated.file),
    description,
  }
}

/**
 * A request as one string, with what else the engine resolves it with: its config file as
 * it ran, the working directory and `SITE_URL`. Equal strings resolve to equal configs.
 */
function describeRequest(request: BuildRequest, source: ConfigDescription | undefined): string {
  return JSON.stringify({
    root: request.root,
    overrides: sortKeys(request.overrides),
    config: source ?? null,
    cwd: process.cwd(),
    siteUrl: process.env.SITE_URL || null,
  })
}

function sortKeys(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
}

function readRecord(file: string): RequestRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as RequestRecord
    return record.version === STATE_VERSION ? record : undefined
  } catch {
    return undefined
  }
}

/** Where a content folder's parts were found, `null` for none. */
interface RecordedLayout {
  articlesDir: string
  siteFile: string | null
  publicDir: string | null
}

function isSameLayout(paths: ProjectPaths, recorded: RecordedLayout): boolean {
  return (
    paths.layout.articlesDir === recorded.articlesDir &&
    (paths.siteFile ?? null) === recorded.siteFile &&
    (paths.publicDir ?? null) === recorded.publicDir
  )
}

/**
 * Whether a state is of a build with this fingerprint into `outDir`, and still right as of
 * `now`. The build time decides only which articles are published (it is not in the
 * fingerprint, so that a new SOURCE_DATE_EPOCH alone rebuilds nothing): a scheduled article
 * whose time has come must be published, and one published for a later time than now must
 * not be.
 */
export function isSameBuild(
  state: BuildState,
  fingerprint: Fingerprint,
  outDir: string,
  now: Date,
): boolean {
  if (state.fingerprint !== fingerprint.fingerprint || state.outDir !== outDir) return false
  if (state.nextScheduled !== undefined && Date.parse(state.nextScheduled) <= now.getTime()) {
    return false
  }
  return state.lastPublished === undefined || Date.parse(state.lastPublished) <= now.getTime()
}

/**
 * Whether the files a state records (the output folder's, and the content package's when
 * the build writes one) are still as its build wrote them.
 */
export function isOutputIntact(state: BuildState, writesPackage: boolean): boolean {
  if (writesPackage && state.packageFiles === undefined) return false
  const intact = (dir: string, files: readonly OutputRecord[]) =>
    files.every((record) => isAsRecorded(dir, record))
  return (
    intact(state.outDir, state.files) &&
    (state.packageFiles === undefined || intact(state.packageFiles.dir, state.packageFiles.files))
  )
}
