import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The built command line, run as a user would run it. */
export const CLI = fileURLToPath(new URL('../bin/dawnpress.js', import.meta.url))
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url))

export function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {},
) {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}
