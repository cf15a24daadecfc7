// `pnpm bench`: prepares the seeded corpora, measures dawnpress against content-collections,
// Hugo and the markdown-it floor, round by round, prints issue 16's table and writes
// results/latest.json. Run with --help for the options.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { availableParallelism, cpus, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { findBaseline, keepLastResult } from './baseline.ts'
import { measureCardBreakdown } from './card-breakdown.ts'
import { DEFAULT_SEED } from './corpus.ts'
import { prepareCorpus } from './corpus-cache.ts'
import { detectHighlighting } from './highlight.ts'
import { ensureHugo, type HugoStatus } from './hugo.ts'
import { readLoad } from './load.ts'
import { formatReport, parseResults } from './report.ts'
import type { BenchResult, SizeResult } from './results.ts'
import { buildRows } from './rows.ts'
import { measureSize } from './run.ts'
import { runnersBuilt } from './tools.ts'

const HELP = `Usage: pnpm bench [options]   (or: node packages/bench/dist/bin/bench.js)

  --sizes LIST          corpus sizes, comma-separated   (default 10000; env BENCH_SIZES)
  --runs N              rounds: every command runs once per round, in turn (default 3;
                        1 above 10,000 articles; env BENCH_RUNS)
  --quick               1,000 articles, 2 rounds, 40 cards (about 5 minutes on 2 cores)
  --seed TEXT           corpus seed                     (default "${DEFAULT_SEED}")
  --peers LIST          content-collections,hugo        (default both up to 10,000 articles,
                        none above; "none" for dawnpress alone)
  --no-cards            leave out card throughput and the card breakdown
  --no-profile          leave out the CPU profiles of one cold core and one site build
  --card-articles N     cards per run                   (default 200)
  --work DIR            corpora, outputs, caches        (default packages/bench/.bench)
  --json FILE           where the results go            (default packages/bench/results/latest.json)
  --report FILE         print the table of an earlier results file, and exit
`

