import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { CommandSpec, Measurement } from './measure.ts'

/** One command the benchmark times, set up for one corpus. */
export interface Tool {
  /** Who runs: `dawnpress`, `content-collections`, `hugo`, `markdown-it`. */
  tool: string
  /** What exactly is timed, for the report. */
  description: string
  command: CommandSpec
  /** Deletes its caches and outputs, so that the next run is cold. */
  reset(): Promise<void>
  /** Throws unless the run finished and processed every article of the corpus. */
  verify(result: Measurement, size: number): Promise<void>
}

/** Where a tool finds its inputs and keeps its outputs. */
export interface ToolContext {
  /** The packages/bench folder, which holds the peers' configs and the built runners. */
  benchRoot: string
  /** A corpus written by `prepareCorpus`. */
  corpusDir: string
  /** A scratch folder of this corpus; each tool gets a subfolder. */
  workDir: string
}

/** The workspace's CLI, linked as a devDependency so that turbo builds it before the bench. */
export function dawnpressCli(benchRoot: string): string {
  return join(benchRoot, 'node_modules', 'dawnpress', 'bin', 'dawnpress.js')
}

/** Options of a `dawnpress build`. */
export interface DawnpressBuildOptions {
  /** The scratch subfolder, one per kind of build, so that their caches stay apart. */
  name: string
  /** Passed to `--skip`. */
  skip: string
  /** A config file, for builds that need an option the command line has not. */
  config?: string
  description: string
}

/**
 * `dawnpress build` as a user runs it, with `--timings`, its output and cache in the scratch
 * folder. A cold run is a run after `reset()`; without it, the run is a rebuild.
 */
export function createDawnpressBuild(context: ToolContext, options: DawnpressBuildOptions): Tool {
  const home = join(context.workDir, options.name)
  const args = [
    dawnpressCli(context.benchRoot),
    'build',
    '--content',
    context.corpusDir,
    '--out',
    join(home, 'out'),
    '--cache',
    join(home, 'cache'),
    '--skip',
    options.skip,
    '--timings',
  ]
  if (options.config) args.push('--config', options.config)
  return {
    tool: 'dawnpress',
    description: options.description,
    command: { command: process.execPath, args, cwd: home },
    reset: () => resetFolder(home),
    async verify(result, size) {
      if (result.exitCode !== 0) throw failure('dawnpress build', result)
      const built = /Built (\d+) articles?/.exec(result.stdout)
      if (built && Number(built[1]) !== size) {
        throw new Error(`dawnpress built ${built[1]} of ${size} articles.\n${result.stderr}`)
      }
      if (!built && !/Nothing changed/.test(result.stdout)) {
        throw failure('dawnpress build said neither what it built nor that nothing changed', result)
      }
    },
  }
}

/** `dawnpress bundle`: the typed content package, from an empty cache. */
export function createDawnpressBundle(context: ToolContext): Tool {
  const home = join(context.workDir, 'dawnpress-bundle')
  return {
    tool: 'dawnpress',
    description: 'dawnpress bundle --content DIR --out DIR, empty cache',
    command: {
      command: process.execPath,
      args: [
        dawnpressCli(context.benchRoot),
        'bundle',
        '--content',
        context.corpusDir,
        '--out',
        join(home, 'package'),
        '--cache',
        join(home, 'cache'),
      ],
      cwd: home,
    },
    reset: () => resetFolder(home),
    async verify(result, size) {
      if (result.exitCode !== 0) throw failure('dawnpress bundle', result)
      const bundled = /Bundled (\d+) articles?/.exec(result.stdout)
      if (!bundled || Number(bundled[1]) !== size) {
        throw failure(`dawnpress bundle did not bundle all ${size} articles`, result)
      }
    },
  }
}

/** `dawnpress check`: every article parsed and validated, nothing written. */
export function createDawnpressCheck(context: ToolContext): Tool {
  const home = join(context.workDir, 'dawnpress-check')
  return {
    tool: 'dawnpress',
    description: 'dawnpress check --content DIR',
    command: {
      command: process.execPath,
      args: [dawnpressCli(context.benchRoot), 'check', '--content', context.corpusDir],
      cwd: home,
    },
    reset: () => resetFolder(home),
    async verify(result, size) {
      if (result.exitCode !== 0) throw failure('dawnpress check', result)
      const checked = /([\d,]+) articles? checked/.exec(result.stdout)
      if (!checked || Number(checked[1]?.replaceAll(',', '')) !== size) {
        throw failure(`dawnpress check did not check all ${size} articles`, result)
      }
    },
  }
}

