import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * When each file under `directory` was first committed, as ISO 8601 UTC timestamps keyed by
 * the path relative to `directory`. One `git log` call for the whole folder. Empty when the
 * folder is not in a git repository or git is not installed: dates then come from
 * frontmatter alone. Uses commit dates, so the same commit always gives the same dates.
 */
export async function readGitDates(directory: string): Promise<Map<string, string>> {
  const dates = new Map<string, string>()
  let stdout: string
  try {
    const result = await run(
      'git',
      [
        '-c',
        'core.quotePath=false',
        'log',
        '--diff-filter=A',
        '--relative',
        '--name-only',
        '--format=%x00%cI',
        '--',
        '.',
      ],
      { cwd: directory, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
    )
    stdout = result.stdout
  } catch {
    return dates
  }
  // Newest commits come first, so the last date seen for a file is when it was added.
  for (const block of stdout.split('\0')) {
    const [date, ...files] = block.split('\n')
    if (!date) continue
    const iso = new Date(date.trim()).toISOString()
    for (const file of files) if (file) dates.set(file, iso)
  }
  return dates
}