const PEERS = ['content-collections', 'hugo'] as const
/** Above this size the peers, the bundle and extra rounds are left out unless asked for. */
const LARGE = 10_000

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      seed: { type: 'string', default: DEFAULT_SEED },
      peers: { type: 'string' },
      'no-cards': { type: 'boolean', default: false },
      'no-profile': { type: 'boolean', default: false },
      'card-articles': { type: 'string' },
      work: { type: 'string' },
      json: { type: 'string' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    process.stdout.write(HELP)
    return 0
  }
  if (values.report) {
    const file = resolve(values.report)
    process.stdout.write(formatReport(parseResults(await readFile(file, 'utf8'), file)))
    return 0
  }
  const benchRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
  if (!runnersBuilt(benchRoot)) throw new Error('The runners are not built: run pnpm bench.')
  const sizes = parseList(values.sizes ?? process.env.BENCH_SIZES, values.quick ? [1000] : [LARGE])
  const fixedRuns = values.runs ?? process.env.BENCH_RUNS
  const rounds = (size: number) =>
    fixedRuns !== undefined
      ? wholeNumber(fixedRuns, '--runs')
      : values.quick
        ? 2
        : size > LARGE
          ? 1
          : 3
  const askedPeers = values.peers === undefined ? undefined : parsePeers(values.peers)
  const cardCount = wholeNumber(
    values['card-articles'] ?? (values.quick ? '40' : '200'),
    '--card-articles',
  )
  const workRoot = resolve(values.work ?? join(benchRoot, '.bench'))
  const jsonFile = resolve(values.json ?? join(benchRoot, 'results', 'latest.json'))
  const log = (line: string) => process.stderr.write(`${line}\n`)
  const loadBefore = readLoad()
  const benchStarted = performance.now()

  let hugo: HugoStatus | undefined
  const wantsHugo = sizes.some((size) =>
    (askedPeers ?? (size <= LARGE ? PEERS : [])).includes('hugo'),
  )
  if (wantsHugo) {
    hugo = ensureHugo(log)
    if (!hugo.ok) log(`Hugo: ${hugo.note}`)
  }
  const highlight = await detectHighlighting(benchRoot)
  log(highlight.ok ? `Highlighting: ${highlight.option}` : `Highlighting: ${highlight.note}`)
  // Cards do not depend on the corpus size: they are measured once, at the size the issue's
  // table is about (the largest up to 10,000), on its first articles.
  const small = sizes.filter((size) => size <= LARGE)
  const cardSize = values['no-cards']
    ? undefined
    : small.length > 0
      ? Math.max(...small)
      : Math.min(...sizes)

  const results: SizeResult[] = []
  let cards: BenchResult['cards']
  for (const size of sizes) {
    const started = performance.now()
    log(`Preparing ${size.toLocaleString('en-US')} articles (seed "${values.seed}")…`)
    const corpus = await prepareCorpus(workRoot, { size, seed: values.seed })
    log(
      `${corpus.cached ? 'Reused' : 'Wrote'} ${corpus.directory} in ${((performance.now() - started) / 1000).toFixed(1)} s (${Math.round(corpus.words / size)} words on average)`,
    )
    const peers = askedPeers ?? (size <= LARGE ? [...PEERS] : [])
    const large = size > LARGE
    const skippedPeer =
      askedPeers === undefined
        ? `not run above ${LARGE.toLocaleString('en-US')} articles (see --peers)`
        : 'not asked for (--peers)'
    const result = await measureSize({
      corpus,
      rounds: rounds(size),
      benchRoot,
      workDir: join(workRoot, `work-${size}`),
      peers: peers.includes('content-collections'),
      peersNote: skippedPeer,
      hugo:
        hugo && peers.includes('hugo')
          ? hugo
          : {
              ok: false,
              note: hugo?.ok === false && peers.includes('hugo') ? hugo.note : skippedPeer,
            },
      highlight,
      profile: !values['no-profile'],
      bundle: !large,
      bundleNote: `not run above ${LARGE.toLocaleString('en-US')} articles`,
      cards: size === cardSize ? { count: cardCount, workers: availableParallelism() } : undefined,
      log,
    })
    if (large) result.baseline = await findBaseline(results, workRoot, values.seed)
    await keepLastResult(corpus.directory, result, new Date().toISOString())
    results.push(result)
    if (size === cardSize) {
      log('Breaking a card down into satori, resvg and PNG encoding…')
      cards = await measureCardBreakdown({
        benchRoot,
        corpusDir: corpus.directory,
        cards: cardCount,
      })
    }
  }

  const result: BenchResult = {
    format: 2,
    measuredAt: new Date().toISOString(),
    durationSeconds: Math.round((performance.now() - benchStarted) / 1000),
    machine: {
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      cores: availableParallelism(),
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      loadAverage: { before: loadBefore, after: readLoad() },
    },
    versions: await readVersions(benchRoot, hugo),
    seed: values.seed,
    rounds: Math.max(...sizes.map(rounds)),
    sizes: results,
    cards,
  }
  for (const size of results) size.rows = buildRows(size, result.machine.cores)
  await mkdir(dirname(jsonFile), { recursive: true })
  await writeFile(jsonFile, `${JSON.stringify(result, null, 2)}\n`)
  process.stdout.write(formatReport(result))
  process.stdout.write(`\nResults written to ${jsonFile}\n`)
  const failed = results.some((size) =>
    Object.values(size.series).some((series) => series?.note?.startsWith('failed')),
  )
  return failed ? 1 : 0
}

async function readVersions(
  benchRoot: string,
  hugo: HugoStatus | undefined,
): Promise<Record<string, string>> {
  const versions: Record<string, string> = {}
  for (const name of [
    'dawnpress',
    '@dawnpress/core',
    '@dawnpress/og',
    '@content-collections/core',
    '@content-collections/markdown',
    'markdown-it',
    'satori',
    '@resvg/resvg-js',
    '@takumi-rs/core',
  ]) {
    // satori and resvg are og's own dependencies: their versions are the ones og draws with.
    const owner =
      name === 'satori' || name === '@resvg/resvg-js' ? ['@dawnpress/og', 'node_modules'] : []
    const file = join(benchRoot, 'node_modules', ...owner, name, 'package.json')
    const manifest = await readFile(file, 'utf8').then(JSON.parse, () => undefined)
    if (manifest?.version) versions[name] = manifest.version
  }
  if (hugo?.ok) versions.hugo = hugo.version
  return versions
}

function parsePeers(value: string): string[] {
  if (value === 'none' || value === '') return []
  return value.split(',').map((name) => {
    if (!(PEERS as readonly string[]).includes(name)) {
      throw new Error(`--peers takes ${PEERS.join(', ')} or none, not "${name}".`)
    }
    return name
  })
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
