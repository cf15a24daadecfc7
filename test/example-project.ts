/**
 * Installs one of `examples/` as a project outside the workspace would have it: a copy in a
 * temporary folder, with the dawnpress packages it needs from the tarballs `pnpm pack`
 * writes (as they would come from the registry) and everything else from the npm registry.
 * One install serves every test of a file; nothing is kept between runs.
 *
 * @example
 * const example = await installExample('vite', 'packages/vite')
 * await example.runOk('npm', ['run', 'build'])
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  listPublishedPackages,
  readPublishedPackages,
  workspaceDependencies,
} from '../scripts/check-packages/workspace.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Environment variables (Next's types make `NodeJS.ProcessEnv` demand `NODE_ENV`). */
type Env = Record<string, string | undefined>

/** The outcome of a finished command. */
export interface RunResult {
  code: number
  stdout: string
  stderr: string
}

/** Folders of an example that a build or an install writes, never copied. */
const GENERATED = new Set(['node_modules', 'dist', 'dist-server', '.dawnpress', '.next', 'out'])

/** An installed copy of an example. */
export interface ExampleProject {
  /** The copy's folder. */
  dir: string
  /** Runs a command in the copy to the end; throws with its output when it fails. */
  runOk(command: string, args: readonly string[], env?: Env): Promise<RunResult>
  /** Runs a command in the copy to the end; a non-zero exit does not throw. */
  run(command: string, args: readonly string[], env?: Env): Promise<RunResult>
  /** Starts a long-running command (a dev server) in its own process group. */
  start(command: string, args: readonly string[], env?: Env): RunningCommand
  /** Reads a file of the copy. */
  read(path: string): Promise<string>
  /** Writes a file of the copy, as an author's save would. */
  write(path: string, text: string): Promise<void>
  /** Removes the temporary folder. */
  dispose(): Promise<void>
}

/** A command started in the background. */
export interface RunningCommand {
  /** Everything it printed so far. */
  output(): string
  /** Resolves with the first match of `pattern` in its output. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>
  /** Stops it and every process it started. */
  stop(): Promise<void>
}

/**
 * Copies `examples/<name>` to a temporary folder and installs it with npm, with the
 * workspace package in `packageDir` and the workspace packages it depends on from packed
 * tarballs: the example's own `package.json` names the package by its registry version, and
 * the copy's names the tarball instead; the other dawnpress packages are `overrides`, so
 * that the copy lists what the example lists.
 */
