import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { CommandSpec, Measurement } from './measure.ts'

/** The builders the benchmark compares. */
export type ToolName = 'dawnpress' | 'content-collections' | 'velite'

/** One builder, set up for one corpus. */
export interface Tool {
  name: ToolName
  /** What exactly is timed, for the report. */
  description: string
  /** The command of one build. */
  command: CommandSpec
  /** Deletes every cache and output, so that the next build is cold. */
  reset(): Promise<void>
  /** Throws unless a finished build processed every article of the corpus. */
  verify(result: Measurement, size: number): void
  /** Whether it keeps a cache between processes, so that a rebuild can do less than a cold build. */
  cached: boolean
  /** What to time instead when this tool cannot build at all. */
  fallback?: () => Tool
}

/** Where a tool finds its inputs and keeps its outputs. */
export interface ToolContext {
  /** The packages/bench folder, which holds the peers' configs and the built runners. */
  benchRoot: string
  /** A corpus written by `writeCorpus`. */
  corpusDir: string
  /** A scratch folder of this corpus; each tool gets a subfolder. */
  workDir: string
}

/** content-collections with its Markdown package, through its builder API (what its CLI calls). */
export function createContentCollections(context: ToolContext): Tool {
  const config = join(context.benchRoot, 'peers', 'content-collections.config.ts')
  const home = join(context.workDir, 'content-collections')
  const cacheDir = join(home, 'cache')
  const outputDir = join(home, 'generated')
  return {
    name: 'content-collections',
    description: 'createBuilder(config).build() with compileMarkdown, one process per build',
    cached: true,
    command: {
      command: process.execPath,
      args: [runner(context, 'content-collections'), config, outputDir, cacheDir],
      cwd: context.benchRoot,
      env: {
        BENCH_ARTICLES: relative(
          join(context.benchRoot, 'peers'),
          join(context.corpusDir, 'articles'),
        ),
      },
    },
    reset: () => rm(home, { recursive: true, force: true }),
    verify: verifyJsonReport('content-collections'),
  }
}

/** Velite with its Markdown schema, through its `build()` API (what `velite build` calls). */
export function createVelite(context: ToolContext): Tool {
  const config = join(context.benchRoot, 'peers', 'velite.config.ts')
  const out = join(context.workDir, 'velite')
  return {
    name: 'velite',
    description: 'build({ config }) with s.markdown(), one process per build',
    cached: false,
    command: {
      command: process.execPath,
      args: [runner(context, 'velite'), config],
      cwd: context.benchRoot,
      env: { BENCH_CONTENT: context.corpusDir, BENCH_OUT: out },
    },
    reset: () => rm(out, { recursive: true, force: true }),
    verify: verifyJsonReport('velite'),
  }
}

/** How dawnpress is timed: its CLI, or the core alone while the CLI cannot build yet. */
export interface DawnpressOptions {
  /** Output kinds passed to `--skip`. @default 'cards,site' */
  skip?: string
  /** Force the core-only stand-in even when the CLI is there. */
  coreOnly?: boolean
}

/**
 * dawnpress as a user runs it: `dawnpress build --skip cards,site` (core, content bundle and
 * feeds), with its cache in the scratch folder. Falls back to timing `loadCollection` alone
 * when packages/cli is not built or fails.
 */
export function createDawnpress(context: ToolContext, options: DawnpressOptions = {}): Tool {
  const home = join(context.workDir, 'dawnpress')
  const out = join(home, 'out')
  const cache = join(home, 'cache')
  // The workspace's CLI, linked as a devDependency so that turbo builds it before the bench.
  const cli = join(context.benchRoot, 'node_modules', 'dawnpress', 'dist', 'cli.js')
  const reset = () => rm(home, { recursive: true, force: true })
  const coreOnly: Tool = {
    name: 'dawnpress',
    description:
      'loadCollection from @dawnpress/core, articles written as JSON (stand-in for the CLI)',
    cached: false,
    command: {
      command: process.execPath,
      args: [runner(context, 'dawnpress-core'), context.corpusDir, out],
      cwd: context.benchRoot,
    },
    reset,
    verify: verifyJsonReport('dawnpress (core only)'),
  }
  if (options.coreOnly || !existsSync(cli)) return coreOnly

  const skip = options.skip ?? 'cards,site'
  const args = ['build', '--content', context.corpusDir, '--out', out, '--skip', skip]
  return {
    name: 'dawnpress',
    description: `dawnpress build --skip ${skip} (packages/cli), one process per build`,
    cached: true,
    command: {
      command: process.execPath,
      args: [cli, ...args, '--cache', cache],
      cwd: context.benchRoot,
    },
    reset,
    verify(result, size) {
      if (result.exitCode !== 0) throw failure('dawnpress build', result)
      const built = /Built (\d+) articles?/.exec(result.stdout)
      if (built && Number(built[1]) !== size) {
        throw new Error(`dawnpress built ${built[1]} of ${size} articles.\n${result.stderr}`)
      }
    },
    fallback: () => coreOnly,
  }
}

function runner(context: ToolContext, name: string): string {
  return join(context.benchRoot, 'dist', 'bin', `${name}.js`)
}

/** The runners print `{ documents, errors, errorCount }` as their last line. */
function verifyJsonReport(name: string): Tool['verify'] {
  return (result, size) => {
    if (result.exitCode !== 0) throw failure(name, result)
    const last = result.stdout.trim().split('\n').at(-1) ?? ''
    let report: { documents: number; errors: string[]; errorCount: number }
    try {
      report = JSON.parse(last)
    } catch {
      throw failure(`${name} printed no report`, result)
    }
    if (report.errorCount > 0 || report.documents !== size) {
      throw new Error(
        `${name} built ${report.documents} of ${size} articles with ${report.errorCount} errors: ${report.errors.join('; ')}`,
      )
    }
  }
}

function failure(what: string, result: Measurement): Error {
  const output = `${result.stderr}\n${result.stdout}`.trim().slice(-2000)
  return new Error(`${what} exited with code ${result.exitCode}.\n${output}`)
}
