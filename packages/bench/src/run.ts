import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type CorpusSummary, writeCorpus } from './corpus.ts'
import { type Measurement, measureCommand } from './measure.ts'
import { median } from './stats.ts'
import {
  createContentCollections,
  createDawnpress,
  createVelite,
  type Tool,
  type ToolContext,
  type ToolName,
} from './tools.ts'

/** The three builds timed for every tool. */
export const SCENARIOS = ['cold', 'warm', 'changed'] as const
/** `cold`: caches and outputs deleted; `warm`: nothing changed; `changed`: one article edited. */
export type Scenario = (typeof SCENARIOS)[number]

/** One scenario of one tool: every run, and the medians. */
export interface ScenarioResult {
  /** Median wall time in seconds. */
  seconds: number
  /** Median peak RSS in MB. */
  peakRssMb: number
  /** Median CPU seconds (user + system), which other load on the machine hardly changes. */
  cpuSeconds: number
  runs: { seconds: number; peakRssMb: number; cpuSeconds: number }[]
}

/** One tool on one corpus. */
export interface ToolResult {
  name: ToolName
  description: string
  cold?: ScenarioResult
  warm?: ScenarioResult
  changed?: ScenarioResult
  /** Why figures are missing, or what was timed instead of what was asked. */
  note?: string
}

/** Every tool on one corpus size. */
export interface SizeResult {
  corpus: Omit<CorpusSummary, 'directory'> & { meanWords: number }
  tools: ToolResult[]
}

/** How much of one tool to measure on one corpus. */
export interface ToolPlan {
  runs: number
  scenarios: readonly Scenario[]
}

/** Options of `runSizes`. */
export interface RunOptions {
  sizes: number[]
  /** Runs and scenarios of each tool at each size; each figure is the median of the runs. */
  plan: (tool: Tool, size: number) => ToolPlan
  seed: string
  tools: ToolName[]
  /** Scratch space for corpora, caches and outputs. */
  workRoot: string
  benchRoot: string
  /** Force dawnpress's core-only stand-in. */
  coreOnly?: boolean
  /** Passed to `dawnpress build --skip`. */
  skip?: string
  log: (line: string) => void
}

type Measured = Partial<Record<Scenario, Measurement>>

/**
 * For each size: writes the corpus, then for each run and each tool (interleaved, so that
 * drift in the machine hits every tool alike) times a cold build, a warm rebuild and a
 * rebuild after one article changed, each in a fresh process. The edited article is put
 * back after every run, so every cold build sees the same corpus.
 */
export async function runSizes(options: RunOptions): Promise<SizeResult[]> {
  const results: SizeResult[] = []
  for (const size of options.sizes) {
    const corpusDir = join(options.workRoot, `corpus-${size}`)
    const workDir = join(options.workRoot, `work-${size}`)
    const started = performance.now()
    const summary = await writeCorpus(corpusDir, { size, seed: options.seed })
    options.log(
      `${size} articles written to ${corpusDir} in ${((performance.now() - started) / 1000).toFixed(1)} s (${Math.round(summary.words / size)} words on average)`,
    )
    const context: ToolContext = { benchRoot: options.benchRoot, corpusDir, workDir }
    const tools = options.tools.map((name) => createTool(name, context, options))
    const collected = new Map<Tool, Measured[]>()
    const notes = new Map<Tool, string>()
    const failed = new Set<Tool>()
    const edited = await pickArticleToEdit(corpusDir)
    const plans = new Map(tools.map((tool) => [tool.name, options.plan(tool, size)]))
    const rounds = Math.max(...[...plans.values()].map((plan) => plan.runs))

    const attempt = async (tool: Tool, run: number, label: string) => {
      const plan = plans.get(tool.name) as ToolPlan
      const measured = await runScenarios(tool, plan.scenarios, size, edited, run)
      collected.set(tool, [...(collected.get(tool) ?? []), measured])
      options.log(`${label} ${describeRun(measured)}`)
    }

    for (let run = 1; run <= rounds; run++) {
      for (const [index, tool] of tools.entries()) {
        const plan = plans.get(tool.name) as ToolPlan
        if (failed.has(tool) || run > plan.runs) continue
        const label = `  run ${run}/${plan.runs} ${tool.name.padEnd(19)}`
        try {
          await attempt(tool, run, label)
        } catch (error) {
          const message = (error as Error).message
          options.log(`${label} failed: ${message.split('\n')[0]}`)
          const fallback = run === 1 ? tool.fallback?.() : undefined
          if (!fallback) {
            failed.add(tool)
            notes.set(tool, `failed: ${message}`)
            continue
          }
          // The CLI may not build yet: time what exists instead, and say so in the report.
          options.log(`${label} timing instead: ${fallback.description}`)
          tools[index] = fallback
          notes.set(fallback, `${tool.description} failed, so this was timed instead: ${message}`)
          await attempt(fallback, run, label).catch((retry: Error) => {
            failed.add(fallback)
            notes.set(fallback, `failed: ${retry.message}`)
          })
        }
      }
    }
    for (const tool of tools) await tool.reset()

    results.push({
      corpus: {
        size,
        seed: summary.seed,
        words: summary.words,
        bytes: summary.bytes,
        sha256: summary.sha256,
        meanWords: Math.round(summary.words / size),
      },
      tools: tools.map((tool) => {
        const plan = plans.get(tool.name) as ToolPlan
        const skipped = SCENARIOS.filter((scenario) => !plan.scenarios.includes(scenario))
        const note =
          notes.get(tool) ??
          (skipped.length > 0 && !tool.cached
            ? `${skipped.join(' and ')} not run: ${tool.name} keeps no cache between processes, so those builds redo the cold build's work (see a smaller size).`
            : undefined)
        return summariseTool(tool, collected.get(tool) ?? [], note)
      }),
    })
  }
  return results
}

