import { type ChildProcess, spawn } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium } from 'playwright-core'

/** apps/site. */
export const APP_DIR = fileURLToPath(new URL('..', import.meta.url))
/** Screenshots are kept here as test artifacts (ignored by git). */
export const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url))

/** Debian's Chromium, or the binary in CHROMIUM_PATH. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  })
}

/** A package script running in its own process group, and the URL it printed. */
export interface RunningScript {
  url: string
  output: () => string
  stop: () => Promise<void>
}

/**
 * Runs `pnpm run <script> -- <args>` in apps/site, as a person would, and waits until it
 * prints the URL it serves.
 */
export async function runScript(script: string, args: string[] = []): Promise<RunningScript> {
  const [command, prefix] = pnpmCommand()
  const child: ChildProcess = spawn(command, [...prefix, 'run', '--silent', script, ...args], {
    cwd: APP_DIR,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`"${script}" printed no URL in 60 s:\n${output}`)),
      60_000,
    )
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[0])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`"${script}" exited with ${code}:\n${output}`))
    })
  })
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.pid === undefined) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      process.kill(-child.pid, 'SIGTERM')
      await exited
    },
  }
}

/**
 * The pnpm that runs these tests (`npm_execpath`, set by pnpm for its scripts), so that the
 * tests work where pnpm is not on PATH, such as under `npx pnpm@<version>` in CI.
 */
function pnpmCommand(): [string, string[]] {
  const execPath = process.env.npm_execpath
  if (execPath && /pnpm/.test(execPath)) {
    return /\.[cm]?js$/.test(execPath) ? [process.execPath, [execPath]] : [execPath, []]
  }
  return ['pnpm', []]
}

/** Makes sure the screenshot folder exists and returns a path in it. */
export async function resultPath(name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true })
  return `${RESULTS_DIR}${name}`
}