export async function installExample(name: string, packageDir: string): Promise<ExampleProject> {
  const temp = await mkdtemp(join(tmpdir(), `dawnpress-example-${name}-`))
  const dir = join(temp, name)
  const [target] = readPublishedPackages([join(ROOT, packageDir)])
  if (target === undefined) throw new Error(`No package in ${packageDir}`)
  const all = new Map(listPublishedPackages(ROOT).map((pkg) => [pkg.manifest.name, pkg]))
  const packages = [target, ...workspaceDependencies(target, all).map((dep) => all.get(dep))]
  const tarballs = new Map<string, string>()
  const [pnpm, prefix] = pnpmCommand()
  for (const pkg of packages) {
    if (pkg === undefined) continue
    const packed = await runIn(
      pnpm,
      [...prefix, 'pack', '--pack-destination', join(temp, 'tarballs'), '--json'],
      pkg.dir,
      process.env,
    )
    if (packed.code !== 0) throw new Error(`pnpm pack failed in ${pkg.dir}:\n${packed.stderr}`)
    tarballs.set(pkg.manifest.name, (JSON.parse(packed.stdout) as { filename: string }).filename)
  }
  await cp(join(ROOT, 'examples', name), dir, {
    recursive: true,
    filter: (source) => !GENERATED.has(basename(source)) && !source.endsWith('public/dawnpress'),
  })
  const manifestFile = join(dir, 'package.json')
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest
  const overrides: Record<string, string> = {}
  for (const [pkgName, tarball] of tarballs) {
    const spec = `file:${tarball}`
    let direct = false
    for (const field of ['dependencies', 'devDependencies'] as const) {
      if (manifest[field]?.[pkgName] !== undefined) {
        ;(manifest[field] as Record<string, string>)[pkgName] = spec
        direct = true
      }
    }
    if (!direct) overrides[pkgName] = spec
  }
  manifest.overrides = { ...manifest.overrides, ...overrides }
  await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`)

  const env = (extra: Env = {}) => ({ ...cleanEnv(), ...extra })
  const project: ExampleProject = {
    dir,
    run: (command, args, extra) => runIn(command, args, dir, env(extra)),
    async runOk(command, args, extra) {
      const result = await runIn(command, args, dir, env(extra))
      if (result.code !== 0) {
        throw new Error(
          `${command} ${args.join(' ')} exited ${result.code} in ${dir}:\n${result.stderr}\n${result.stdout}`,
        )
      }
      return result
    },
    start: (command, args, extra) => startIn(command, args, dir, env(extra)),
    read: (path) => readFile(join(dir, path), 'utf8'),
    async write(path, text) {
      await mkdir(join(dir, path, '..'), { recursive: true })
      await writeFile(join(dir, path), text)
    },
    dispose: () => rm(temp, { recursive: true, force: true }),
  }
  await project.runOk('npm', [
    'install',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--ignore-scripts',
    '--loglevel=error',
  ])
  return project
}

interface Manifest {
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  overrides?: Record<string, string>
}

/**
 * The environment of a user's shell: without what pnpm and turbo pass to the scripts they
 * run (npm warns about pnpm's settings), and without the variable by which a Next config
 * knows that another process prepared the content.
 */
function cleanEnv(): Env {
  const env: Env = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|PNPM_|TURBO_|VITEST|DAWNPRESS_)/i.test(key) || key === 'NODE_OPTIONS') continue
    env[key] = value
  }
  return { ...env, NO_COLOR: '1', NEXT_TELEMETRY_DISABLED: '1', CI: '1' }
}

/** The pnpm that runs the tests (`npm_execpath`), even when it is not on PATH; else pnpm. */
function pnpmCommand(): [string, string[]] {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: it names the pnpm to run, not an input of the test.
  const execPath = process.env.npm_execpath ?? ''
  return /pnpm\.[cm]?js$/.test(execPath) ? [process.execPath, [execPath]] : ['pnpm', []]
}

function runIn(
  command: string,
  args: readonly string[],
  cwd: string,
  env: Env,
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.on('error', (error) =>
      resolve({ code: 127, stdout, stderr: `${stderr}${error.message}` }),
    )
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }))
  })
}

function startIn(command: string, args: readonly string[], cwd: string, env: Env): RunningCommand {
  const child: ChildProcess = spawn(command, args, {
    cwd,
    env: env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const listeners = new Set<() => void>()
  const onData = (chunk: Buffer) => {
    output += chunk.toString()
    for (const listener of listeners) listener()
  }
  child.stdout?.on('data', onData)
  child.stderr?.on('data', onData)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    output: () => output,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output)
          if (!match) return
          done()
          resolve(match)
        }
        const timer = setTimeout(() => {
          done()
          reject(
            new Error(
              `${command} printed nothing matching ${pattern} in ${timeoutMs} ms:\n${output}`,
            ),
          )
        }, timeoutMs)
        const onExit = () => {
          done()
          reject(new Error(`${command} exited before printing ${pattern}:\n${output}`))
        }
        const done = () => {
          clearTimeout(timer)
          listeners.delete(check)
          child.off('exit', onExit)
        }
        listeners.add(check)
        child.once('exit', onExit)
        check()
      })
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
      process.kill(-child.pid, 'SIGTERM')
      await exited
    },
  }
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('No port')),
      )
    })
  })
}
