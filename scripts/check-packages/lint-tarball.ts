import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { run } from './run.ts'

/** What a user of a package needs from its tarball: its manifest, its docs and its code. */
const NEEDED = /^package\/(?:package\.json|README\.md|LICENSE(?:\.md)?|dist\/.+|bin\/.+)$/

/** The files of a packed tarball that no user needs (sources, tests, configs). */
export async function unneededFiles(tarball: string): Promise<string[]> {
  const { stdout } = await run('tar', ['-tzf', tarball], dirname(tarball))
  return stdout
    .split('\n')
    .filter((path) => path !== '' && !path.endsWith('/') && !NEEDED.test(path))
}

/** What publint (strict) finds in a packed tarball, one line per message. */
export async function publintTarball(tarball: string): Promise<string[]> {
  const data = await readFile(tarball)
  const { messages, pkg } = await publint({
    pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) },
    strict: true,
  })
  return messages.map(
    (message) => `${message.type}: ${formatMessage(message, pkg) ?? message.code}`,
  )
}

interface AttwReport {
  analysis: {
    types: false | { kind: string }
    problems?: { kind: string; entrypoint?: string; resolutionKind?: string }[]
  }
}

/**
 * What @arethetypeswrong/cli finds in a packed tarball, for every module resolution, one line
 * per problem. A package with no typed entry (a command line) has nothing to check; one that
 * is an ES module only (`esmOnly`) is checked for the resolutions that can import it.
 */
export async function attwTarball(
  tarball: string,
  root: string,
  options: { esmOnly?: boolean } = {},
): Promise<string[]> {
  const attw = join(root, 'node_modules/.bin/attw')
  const profile = options.esmOnly ? ['--profile', 'esm-only'] : []
  const result = await run(
    attw,
    [tarball, '--format', 'json', '--no-definitely-typed', ...profile],
    root,
  )
  let report: AttwReport
  try {
    report = JSON.parse(result.stdout) as AttwReport
  } catch {
    return [`attw exited ${result.code} without a report:\n${result.stderr}${result.stdout}`]
  }
  // An ES-module-only package cannot be required: the resolutions of require() do not apply.
  const ignored = options.esmOnly ? new Set(['node10', 'node16-cjs']) : new Set<string>()
  const problems = (report.analysis.problems ?? [])
    .filter((problem) => !ignored.has(problem.resolutionKind ?? ''))
    .map(
      (problem) =>
        `${problem.kind} (${problem.entrypoint ?? '.'}, ${problem.resolutionKind ?? 'any resolution'})`,
    )
  if (problems.length === 0 && result.code !== 0 && !options.esmOnly) {
    return [`attw exited ${result.code}:\n${result.stderr}`]
  }
  return problems
}
