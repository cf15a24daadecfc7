import { execFile } from 'node:child_process'

/** The outcome of a finished command. */
export interface RunResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs a command to the end and returns its output; a non-zero exit does not throw. */
export function run(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: '1', ...env },
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error)
        else resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr })
      },
    )
  })
}

/** Like `run`, but throws with the output when the command fails. */
export async function runOk(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<RunResult> {
  const result = await run(command, args, cwd, env)
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.code} in ${cwd}:\n${result.stderr}\n${result.stdout}`,
    )
  }
  return result
}

/**
 * How to run pnpm: under `pnpm check:packages` the pnpm that runs the script, even when it
 * is not on PATH; else the one on PATH.
 */
export function pnpmCommand(): [string, string[]] {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: this script is no turbo task.
  const execPath = process.env.npm_execpath ?? ''
  return /pnpm\.[cm]?js$/.test(execPath) ? [process.execPath, [execPath]] : ['pnpm', []]
}
