// `pnpm bench`: writes the synthetic corpora, times dawnpress, content-collections and Velite
// on them, prints the table and writes results/latest.json. Run with --help for the options.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { measureCards } from './cards.ts'
import { DEFAULT_SEED } from './corpus.ts'
import { type BenchResult, formatReport } from './report.ts'
import { runSizes, SCENARIOS, type ToolPlan } from './run.ts'
import type { Tool, ToolName } from './tools.ts'

const HELP = `Usage: pnpm bench [options]   (or: node packages/bench/dist/bin/bench.js)

  --sizes LIST      corpus sizes, comma-separated      (default 1000,10000; env BENCH_SIZES)
  --runs N          runs per figure, the median is kept (env BENCH_RUNS; default 3, but
                    1 for the peers above 1,000 articles, to stay near 20 minutes)
  --full            every scenario of every tool at every size (by default Velite, which
                    keeps no cache, gets only its cold build above 1,000 articles)
  --quick           1,000 articles only
  --seed TEXT       corpus seed                        (default "${DEFAULT_SEED}")
  --tools LIST      dawnpress,content-collections,velite (default all)
  --skip LIST       passed to dawnpress build --skip   (default cards,site)
  --core-only       time @dawnpress/core's loadCollection instead of the CLI
  --no-cards        leave out card throughput
  --card-articles N cards rendered per run            (default 200)
  --card-runs N     runs per card figure               (default 1: 200 cards already
                    average out, and each run takes a minute on 2 cores)
  --work DIR        scratch space                      (default packages/bench/.bench)
  --json FILE       where the results go               (default packages/bench/results/latest.json)
`

const ALL_TOOLS: ToolName[] = ['dawnpress', 'content-collections', 'velite']

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      seed: { type: 'string', default: DEFAULT_SEED },
      tools: { type: 'string' },
      skip: { type: 'string' },
      'core-only': { type: 'boolean', default: false },
      'no-cards': { type: 'boolean', default: false },
      'card-articles': { type: 'string', default: '200' },
      'card-runs': { type: 'string', default: '1' },
      work: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    process.stdout.write(HELP)
    return 0
  }
  const benchRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
  const sizes = parseList(
    values.sizes ?? process.env.BENCH_SIZES,
    values.quick ? [1000] : [1000, 10000],
  )
  const fixedRuns = values.runs ?? process.env.BENCH_RUNS
  const runs = fixedRuns === undefined ? undefined : wholeNumber(fixedRuns, '--runs')
  // A 10,000-article run of a peer takes minutes on two cores; dawnpress's take seconds.
  const plan = (tool: Tool, size: number): ToolPlan => ({
    runs: runs ?? (size <= 1000 || tool.name === 'dawnpress' ? 3 : 1),
    scenarios: values.full || tool.cached || size <= 1000 ? SCENARIOS : ['cold'],
  })
  const tools = (values.tools?.split(',') ?? ALL_TOOLS).map((name) => {
    if (!ALL_TOOLS.includes(name as ToolName)) throw new Error(`Unknown tool "${name}".`)
    return name as ToolName
  })
  const workRoot = resolve(values.work ?? join(benchRoot, '.bench'))
  const jsonFile = resolve(values.json ?? join(benchRoot, 'results', 'latest.json'))
  const log = (line: string) => process.stderr.write(`${line}\n`)
  const loadBefore = loadavg()[0] as number

  const sizeResults = await runSizes({
    sizes,
    plan,
    seed: values.seed,
    tools,
    workRoot,
    benchRoot,
    coreOnly: values['core-only'],
    ...(values.skip === undefined ? {} : { skip: values.skip }),
    log,
  })
  const result: BenchResult = {
    measuredAt: new Date().toISOString(),
    machine: {
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      cores: availableParallelism(),
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      loadAverage: { before: round2(loadBefore), after: round2(loadavg()[0] as number) },
    },
    versions: await readVersions(benchRoot),
    seed: values.seed,
    sizes: sizeResults,
  }
  if (!values['no-cards']) {
    const smallest = Math.min(...sizes)
    result.cards = await measureCards({
      benchRoot,
      corpusDir: join(workRoot, `corpus-${smallest}`),
      workDir: join(workRoot, `work-${smallest}`),
      articles: Math.min(smallest, wholeNumber(values['card-articles'], '--card-articles')),
      runs: wholeNumber(values['card-runs'], '--card-runs'),
      log,
    })
  }

  await mkdir(dirname(jsonFile), { recursive: true })
  await writeFile(jsonFile, `${JSON.stringify(result, null, 2)}\n`)
  process.stdout.write(formatReport(result))
  process.stdout.write(`\nResults written to ${jsonFile}\n`)
  const failed = result.sizes.some((size) => size.tools.some((tool) => tool.cold === undefined))
  return failed ? 1 : 0
}

async function readVersions(benchRoot: string): Promise<Record<string, string>> {
  const packages: [string, string][] = [
    ...[
      'dawnpress',
      '@dawnpress/core',
      '@dawnpress/og',
      '@content-collections/core',
      '@content-collections/markdown',
      'velite',
    ].map((name): [string, string] => [
      name,
      join(benchRoot, 'node_modules', name, 'package.json'),
    ]),
  ]
  const versions: Record<string, string> = {}
  for (const [name, file] of packages) {
    const manifest = await readFile(file, 'utf8').then(JSON.parse, () => undefined)
    if (manifest?.version) versions[name] = manifest.version
  }
  return versions
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}

function parseList(value: string | undefined, fallback: number[]): number[] {
  if (value === undefined) return fallback
  return value.split(',').map((part) => wholeNumber(part.trim(), '--sizes'))
}

function wholeNumber(value: string, option: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) {
    throw new Error(`${option} takes whole numbers from 1 up, not "${value}".`)
  }
  return number
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error)?.message ?? String(error)}\n`)
    process.exitCode = 1
  },
)
