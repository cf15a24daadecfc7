import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * When each file under `directory` was first committed, as ISO 8601 UTC timestamps keyed by
 * the path relative to `directory`. A renamed file keeps the date its first name was
 * added. One `git log` call for the whole folder. Empty when the folder is not in a git
 * repository or git is not installed: dates then come from frontmatter alone. Uses commit
 * dates, so the same commit always gives the same dates.
 */
export async function readGitDates(directory: string): Promise<Map<string, string>> {
  let stdout: string
  try {
    const result = await run(
      'git',
      [
        '-c',
        'core.quotePath=false',
        'log',
        '--find-renames',
        '--diff-filter=AR',
        '--relative',
        '--name-status',
        '--format=%x00%cI',
        '--',
        '.',
      ],
      { cwd: directory, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
    )
    stdout = result.stdout
  } catch {
    return new Map()
  }
  return resolveDates(parseLog(stdout))
}

interface GitHistory {
  /** When each path was added; the oldest addition wins. */
  added: Map<string, string>
  /** For each renamed path, the path it was renamed from. */
  renamedFrom: Map<string, string>
}

function parseLog(stdout: string): GitHistory {
  const added = new Map<string, string>()
  const renamedFrom = new Map<string, string>()
  // Newest commits come first, so the last entry seen for a path is its oldest.
  for (const block of stdout.split('\0')) {
    const [date, ...lines] = block.split('\n')
    if (!date) continue
    const iso = new Date(date.trim()).toISOString()
    for (const line of lines) {
      const [status, from, to] = line.split('\t')
      if (status === 'A' && from) added.set(from, iso)
      else if (status?.startsWith('R') && from && to) renamedFrom.set(to, from)
    }
  }
  return { added, renamedFrom }
}

function resolveDates({ added, renamedFrom }: GitHistory): Map<string, string> {
  const dates = new Map(added)
  for (const path of renamedFrom.keys()) {
    if (dates.has(path)) continue
    let current = path
    const seen = new Set<string>()
    while (renamedFrom.has(current) && !seen.has(current)) {
      seen.add(current)
      current = renamedFrom.get(current) as string
    }
    const date = added.get(current)
    if (date !== undefined) dates.set(path, date)
  }
  return dates
}
