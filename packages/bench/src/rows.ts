import { formatLoadRange, hasLoad, type LoadRecord } from './load.ts'
import { type PairedRatio, pairedRatio, type RatioOf } from './pairs.ts'
import type { SeriesKey, SizeResult } from './results.ts'
import { type Metric, medianOf, type Series } from './series.ts'
import { judge, TARGETS, type Target } from './targets.ts'

/** One row of the table, as the report prints it. */
export interface Row {
  what: string
  /** dawnpress's median figure(s), such as `9.10 s, 409 MB`. */
  dawnpress: string
  /** The peer's median figure from the same run, with its name. */
  peer: string
  /** The median of the per-pair ratios, and each pair's ratio; or why there is none. */
  ratio: string
  target: string
  /** `met`, `missed: …`, `not measured: …`, or empty for a row without a target. */
  verdict: string
  /** The lowest and highest 1-minute load average before or after the row's runs. */
  load: string
}

/** How one row is made from the series of a size. */
interface RowSpec {
  what: string
  dawnpress: SeriesKey
  metric: Metric
  /** Further figures of dawnpress's series shown beside the first. */
  also?: Metric[]
  peer?: SeriesKey
  /** The peer's figure, when not the same metric (CPU seconds against the floor's). */
  peerMetric?: Metric
  /** How the peer is named in its cell. @default the series' tool */
  peerLabel?: string
  ratio?: RatioOf
  target?: Target
}

/** The rows of issue 16's table, in its order. */
function rowSpecs(size: SizeResult, cores: number): RowSpec[] {
  const specs: RowSpec[] = [
    {
      what: 'cold core + feeds + articles.json',
      dawnpress: 'coreCold',
      metric: 'seconds',
      also: ['peakRssMb'],
      peer: 'contentCollectionsCold',
      ratio: 'peer/dawnpress',
      target: TARGETS.coldFaster,
    },
    {
      what: 'same, peak RSS',
      dawnpress: 'coreCold',
      metric: 'peakRssMb',
      peer: 'contentCollectionsCold',
      ratio: 'peer/dawnpress',
      target: TARGETS.coldLeaner,
    },
    {
      what: 'same, CPU seconds',
      dawnpress: 'coreCold',
      metric: 'cpuSeconds',
      peer: 'floor',
      peerLabel: 'markdown-it + linkify alone',
      ratio: 'dawnpress/peer',
      target: TARGETS.floor,
    },
    {
      what: 'site without cards (pages + feeds + sitemap)',
      dawnpress: 'site',
      metric: 'seconds',
      also: ['peakRssMb'],
      peer: 'hugo',
      ratio: 'peer/dawnpress',
      target: TARGETS.siteFaster,
    },
    {
      what: 'rebuild, nothing changed',
      dawnpress: 'coreWarm',
      metric: 'seconds',
      peer: 'contentCollectionsWarm',
      ratio: 'peer/dawnpress',
      target: TARGETS.warm,
    },
    {
      what: 'rebuild, one article changed',
      dawnpress: 'coreChanged',
      metric: 'seconds',
      peer: 'contentCollectionsChanged',
      ratio: 'peer/dawnpress',
      target: TARGETS.changed,
    },
    {
      what: 'typed content package (`dawnpress bundle`)',
      dawnpress: 'bundle',
      metric: 'seconds',
      also: ['peakRssMb'],
      target: TARGETS.bundle,
    },
  ]
  if (size.series.cardsAll || size.series.cards1) {
    specs.push(
      {
        what: `cards on ${cores} workers`,
        dawnpress: 'cardsAll',
        metric: 'cardsPerSecond',
        target: TARGETS.cardsThroughput,
      },
      {
        what: 'cards, speed-up from the second core',
        dawnpress: 'cardsAll',
        metric: 'cardsPerSecond',
        peer: 'cards1',
        peerLabel: '1 worker',
        ratio: 'dawnpress/peer',
        target: TARGETS.cardsScaling,
      },
    )
  }
  specs.push(
    {
      what: 'cold build with highlighting, against without',
      dawnpress: 'highlightOn',
      metric: 'seconds',
      peer: 'highlightOff',
      peerLabel: 'without highlighting',
      ratio: 'dawnpress/peer',
      target: TARGETS.highlighting,
    },
    { what: '`dawnpress check`', dawnpress: 'check', metric: 'seconds', target: TARGETS.check },
  )
  if (size.corpus.size > 10_000) {
    specs.push({
      what: 'site without cards, peak RSS',
      dawnpress: 'site',
      metric: 'peakRssMb',
      target: TARGETS.largePeak,
    })
  }
  return specs
}

/**
 * The rows of the table for one size: each with dawnpress's median, the peer's median from
 * the same run, the median of the per-pair ratios, the target and whether it was met, and
 * the load. A ratio whose runs lack a load average is refused, not shown.
 */
export function buildRows(size: SizeResult, cores: number): Row[] {
  const rows = rowSpecs(size, cores).map((spec) => buildRow(size, spec))
  if (size.corpus.size > 10_000) rows.push(growthRow(size))
  return rows
}

