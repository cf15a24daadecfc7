import { rm } from 'node:fs/promises'
import { type Measurement, measureCommand, toRunFigures } from './measure.ts'
import type { RunFigures } from './series.ts'
import { runner } from './tools.ts'

/** What the card-parts runner prints: milliseconds summed over every card. */
export interface CardBreakdown {
  cards: number
  /** Layout: the template, its text fitting and satori, to SVG. */
  satoriMs: number
  /** resvg: the SVG rasterised to pixels. */
  resvgMs: number
  /** resvg's PNG encoding of those pixels. */
  pngMs: number
  /** @dawnpress/og's own renderer on the same cards (font selection and checks included). */
  ogMs: number
  /** Whether the breakdown's first card is byte for byte the card og draws. */
  sameAsOg: boolean
  /** @takumi-rs/core on the same template, as a reference point; or why it could not run. */
  takumi:
    | { version: string; fromJsxMs: number; renderMs: number; cpuMs: number }
    | { error: string }
  /** The 1-minute load average before and after the runner. */
  load?: RunFigures['load']
  /** Set when the runner failed: nothing else is then meaningful. */
  error?: string
}

/** Options of `measureCardBreakdown`. */
export interface CardBreakdownOptions {
  benchRoot: string
  corpusDir: string
  /** How many cards to draw. */
  cards: number
}

/**
 * Draws the first cards of a corpus in one process, timing satori, resvg and PNG encoding
 * apart, then og's renderer and takumi on the same cards (see `runners/card-parts.ts`).
 */
export async function measureCardBreakdown(options: CardBreakdownOptions): Promise<CardBreakdown> {
  const measured = await measureCommand({
    command: process.execPath,
    args: [runner(options, 'card-parts'), options.corpusDir, String(options.cards)],
    cwd: options.benchRoot,
  })
  const report = lastJsonLine(measured) as CardBreakdown | undefined
  if (measured.exitCode !== 0 || !report) {
    return {
      cards: 0,
      satoriMs: 0,
      resvgMs: 0,
      pngMs: 0,
      ogMs: 0,
      sameAsOg: false,
      takumi: { error: 'not run' },
      load: measured.load,
      error: `the card breakdown failed (exit code ${measured.exitCode}): ${measured.stderr.trim().slice(-800)}`,
    }
  }
  return { ...report, load: measured.load }
}

/** Options of `measureCardRun`. */
export interface CardRunOptions {
  benchRoot: string
  corpusDir: string
  /** A scratch folder; emptied before the run, so that no card is reused. */
  outDir: string
  workers: number
  cards: number
  round: number
}

/**
 * One run of `writeCards` from @dawnpress/og on `workers` workers, in a fresh process with
 * an empty output folder: cards per second of the rendering alone, and the process's peak.
 */
export async function measureCardRun(options: CardRunOptions): Promise<RunFigures> {
  await rm(options.outDir, { recursive: true, force: true })
  const measured = await measureCommand({
    command: process.execPath,
    args: [
      runner(options, 'cards'),
      options.corpusDir,
      options.outDir,
      String(options.workers),
      String(options.cards),
    ],
    cwd: options.benchRoot,
  })
  await rm(options.outDir, { recursive: true, force: true })
  const report = lastJsonLine(measured) as { cards: number; seconds: number } | undefined
  if (measured.exitCode !== 0 || !report) {
    throw new Error(
      `rendering cards failed (exit code ${measured.exitCode}): ${measured.stderr.trim().slice(-800)}`,
    )
  }
  return {
    ...toRunFigures(measured, options.round),
    cardsPerSecond: Math.round((report.cards / report.seconds) * 10) / 10,
  }
}

/** Per-card milliseconds of each part, for the report. */
export function cardPartsPerCard(breakdown: CardBreakdown): Record<string, number> {
  const per = (ms: number) => (breakdown.cards === 0 ? 0 : ms / breakdown.cards)
  return {
    satori: per(breakdown.satoriMs),
    resvg: per(breakdown.resvgMs),
    png: per(breakdown.pngMs),
    total: per(breakdown.satoriMs + breakdown.resvgMs + breakdown.pngMs),
    og: per(breakdown.ogMs),
  }
}

function lastJsonLine(measured: Measurement): unknown {
  try {
    return JSON.parse(measured.stdout.trim().split('\n').at(-1) ?? '')
  } catch {
    return undefined
  }
}