/** content-collections with its Markdown package, through its builder API (what its CLI calls). */
export function createContentCollections(context: ToolContext): Tool {
  const config = join(context.benchRoot, 'peers', 'content-collections.config.ts')
  const home = join(context.workDir, 'content-collections')
  // Its cache holds the compiled config, which imports @content-collections/core: it must sit
  // where this package's node_modules can be found, whatever --work says.
  const cache = join(
    context.benchRoot,
    'node_modules',
    '.cache',
    'bench-content-collections',
    createHash('sha256').update(home).digest('hex').slice(0, 12),
  )
  return {
    tool: 'content-collections',
    description: 'createBuilder(config).build() with compileMarkdown, one process per build',
    command: {
      command: process.execPath,
      args: [runner(context, 'content-collections'), config, join(home, 'generated'), cache],
      cwd: context.benchRoot,
      env: {
        BENCH_ARTICLES: relative(
          join(context.benchRoot, 'peers'),
          join(context.corpusDir, 'articles'),
        ),
      },
    },
    reset: async () => {
      await rm(home, { recursive: true, force: true })
      await rm(cache, { recursive: true, force: true })
    },
    verify: verifyJsonReport('content-collections'),
  }
}

/** The floor: the same corpus through markdown-it with linkify, alone, in one process. */
export function createFloor(context: ToolContext): Tool {
  return {
    tool: 'markdown-it',
    description: 'markdown-it with linkify (and html), every body of the corpus, one process',
    command: {
      command: process.execPath,
      args: [runner(context, 'floor'), context.corpusDir],
      cwd: context.benchRoot,
    },
    reset: async () => {},
    verify: verifyJsonReport('the markdown-it floor'),
  }
}

/** Hugo with the minimal templates in `peers/hugo`, writing the same kinds of page. */
export function createHugo(context: ToolContext, hugo: string): Tool {
  const home = join(context.workDir, 'hugo')
  const destination = join(home, 'public')
  return {
    tool: 'hugo',
    description: 'hugo with peers/hugo (home, articles, tags, RSS, sitemap), empty cache',
    command: {
      command: hugo,
      args: [
        '--source',
        join(context.benchRoot, 'peers', 'hugo'),
        '--contentDir',
        context.corpusDir,
        '--destination',
        destination,
        '--cacheDir',
        join(home, 'cache'),
        '--quiet',
      ],
      cwd: context.benchRoot,
      // Keeps Hugo's generated resources out of the committed templates folder.
      env: { HUGO_RESOURCEDIR: join(home, 'resources') },
    },
    reset: () => rm(home, { recursive: true, force: true }),
    async verify(result, size) {
      if (result.exitCode !== 0) throw failure('hugo', result)
      // One folder per article; articles/index.html is the /articles/ index.
      const pages = await readdir(join(destination, 'articles'), { withFileTypes: true })
        .then((entries) => entries.filter((entry) => entry.isDirectory()))
        .catch(() => [])
      if (pages.length !== size) {
        throw failure(`hugo wrote ${pages.length} of ${size} article pages`, result)
      }
    },
  }
}

async function resetFolder(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true })
  await mkdir(folder, { recursive: true })
}

/** The built script of a runner in `src/runners`. */
export function runner(context: { benchRoot: string }, name: string): string {
  return join(context.benchRoot, 'dist', 'bin', `${name}.js`)
}

/** Whether the runners are built (`pnpm bench` builds them first). */
export function runnersBuilt(benchRoot: string): boolean {
  return existsSync(runner({ benchRoot }, 'floor'))
}

/** The runners print `{ documents, errors, errorCount }` as their last line. */
function verifyJsonReport(name: string): Tool['verify'] {
  return async (result, size) => {
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
  return new Error(`${what} (exit code ${result.exitCode}).\n${output}`)
}