function createTool(name: ToolName, context: ToolContext, options: RunOptions): Tool {
  if (name === 'content-collections') return createContentCollections(context)
  if (name === 'velite') return createVelite(context)
  return createDawnpress(context, {
    ...(options.skip === undefined ? {} : { skip: options.skip }),
    ...(options.coreOnly === undefined ? {} : { coreOnly: options.coreOnly }),
  })
}

async function runScenarios(
  tool: Tool,
  scenarios: readonly Scenario[],
  size: number,
  edited: string,
  run: number,
): Promise<Measured> {
  const measured: Measured = {}
  const build = async () => {
    const result = await measureCommand(tool.command)
    tool.verify(result, size)
    return result
  }
  await tool.reset()
  measured.cold = await build()
  if (scenarios.includes('warm')) measured.warm = await build()
  if (scenarios.includes('changed')) {
    const original = await readFile(edited)
    await writeFile(edited, `${original}\nThis paragraph was added by benchmark run ${run}.\n`)
    try {
      measured.changed = await build()
    } finally {
      await writeFile(edited, original)
    }
  }
  return measured
}

function describeRun(measured: Measured): string {
  const times = SCENARIOS.filter((scenario) => measured[scenario] !== undefined).map(
    (scenario) => `${scenario} ${measured[scenario]?.seconds.toFixed(2)} s`,
  )
  const cold = measured.cold
  return `${times.join(', ')}, peak ${Math.round(cold?.peakRssMb ?? 0)} MB, cold CPU ${cold?.cpuSeconds.toFixed(2)} s`
}

/** The article in the middle of the corpus, in file-name order. */
async function pickArticleToEdit(corpusDir: string): Promise<string> {
  const files = (await readdir(join(corpusDir, 'articles'))).filter((name) => name.endsWith('.md'))
  files.sort()
  return join(corpusDir, 'articles', files[Math.floor(files.length / 2)] as string)
}

function summariseTool(tool: Tool, measured: Measured[], note: string | undefined): ToolResult {
  const result: ToolResult = { name: tool.name, description: tool.description }
  for (const scenario of SCENARIOS) {
    const runs = measured.flatMap((run) => run[scenario] ?? [])
    if (runs.length === 0) continue
    result[scenario] = {
      seconds: round(median(runs.map((run) => run.seconds)), 3),
      peakRssMb: round(median(runs.map((run) => run.peakRssMb)), 1),
      cpuSeconds: round(median(runs.map((run) => run.cpuSeconds)), 3),
      runs: runs.map((run) => ({
        seconds: round(run.seconds, 3),
        peakRssMb: round(run.peakRssMb, 1),
        cpuSeconds: round(run.cpuSeconds, 3),
      })),
    }
  }
  if (note !== undefined) result.note = note
  return result
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
