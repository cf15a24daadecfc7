import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'

/** Hugo, ready to run, or why the Hugo row is skipped. */
export type HugoStatus = { ok: true; path: string; version: string } | { ok: false; note: string }

/** Where the benchmark looks for `hugo`: every folder of PATH. */
export function findOnPath(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const folder of path.split(delimiter)) {
    if (!folder) continue
    const candidate = join(folder, name)
    if (existsSync(candidate)) return candidate
  }
  return undefined
}

/**
 * Finds Hugo, installing Debian's `hugo` package with apt-get when it is missing and the
 * benchmark runs as root on a Debian-like system. Anything else gives a note that says why
 * the row is skipped and how to get Hugo, never a silent gap.
 */
export function ensureHugo(log: (line: string) => void): HugoStatus {
  let path = findOnPath('hugo')
  if (!path) {
    const root = typeof process.getuid === 'function' && process.getuid() === 0
    if (!root || !findOnPath('apt-get')) {
      return {
        ok: false,
        note: 'not run: hugo is not installed (install Debian\'s "hugo" package, or run the benchmark as root to have it installed)',
      }
    }
    log('Installing Hugo: apt-get install -y hugo')
    let install = apt(['install', '-y', '--no-install-recommends', 'hugo'])
    if (install.status !== 0) {
      // A fresh machine has no package lists yet.
      apt(['update'])
      install = apt(['install', '-y', '--no-install-recommends', 'hugo'])
    }
    path = findOnPath('hugo')
    if (install.status !== 0 || !path) {
      return {
        ok: false,
        note: `not run: apt-get install -y hugo failed: ${String(install.stderr).trim().split('\n').at(-1) ?? ''}`,
      }
    }
  }
  const version = spawnSync(path, ['version'], { encoding: 'utf8' })
  if (version.status !== 0) {
    return { ok: false, note: `not run: ${path} version failed: ${version.stderr.trim()}` }
  }
  return { ok: true, path, version: parseHugoVersion(version.stdout) ?? version.stdout.trim() }
}

/** `hugo v0.111.3+extended linux/amd64 …` → `0.111.3+extended`. */
export function parseHugoVersion(output: string): string | undefined {
  return /hugo v?(\d+\.\d+\.\d+\S*)/.exec(output)?.[1]
}

function apt(args: string[]) {
  return spawnSync('apt-get', args, {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
}
