import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type LoadRecord, readLoad } from './load.ts'
import type { RunFigures } from './series.ts'

/** A command to run in its own process. */
export interface CommandSpec {
  command: string
  args: string[]
  cwd: string
  env?: Record<string, string>
}

/** What one run of a command took. */
export interface Measurement {
  /** Wall-clock time from spawn to exit. */
  seconds: number
  /**
   * Peak resident memory in MB (10^6 bytes): the larger of GNU time's figure (the biggest
   * single process) and the sum over the whole process tree sampled every 50 ms.
   */
  peakRssMb: number
  /**
   * User + system CPU seconds of the process and its children (GNU time; NaN without it).
   * Unlike wall time, it hardly moves when other work shares the machine.
   */
  cpuSeconds: number
  /** The 1-minute load average just before the spawn and just after the exit. */
  load: LoadRecord | undefined
  exitCode: number
  stdout: string
  stderr: string
}

const GNU_TIME = '/usr/bin/time'
const SAMPLE_INTERVAL_MS = 50

/**
 * Runs a command and measures its wall time and peak RSS. GNU time (`/usr/bin/time`) is
 * used where it exists, since it sees peaks too short for sampling; the /proc sampler adds
 * up child processes, which GNU time reports only one at a time.
 */
export async function measureCommand(spec: CommandSpec): Promise<Measurement> {
  const useTime = existsSync(GNU_TIME)
  const scratch = useTime ? await mkdtemp(join(tmpdir(), 'dawnpress-bench-')) : undefined
  const rssFile = scratch ? join(scratch, 'rss') : undefined
  const [command, args] = rssFile
    ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, spec.command, ...spec.args]]
    : [spec.command, spec.args]

  const loadBefore = readLoad()
  const started = performance.now()
  const child = spawn(command, args, {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  let sampledPeak = 0
  const sampler = setInterval(() => {
    if (child.pid === undefined) return
    treeRssBytes(child.pid).then(
      (bytes) => {
        sampledPeak = Math.max(sampledPeak, bytes)
      },
      () => {},
    )
  }, SAMPLE_INTERVAL_MS)
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)))
  })
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  const loadAfter = readLoad()
  const load =
    loadBefore === undefined || loadAfter === undefined
      ? undefined
      : { before: loadBefore, after: loadAfter }

  let timePeak = 0
  let cpuSeconds = Number.NaN
  if (rssFile && scratch) {
    const text = await readFile(rssFile, 'utf8').catch(() => '')
    // The last line holds the figures; an earlier one may say that the command failed.
    const [kilobytes, user, system] = (text.trim().split('\n').at(-1) ?? '').split(' ').map(Number)
    if (Number.isFinite(kilobytes)) timePeak = (kilobytes as number) * 1024
    if (Number.isFinite(user) && Number.isFinite(system))
      cpuSeconds = (user as number) + (system as number)
    await rm(scratch, { recursive: true, force: true })
  }
  const peakRssMb = Math.max(timePeak, sampledPeak) / 1e6
  return { seconds, peakRssMb, cpuSeconds, load, exitCode, stdout, stderr }
}

/** The figures of a measurement as a series stores them, rounded. */
export function toRunFigures(measurement: Measurement, round: number): RunFigures {
  return {
    round,
    seconds: Math.round(measurement.seconds * 1000) / 1000,
    peakRssMb: Math.round(measurement.peakRssMb * 10) / 10,
    cpuSeconds: Math.round(measurement.cpuSeconds * 1000) / 1000,
    load: measurement.load,
  }
}

/** Resident bytes of a process and all its descendants, from /proc (Linux only; 0 elsewhere). */
async function treeRssBytes(pid: number): Promise<number> {
  let total = 0
  const pending = [pid]
  while (pending.length > 0) {
    const current = pending.pop() as number
    const statm = await readFile(`/proc/${current}/statm`, 'utf8').catch(() => undefined)
    if (statm === undefined) continue
    total += Number(statm.split(' ')[1] ?? 0) * 4096
    const tasks = await readdir(`/proc/${current}/task`).catch(() => [] as string[])
    for (const task of tasks) {
      const children = await readFile(`/proc/${current}/task/${task}/children`, 'utf8').catch(
        () => '',
      )
      for (const child of children.split(' ')) if (child.trim()) pending.push(Number(child))
    }
  }
  return total
}
