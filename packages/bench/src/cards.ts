import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { measureCommand } from './measure.ts'
import { median } from './stats.ts'

/** Card throughput with one worker count. */
export interface CardRun {
  workers: number
  /** Median cards per second (rendering only; loading the articles is not timed). */
  cardsPerSecond: number
  /** Median seconds to render all the cards. */
  seconds: number
  /** Median peak RSS of the whole process, loading included. */
  peakRssMb: number
}

/** Card throughput, or why it was not measured. */
export interface CardResult {
  articles: number
  runs: number
  results: CardRun[]
  /** Set when @dawnpress/og is missing or failed. */
  error?: string
}

/** Options of `measureCards`. */
export interface CardOptions {
  benchRoot: string
  corpusDir: string
  workDir: string
  /** How many articles get a card. @default 200 */
  articles?: number
  runs: number
  log: (line: string) => void
}

/**
 * Renders the cards of the first articles of a corpus with @dawnpress/og's `writeCards`,
 * once with 1 worker and once with every core, each in a fresh process with an empty output
 * folder, so no card is reused.
 */
export async function measureCards(options: CardOptions): Promise<CardResult> {
  const count = options.articles ?? 200
  const ogModule = join(options.benchRoot, 'node_modules', '@dawnpress', 'og', 'dist', 'index.js')
  const result: CardResult = { articles: count, runs: options.runs, results: [] }
  if (!existsSync(ogModule)) {
    result.error =
      'packages/og is not built (no packages/og/dist/index.js), so cards were not timed.'
    return result
  }
  const out = join(options.workDir, 'cards')
  const workerCounts = [...new Set([1, availableParallelism()])]
  for (const workers of workerCounts) {
    const runs: { seconds: number; cards: number; peakRssMb: number }[] = []
    for (let run = 1; run <= options.runs; run++) {
      await rm(out, { recursive: true, force: true })
      const measured = await measureCommand({
        command: process.execPath,
        args: [
          join(options.benchRoot, 'dist', 'bin', 'cards.js'),
          options.corpusDir,
          out,
          String(workers),
          String(count),
        ],
        cwd: options.benchRoot,
      })
      const report = parseReport(measured.stdout)
      if (measured.exitCode !== 0 || !report) {
        result.error = `Rendering cards failed (exit code ${measured.exitCode}): ${measured.stderr.trim().slice(-1500)}`
        await rm(out, { recursive: true, force: true })
        return result
      }
      runs.push({ seconds: report.seconds, cards: report.cards, peakRssMb: measured.peakRssMb })
      options.log(
        `  cards run ${run}/${options.runs}, ${workers} worker${workers === 1 ? '' : 's'}: ${(report.cards / report.seconds).toFixed(1)} cards/s`,
      )
    }
    const seconds = median(runs.map((run) => run.seconds))
    result.articles = runs[0]?.cards ?? count
    result.results.push({
      workers,
      seconds: Math.round(seconds * 1000) / 1000,
      cardsPerSecond: Math.round((result.articles / seconds) * 10) / 10,
      peakRssMb: Math.round(median(runs.map((run) => run.peakRssMb)) * 10) / 10,
    })
  }
  await rm(out, { recursive: true, force: true })
  return result
}

function parseReport(stdout: string): { cards: number; seconds: number } | undefined {
  try {
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '')
  } catch {
    return undefined
  }
}
