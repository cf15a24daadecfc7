import type { CardResult } from './cards.ts'
import type { SizeResult, ToolResult } from './run.ts'

/** The machine the figures were measured on. */
export interface MachineInfo {
  cpuModel: string
  cores: number
  memoryGb: number
  node: string
  platform: string
  /** The 1-minute load average when the run began and ended: other work skews the figures. */
  loadAverage: { before: number; after: number }
}

/** Everything one `pnpm bench` measured; written as results/latest.json. */
export interface BenchResult {
  measuredAt: string
  machine: MachineInfo
  versions: Record<string, string>
  seed: string
  sizes: SizeResult[]
  cards?: CardResult
}

const COLUMNS = ['cold s', 'warm s', '1 changed s', 'peak RSS MB', 'cold CPU s'] as const

/**
 * Formats the results as plain-text tables, one per corpus size: each tool's median figures,
 * and under each peer its ratio to dawnpress (how many times slower or larger it is).
 */
export function formatReport(result: BenchResult): string {
  const lines: string[] = []
  const { machine } = result
  lines.push(
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node} (${machine.platform}), load average ${machine.loadAverage.before} before, ${machine.loadAverage.after} after`,
  )
  lines.push(
    `Versions: ${Object.entries(result.versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}`,
  )
  for (const size of result.sizes) {
    lines.push('')
    lines.push(
      `${size.corpus.size.toLocaleString('en-US')} articles (seed "${size.corpus.seed}", ${size.corpus.meanWords} words on average)`,
    )
    lines.push(...formatTable(size.tools))
    for (const tool of size.tools) {
      if (tool.note) lines.push(`  ${tool.name}: ${tool.note.split('\n')[0]}`)
    }
  }
  lines.push('')
  lines.push(
    "Wall seconds, median of the runs, one process per build. cold: caches and outputs deleted; warm: nothing changed; 1 changed: one article edited. Peak RSS: the highest of the three builds. × dawnpress: the peer's figure divided by dawnpress's.",
  )
  if (result.cards) {
    lines.push('')
    const { cards } = result
    if (cards.error) lines.push(`Cards: ${cards.error}`)
    else {
      const runs = cards.results.map(
        (run) =>
          `${run.workers} worker${run.workers === 1 ? '' : 's'} ${run.cardsPerSecond} cards/s (${run.seconds} s, ${Math.round(run.peakRssMb)} MB)`,
      )
      lines.push(`Cards (${cards.articles} articles, median of ${cards.runs}): ${runs.join('; ')}`)
    }
  }
  return `${lines.join('\n')}\n`
}

function formatTable(tools: ToolResult[]): string[] {
  const rows: string[][] = [['tool', 'runs', ...COLUMNS]]
  const base = tools.find((tool) => tool.name === 'dawnpress')
  const baseFigures = base ? figures(base) : undefined
  for (const tool of tools) {
    const own = figures(tool)
    const runs = String(tool.cold?.runs.length ?? 0)
    rows.push([tool.name, runs, ...own.map((value, index) => format(value, index))])
    if (tool === base || !baseFigures) continue
    rows.push([
      '  × dawnpress',
      '',
      ...own.map((value, index) => {
        const reference = baseFigures[index]
        return value === undefined || reference === undefined || reference === 0
          ? '–'
          : `${(value / reference).toFixed(1)}×`
      }),
    ])
  }
  const widths = (rows[0] as string[]).map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  )
  return rows.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[0] as number) : cell.padStart(widths[column] as number),
      )
      .join('  ')
      .trimEnd(),
  )
}

/** cold, warm and changed seconds, the highest of their peak RSS figures, cold CPU seconds. */
function figures(tool: ToolResult): (number | undefined)[] {
  const peaks = [tool.cold, tool.warm, tool.changed]
    .filter((scenario) => scenario !== undefined)
    .map((scenario) => scenario.peakRssMb)
  return [
    tool.cold?.seconds,
    tool.warm?.seconds,
    tool.changed?.seconds,
    peaks.length > 0 ? Math.max(...peaks) : undefined,
    tool.cold?.cpuSeconds,
  ]
}

function format(value: number | undefined, column: number): string {
  if (value === undefined || Number.isNaN(value)) return '–'
  return column === 3 ? String(Math.round(value)) : value.toFixed(2)
}