function buildRow(size: SizeResult, spec: RowSpec): Row {
  const ours = size.series[spec.dawnpress]
  const theirs = spec.peer ? size.series[spec.peer] : undefined
  const row: Row = {
    what: spec.what,
    dawnpress: describeFigures(ours, [spec.metric, ...(spec.also ?? [])]),
    peer: spec.peer
      ? `${spec.peerLabel ?? theirs?.tool ?? spec.peer}: ${describeFigures(theirs, [spec.peerMetric ?? spec.metric, ...(spec.also ?? [])])}`
      : '',
    ratio: '',
    target: spec.target?.text ?? '',
    verdict: '',
    load: formatLoadRange(loadsOf(ours, theirs)),
  }
  let paired: PairedRatio | undefined
  if (spec.peer && spec.ratio) {
    paired = pairedRatio({
      dawnpress: ours,
      peer: theirs,
      metric: spec.metric,
      ratio: spec.ratio,
      ...(spec.peerMetric ? { peerMetric: spec.peerMetric } : {}),
    })
    const unmeasured = !ours?.runs.length || !theirs?.runs.length
    row.ratio = paired.ok
      ? formatPaired(
          paired.median,
          paired.pairs.map((pair) => pair.ratio),
        )
      : unmeasured
        ? '–'
        : `– (${paired.reason})`
  }
  const own = medianOf(ours, spec.metric)
  if (!spec.target) return row
  if (own === undefined) {
    row.verdict = `not measured: ${shortNote(ours?.note ?? 'not run')}`
    return row
  }
  if (spec.target.on === 'value') {
    row.verdict = ours?.runs.every((run) => hasLoad(run.load))
      ? judge(own, spec.target).text
      : 'refused: load not recorded'
  } else if (paired?.ok) {
    row.verdict = judge(paired.median, spec.target).text
  } else {
    row.verdict = `not measured: ${shortNote(theirs?.note ?? paired?.reason ?? 'no peer')}`
  }
  return row
}

/** Time of the site build at this size over its time at 10,000 articles: linear is 10×. */
function growthRow(size: SizeResult): Row {
  const baseline = size.baseline
  const ours = size.series.site
  const row: Row = {
    what: `site without cards, time over ${baseline ? baseline.size.toLocaleString('en-US') : '10,000'} articles`,
    dawnpress: describeFigures(ours, ['seconds']),
    peer: baseline
      ? `${baseline.size.toLocaleString('en-US')} articles (${baseline.source}): ${describeFigures(baseline.site, ['seconds'])}`
      : '',
    ratio: '',
    target: TARGETS.largeGrowth.text,
    verdict: '',
    load: formatLoadRange(loadsOf(ours, baseline?.site)),
  }
  const now = medianOf(ours, 'seconds')
  const before = medianOf(baseline?.site, 'seconds')
  const runs = [...(ours?.runs ?? []), ...(baseline?.site.runs ?? [])]
  if (now === undefined || before === undefined) {
    row.ratio = '– (no 10,000-article site build to compare with: run --sizes 10000 first)'
    row.verdict = 'not measured'
  } else if (!runs.every((run) => hasLoad(run.load))) {
    row.ratio = '– (refused: load not recorded)'
    row.verdict = 'refused: load not recorded'
  } else {
    // Runs of different sizes cannot be paired: this is the ratio of the two medians.
    row.ratio = `${(now / before).toFixed(1)}× (medians)`
    row.verdict = judge(now / before, TARGETS.largeGrowth).text
  }
  return row
}

function loadsOf(...series: (Series | undefined)[]): LoadRecord[] {
  return series.flatMap((one) => (one?.runs ?? []).flatMap((run) => (run.load ? [run.load] : [])))
}

/** Medians of a series, such as `9.10 s, 409 MB (3 runs)`, or why there are none. */
export function describeFigures(series: Series | undefined, metrics: readonly Metric[]): string {
  if (!series || series.runs.length === 0) return `– (${shortNote(series?.note ?? 'not run')})`
  const parts = metrics.flatMap((metric) => {
    const value = medianOf(series, metric)
    return value === undefined ? [] : [formatFigure(value, metric)]
  })
  return parts.length === 0 ? '–' : parts.join(', ')
}

/** The first line of a note, cut to fit a table cell; the notes under the table have it all. */
export function shortNote(note: string): string {
  const line = note.split('\n')[0]?.trim() ?? ''
  return line.length > 90 ? `${line.slice(0, 89)}…` : line
}

/** A figure with its unit: `9.10 s`, `409 MB`, `14.5 CPU s`, `12.4/s`. */
export function formatFigure(value: number, metric: Metric): string {
  if (metric === 'seconds') return `${value.toFixed(2)} s`
  if (metric === 'peakRssMb') return `${Math.round(value).toLocaleString('en-US')} MB`
  if (metric === 'cpuSeconds') return `${value.toFixed(1)} CPU s`
  return `${value.toFixed(1)}/s`
}

/** `6.0× (pairs 5.9, 6.0, 6.3)`: the median of the per-pair ratios, then each pair's. */
export function formatPaired(medianRatio: number, ratios: readonly number[]): string {
  const each = ratios.map((ratio) => ratio.toFixed(ratio < 10 ? 2 : 1)).join(', ')
  return `${medianRatio.toFixed(medianRatio < 10 ? 2 : 1)}× (pairs ${each})`
}
