import { type CardBreakdown, cardPartsPerCard } from './card-breakdown.ts'
import { formatLoadRange } from './load.ts'
import type { ProfileSummary } from './profile.ts'
import type { BenchResult, SizeResult } from './results.ts'
import { buildRows } from './rows.ts'
import { medianOf } from './series.ts'
import { formatMarkdownTable, formatRows } from './table.ts'

/**
 * The whole report: the machine and its load, then for each size the issue's table, where
 * the cold build's time goes beside the floor, and the notes of whatever did not run; then
 * the cards broken down.
 */
export function formatReport(result: BenchResult): string {
  const { machine } = result
  const lines: string[] = [
    `dawnpress benchmark, measured ${result.measuredAt}${result.durationSeconds === undefined ? '' : ` (the run took ${formatDuration(result.durationSeconds)})`}`,
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node} (${machine.platform}); 1-minute load average ${formatLoad(machine.loadAverage.before)} at the start, ${formatLoad(machine.loadAverage.after)} at the end.`,
    `Versions: ${Object.entries(result.versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}`,
    `${result.rounds} round${result.rounds === 1 ? '' : 's'}: in each, every command ran once, in the same order (A B A B …), each in a fresh process. Figures are medians over the rounds; a ratio is the median of the rounds' own ratios, each pair's shown in brackets. "load 1-min" is the lowest and highest 1-minute load average before or after the row's runs.`,
  ]
  for (const size of result.sizes) {
    lines.push('', ...formatSize(size, machine.cores))
  }
  if (result.cards) lines.push('', ...formatCardBreakdown(result.cards))
  return `${lines.join('\n')}\n`
}

function formatSize(size: SizeResult, cores: number): string[] {
  const { corpus } = size
  const rows = buildRows(size, cores)
  const lines = [
    `## ${corpus.size.toLocaleString('en-US')} articles (seed "${corpus.seed}", ${corpus.meanWords} words on average, ${(corpus.bytes / 1e6).toFixed(1)} MB)`,
    '',
    ...formatRows(rows),
    '',
    summariseVerdicts(rows.map((row) => row.verdict)),
  ]
  const timings = formatTimingsBesideFloor(size)
  if (timings.length > 0) lines.push('', ...timings)
  for (const profile of size.profiles ?? []) lines.push('', ...formatProfile(profile))
  // Failures in full (the table has their first line); skipped rows are explained in the table.
  const failures = Object.entries(size.series).flatMap(([key, series]) =>
    series?.note?.startsWith('failed') ? [`- ${key}: ${series.note.trim().slice(0, 1500)}`] : [],
  )
  if (failures.length > 0) lines.push('', 'Failures:', ...failures)
  return lines
}

/** Such as `Targets: 3 met, 7 missed, 1 not measured.` */
export function summariseVerdicts(verdicts: readonly string[]): string {
  const count = (prefix: string) => verdicts.filter((verdict) => verdict.startsWith(prefix)).length
  const parts = [`${count('met')} met`, `${count('missed')} missed`]
  const unmeasured = count('not measured')
  const refused = count('refused')
  if (unmeasured > 0) parts.push(`${unmeasured} not measured`)
  if (refused > 0) parts.push(`${refused} refused for want of a load average`)
  return `Targets: ${parts.join(', ')}.`
}

/** The `--timings` phases of the median cold build, then the floor on the same corpus. */
export function formatTimingsBesideFloor(size: SizeResult): string[] {
  const timings = size.timings
  const floor = size.series.floor
  if (!timings || timings.phases.length === 0) return []
  const rows = timings.phases.map((phase) => [
    phase.label,
    `${phase.seconds.toFixed(2)} s`,
    `${Math.round(phase.peakMb)} MB`,
  ])
  const phaseSum = timings.phases.reduce((sum, phase) => sum + phase.seconds, 0)
  rows.push([
    'the rest: start-up, loading modules, exit',
    `${Math.max(0, timings.seconds - phaseSum).toFixed(2)} s`,
    '',
  ])
  rows.push([
    'the whole process',
    `${timings.seconds.toFixed(2)} s, ${timings.cpuSeconds.toFixed(1)} CPU s`,
    '',
  ])
  const floorSeconds = medianOf(floor, 'seconds')
  const floorCpu = medianOf(floor, 'cpuSeconds')
  rows.push([
    'the floor: markdown-it + linkify alone, one process',
    floorSeconds === undefined
      ? `– (${floor?.note ?? 'not run'})`
      : `${floorSeconds.toFixed(2)} s, ${(floorCpu ?? Number.NaN).toFixed(1)} CPU s`,
    floor ? `${Math.round(medianOf(floor, 'peakRssMb') ?? 0)} MB` : '',
  ])
  return [
    `Where the cold build's time goes (\`dawnpress build --skip cards,pages --timings\`, round ${timings.round}, the median run; phases add up to ${phaseSum.toFixed(2)} s), beside the floor (median of its runs, load ${formatLoadRange(floor?.runs.flatMap((run) => (run.load ? [run.load] : [])) ?? [])}):`,
    '',
    ...formatMarkdownTable(['phase', 'seconds', 'peak RSS so far'], rows),
  ]
}

