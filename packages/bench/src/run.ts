import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { measureCardRun } from './card-breakdown.ts'
import { editArticle, middleArticle, type PreparedCorpus } from './corpus-cache.ts'
import type { HighlightSupport } from './highlight.ts'
import type { HugoStatus } from './hugo.ts'
import { measureCommand, toRunFigures } from './measure.ts'
import { type RoundStep, runRounds } from './pairs.ts'
import { type ProfileSummary, profileCommand } from './profile.ts'
import type { ColdTimings, SeriesKey, SizeResult } from './results.ts'
import { medianRun, type RunFigures, type Series } from './series.ts'
import { parseTimings } from './timings.ts'
import {
  createContentCollections,
  createDawnpressBuild,
  createDawnpressBundle,
  createDawnpressCheck,
  createFloor,
  createHugo,
  type Tool,
  type ToolContext,
} from './tools.ts'

/** What to measure on one corpus. */
export interface SizeOptions {
  corpus: PreparedCorpus
  rounds: number
  benchRoot: string
  /** Scratch space of this size: outputs, caches, config files. */
  workDir: string
  /** Run content-collections beside dawnpress. */
  peers: boolean
  /** Why content-collections is not run, when `peers` is false. */
  peersNote?: string
  /** Hugo, ready to run beside dawnpress's site build, or why it is not run. */
  hugo: HugoStatus
  highlight: HighlightSupport
  /** Time `dawnpress bundle`; off above 10,000 articles by default. */
  bundle: boolean
  bundleNote?: string
  /** After the rounds, profile one cold core build and one site build (untimed). */
  profile: boolean
  /** Card throughput on 1 worker and on `workers`, on the first `count` articles. */
  cards?: { count: number; workers: number } | undefined
  log: (line: string) => void
}

/**
 * Measures every row of the table on one corpus: `rounds` rounds, each running every command
 * once, in the same order, each in a fresh process, so that the runs of one round pair up.
 * A command that fails is reported with its reason and left out of later rounds.
 */
