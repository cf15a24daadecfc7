import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { type CommandSpec, measureCommand } from './measure.ts'

/** The parts of a V8 `.cpuprofile` that the summary reads. */
export interface CpuProfile {
  nodes: {
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number }
  }[]
  samples?: number[]
  /** Microseconds since the previous sample, one per sample. */
  timeDeltas?: number[]
}

/** A function and the CPU time spent in it, its callees excluded. */
export interface ProfileEntry {
  /** Such as `render (markdown-it/lib/renderer.mjs:312)` or `(garbage collector)`. */
  name: string
  selfMs: number
  /** Its share of all the samples' time, idle excluded. */
  share: number
}

/** The functions that took the most time in one profiled run, over all its threads. */
export interface ProfileSummary {
  /** What was profiled. */
  description: string
  threads: number
  totalMs: number
  top: ProfileEntry[]
  /** Self time by package: `markdown-it`, `packages/core`, `node`, `(garbage collector)`. */
  packages: ProfileEntry[]
  /** The folder of the `.cpuprofile` files, to open in Chrome DevTools or speedscope. */
  directory: string
}

/**
 * Adds up self time by function over the profiles of all threads of a run: the sample
 * intervals of the samples that landed in each function. `(idle)` is left out.
 *
 * @example
 * summariseProfiles([profile], 10) // [{ name: 'parse (core/dist/index.js:120)', selfMs: 812, share: 0.21 }, …]
 */
export function summariseProfiles(
  profiles: readonly CpuProfile[],
  limit = 12,
  nameFrame: (frame: CallFrame) => string = nameOf,
): ProfileEntry[] {
  const byName = new Map<string, number>()
  for (const profile of profiles) {
    const names = new Map(profile.nodes.map((node) => [node.id, nameFrame(node.callFrame)]))
    const samples = profile.samples ?? []
    const deltas = profile.timeDeltas ?? []
    for (const [index, id] of samples.entries()) {
      const name = names.get(id)
      if (name === undefined || name === '(idle)') continue
      byName.set(name, (byName.get(name) ?? 0) + (deltas[index] ?? 0) / 1000)
    }
  }
  const total = [...byName.values()].reduce((sum, ms) => sum + ms, 0)
  return [...byName]
    .map(([name, selfMs]) => ({ name, selfMs, share: total === 0 ? 0 : selfMs / total }))
    .sort((a, b) => b.selfMs - a.selfMs || a.name.localeCompare(b.name))
    .slice(0, limit)
}

type CallFrame = CpuProfile['nodes'][number]['callFrame']

/**
 * The package a function belongs to: `markdown-it`, `@dawnpress/core` for the workspace's
 * `packages/core`, `node` for Node's own code, or the pseudo-frame (`(garbage collector)`).
 */
export function packageOf(frame: CallFrame): string {
  if (frame.functionName.startsWith('(') && !frame.url) return frame.functionName
  const path = frame.url.replace(/^file:\/\//, '')
  if (!path || path.startsWith('node:') || !path.startsWith('/')) return 'node'
  const modules = path.lastIndexOf('/node_modules/')
  if (modules !== -1) {
    const [first, second] = path.slice(modules + '/node_modules/'.length).split('/')
    return first?.startsWith('@') ? `${first}/${second}` : (first ?? path)
  }
  const workspace = /\/(packages|apps)\/([^/]+)\//.exec(path)
  return workspace ? `${workspace[1]}/${workspace[2]}` : path
}

/** `fn (package/path/file.js:12)`, with the URL cut to what follows the last node_modules. */
function nameOf(frame: CallFrame): string {
  // A regular expression's frame is named by its whole source, which can run to pages.
  const full = frame.functionName || '(anonymous)'
  const name = full.length > 60 ? `${full.slice(0, 59)}…` : full
  if (!frame.url) return name
  const path = frame.url.replace(/^file:\/\//, '')
  const modules = path.lastIndexOf('/node_modules/')
  const shown =
    modules === -1
      ? path.split('/').slice(-3).join('/')
      : path.slice(modules + '/node_modules/'.length).replace(/^\.pnpm\/[^/]+\/node_modules\//, '')
  return `${name} (${shown}:${frame.lineNumber + 1})`
}

/**
 * Runs a Node command once more with `--cpu-prof`, untimed (profiling slows it), and
 * summarises where its CPU time went. Worker threads write profiles of their own.
 */
export async function profileCommand(
  spec: CommandSpec,
  directory: string,
  description: string,
): Promise<ProfileSummary> {
  await rm(directory, { recursive: true, force: true })
  await mkdir(directory, { recursive: true })
  const result = await measureCommand({
    ...spec,
    args: ['--cpu-prof', `--cpu-prof-dir=${directory}`, ...spec.args],
  })
  if (result.exitCode !== 0) {
    throw new Error(
      `the profiled run failed (exit code ${result.exitCode}): ${result.stderr.slice(-500)}`,
    )
  }
  const files = (await readdir(directory)).filter((name) => name.endsWith('.cpuprofile'))
  const profiles: CpuProfile[] = []
  for (const file of files) profiles.push(JSON.parse(await readFile(join(directory, file), 'utf8')))
  const all = summariseProfiles(profiles, Number.POSITIVE_INFINITY)
  return {
    description,
    threads: profiles.length,
    totalMs: all.reduce((sum, entry) => sum + entry.selfMs, 0),
    top: all.slice(0, 12),
    packages: summariseProfiles(profiles, 10, packageOf),
    directory,
  }
}