/** The functions that took the most CPU time in a profiled run. */
export function formatProfile(profile: ProfileSummary): string[] {
  return [
    `Profile of one ${profile.description} (untimed, ${profile.threads} thread${profile.threads === 1 ? '' : 's'}, ${(profile.totalMs / 1000).toFixed(2)} CPU s sampled; the .cpuprofile files are in ${profile.directory}), by package and by function:`,
    '',
    ...formatMarkdownTable(
      ['package', 'self time', 'share'],
      profile.packages.map((entry) => [
        entry.name,
        `${Math.round(entry.selfMs)} ms`,
        `${(entry.share * 100).toFixed(1)} %`,
      ]),
    ),
    '',
    ...formatMarkdownTable(
      ['function', 'self time', 'share'],
      profile.top.map((entry) => [
        entry.name,
        `${Math.round(entry.selfMs)} ms`,
        `${(entry.share * 100).toFixed(1)} %`,
      ]),
    ),
  ]
}

/** Milliseconds per card in satori, resvg and PNG encoding, og's renderer, and takumi. */
export function formatCardBreakdown(breakdown: CardBreakdown): string[] {
  if (breakdown.error) return [`Cards broken down: ${breakdown.error}`]
  const per = cardPartsPerCard(breakdown)
  const perSecond = (ms: number) => (ms > 0 ? `${(1000 / ms).toFixed(1)}/s` : '–')
  const rows = [
    ['layout to SVG (template, text fitting, satori)', `${per.satori?.toFixed(1)} ms`, ''],
    ['resvg: rasterising', `${per.resvg?.toFixed(1)} ms`, ''],
    ['resvg: PNG encoding', `${per.png?.toFixed(1)} ms`, ''],
    ['the three together', `${per.total?.toFixed(1)} ms`, perSecond(per.total ?? 0)],
    [
      '@dawnpress/og createCardRenderer, same cards',
      `${per.og?.toFixed(1)} ms`,
      perSecond(per.og ?? 0),
    ],
  ]
  if ('error' in breakdown.takumi) {
    rows.push(['@takumi-rs/core (reference)', `– (${breakdown.takumi.error})`, ''])
  } else {
    const { takumi } = breakdown
    const total = (takumi.fromJsxMs + takumi.renderMs) / breakdown.cards
    rows.push([
      `@takumi-rs/core ${takumi.version} (reference): same template, JSX to PNG`,
      `${total.toFixed(1)} ms (fromJsx ${(takumi.fromJsxMs / breakdown.cards).toFixed(1)}, render ${(takumi.renderMs / breakdown.cards).toFixed(1)}; ${(takumi.cpuMs / breakdown.cards).toFixed(1)} CPU ms)`,
      perSecond(total),
    ])
  }
  const load = breakdown.load
    ? `load ${breakdown.load.before}→${breakdown.load.after}`
    : 'load not recorded'
  return [
    `Cards broken down: ${breakdown.cards} cards in one thread, the template and fonts of @dawnpress/og's default card (${breakdown.sameAsOg ? "the first PNG is byte for byte og's" : "WARNING: the first PNG differs from og's, so the breakdown no longer mirrors og"}; ${load}):`,
    '',
    ...formatMarkdownTable(['part', 'per card', 'cards/s'], rows),
  ]
}

/**
 * Reads a results file for `--report`. Files of the benchmark before issue 16 recorded no
 * load average per run, so their ratios cannot be quoted: they are refused.
 */
export function parseResults(text: string, file: string): BenchResult {
  const parsed = JSON.parse(text) as Partial<BenchResult>
  if (parsed.format !== 2 || !Array.isArray(parsed.sizes)) {
    throw new Error(
      `${file} is from an older benchmark, which recorded no load average per run: its ratios cannot be quoted. Run pnpm bench again.`,
    )
  }
  return parsed as BenchResult
}

function formatDuration(seconds: number): string {
  return seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`
}

function formatLoad(value: number | undefined): string {
  return value === undefined ? 'not recorded' : value.toFixed(2)
}