export async function measureSize(options: SizeOptions): Promise<SizeResult> {
  const { corpus, log } = options
  const size = corpus.size
  const context: ToolContext = {
    benchRoot: options.benchRoot,
    corpusDir: corpus.directory,
    workDir: options.workDir,
  }
  await mkdir(options.workDir, { recursive: true })
  const series: Partial<Record<SeriesKey, Series>> = {}
  const failed = new Set<SeriesKey>()
  const timings: ColdTimings[] = []

  const core = createDawnpressBuild(context, {
    name: 'dawnpress-core',
    skip: 'cards,pages',
    description: 'dawnpress build --skip cards,pages (core, feeds, articles.json)',
  })
  const site = createDawnpressBuild(context, {
    name: 'dawnpress-site',
    // Hugo writes no search index: the site is compared without one (search is timed in
    // packages/build's README).
    skip: 'cards,search',
    description:
      'dawnpress build --skip cards,search (pages, icons, feeds, sitemap, articles.json)',
  })
  const contentCollections = createContentCollections(context)

  const start = (key: SeriesKey, tool: Tool) => {
    series[key] ??= { tool: tool.tool, description: tool.description, runs: [] }
    return series[key]
  }
  const skip = (key: SeriesKey, tool: string, description: string, note: string) => {
    series[key] = { tool, description, runs: [], note }
  }
  /** One timed run of a tool; `cold` resets it first. Returns whether it succeeded. */
  const time = async (key: SeriesKey, tool: Tool, round: number, cold: boolean) => {
    if (failed.has(key)) return false
    const entry = start(key, tool)
    if (cold) await tool.reset()
    const measured = await measureCommand(tool.command)
    try {
      await tool.verify(measured, size)
    } catch (error) {
      const message = (error as Error).message
      failed.add(key)
      entry.note = `failed in round ${round}: ${message}`
      log(`  round ${round} ${key.padEnd(26)} failed: ${message.split('\n')[0]}`)
      return false
    }
    const figures = toRunFigures(measured, round)
    entry.runs.push(figures)
    log(`  round ${round} ${key.padEnd(26)} ${describeRun(figures)}`)
    if (key === 'coreCold') {
      timings.push({
        round,
        seconds: figures.seconds,
        cpuSeconds: figures.cpuSeconds,
        phases: parseTimings(measured.stderr),
      })
    }
    return true
  }

  const steps: RoundStep[] = []
  const edited = await middleArticle(corpus.directory)
  steps.push({
    name: 'cold core + feeds, the floor, and rebuilds',
    run: async (round) => {
      const coreOk = await time('coreCold', core, round, true)
      const peerOk =
        options.peers && (await time('contentCollectionsCold', contentCollections, round, true))
      await time('floor', createFloor(context), round, false)
      if (coreOk) await time('coreWarm', core, round, false)
      if (peerOk) await time('contentCollectionsWarm', contentCollections, round, false)
      const restore = await editArticle(
        corpus.directory,
        edited,
        `This paragraph was added by benchmark round ${round}.`,
      )
      try {
        if (coreOk) await time('coreChanged', core, round, false)
        if (peerOk) await time('contentCollectionsChanged', contentCollections, round, false)
      } finally {
        await restore()
      }
    },
  })
  if (!options.peers) {
    const note = options.peersNote ?? 'not run'
    for (const key of [
      'contentCollectionsCold',
      'contentCollectionsWarm',
      'contentCollectionsChanged',
    ] as const) {
      skip(key, contentCollections.tool, contentCollections.description, note)
    }
  }

  const hugo = options.hugo.ok ? createHugo(context, options.hugo.path) : undefined
  if (!options.hugo.ok) skip('hugo', 'hugo', 'hugo with peers/hugo', options.hugo.note)
  steps.push({
    name: 'site without cards',
    run: async (round) => {
      await time('site', site, round, true)
      if (hugo) await time('hugo', hugo, round, true)
    },
  })

  if (options.highlight.ok) {
    const support = options.highlight
    const configs = join(options.workDir, 'highlight-configs')
    await mkdir(join(configs, 'on'), { recursive: true })
    await mkdir(join(configs, 'off'), { recursive: true })
    await writeFile(join(configs, 'on', 'dawnpress.config.ts'), support.on)
    await writeFile(join(configs, 'off', 'dawnpress.config.ts'), support.off)
    const build = (state: 'on' | 'off') =>
      createDawnpressBuild(context, {
        name: `dawnpress-highlight-${state}`,
        skip: 'cards,pages',
        config: join(configs, state, 'dawnpress.config.ts'),
        description: `dawnpress build --skip cards,pages with ${support.option} ${state}`,
      })
    const off = build('off')
    const on = build('on')
    steps.push({
      name: 'highlighting',
      run: async (round) => {
        await time('highlightOff', off, round, true)
        await time('highlightOn', on, round, true)
      },
    })
  } else {
    skip('highlightOn', 'dawnpress', 'dawnpress build with highlighting', options.highlight.note)
    skip(
      'highlightOff',
      'dawnpress',
      'dawnpress build without highlighting',
      options.highlight.note,
    )
  }

  const bundle = createDawnpressBundle(context)
  if (options.bundle) {
    steps.push({
      name: 'bundle',
      run: (round) => time('bundle', bundle, round, true).then(() => {}),
    })
  } else {
    skip('bundle', bundle.tool, bundle.description, options.bundleNote ?? 'not run')
  }
  const check = createDawnpressCheck(context)
  steps.push({ name: 'check', run: (round) => time('check', check, round, true).then(() => {}) })

  if (options.cards) {
    const cards = options.cards
    const runCards = async (key: 'cards1' | 'cardsAll', workers: number, round: number) => {
      if (failed.has(key)) return
      series[key] ??= {
        tool: 'dawnpress',
        description: `writeCards from @dawnpress/og, ${cards.count} articles, ${workers} worker${workers === 1 ? '' : 's'}, empty cache`,
        runs: [],
      }
      const entry = series[key]
      try {
        const figures = await measureCardRun({
          benchRoot: options.benchRoot,
          corpusDir: corpus.directory,
          outDir: join(options.workDir, 'cards'),
          workers,
          cards: cards.count,
          round,
        })
        entry.runs.push(figures)
        log(
          `  round ${round} ${key.padEnd(26)} ${figures.cardsPerSecond} cards/s, ${describeRun(figures)}`,
        )
      } catch (error) {
        failed.add(key)
        entry.note = `failed in round ${round}: ${(error as Error).message}`
        log(`  round ${round} ${key.padEnd(26)} failed: ${(error as Error).message.split('\n')[0]}`)
      }
    }
    steps.push({
      name: 'cards',
      run: async (round) => {
        await runCards('cards1', 1, round)
        await runCards('cardsAll', cards.workers, round)
      },
    })
  }

  await runRounds(options.rounds, steps)
  const profiles: ProfileSummary[] = []
  if (options.profile) {
    for (const [name, tool, key] of [
      ['core', core, 'coreCold'],
      ['site', site, 'site'],
    ] as const) {
      if (failed.has(key)) continue
      log(`  profiling one ${tool.description} (untimed)`)
      await tool.reset()
      try {
        profiles.push(
          await profileCommand(
            tool.command,
            join(options.workDir, 'profiles', name),
            tool.description,
          ),
        )
      } catch (error) {
        log(`  profiling failed: ${(error as Error).message.split('\n')[0]}`)
      }
    }
  }
  for (const tool of [core, site, contentCollections, bundle, ...(hugo ? [hugo] : [])]) {
    await tool.reset()
  }

  const middle = medianRun(series.coreCold, 'seconds')
  return {
    corpus: {
      size,
      seed: corpus.seed,
      words: corpus.words,
      bytes: corpus.bytes,
      sha256: corpus.sha256,
      meanWords: Math.round(corpus.words / size),
    },
    series,
    timings: timings.find((entry) => entry.round === middle?.round),
    ...(profiles.length > 0 ? { profiles } : {}),
  }
}

function describeRun(run: RunFigures): string {
  const load = run.load ? `, load ${run.load.before}→${run.load.after}` : ''
  return `${run.seconds.toFixed(2)} s, ${Math.round(run.peakRssMb)} MB, ${run.cpuSeconds.toFixed(2)} CPU s${load}`
}
