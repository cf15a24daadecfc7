import { join } from 'node:path'
import {
  formatGithubAnnotations,
  formatSarif,
  isProblemError,
  type Problem,
  problemToJson,
  summarizeProblems,
} from '@dawnpress/core'
import { CHECK } from './commands.ts'
import { openBuild } from './engine.ts'
import { shownPath } from './flags.ts'
import { printProblems } from './print-problems.ts'
import { formatUsage, parseCommandArgs, printUsage, UsageError } from './usage.ts'
import { VERSION } from './version.ts'

/** The formats `check --format` prints. */
const FORMATS = ['pretty', 'json', 'github', 'sarif'] as const
type Format = (typeof FORMATS)[number]

/**
 * Prints problems in a machine format. Paths are relative to the repository GitHub checked
 * out (`GITHUB_WORKSPACE`) when there is one, as annotations and code scanning expect.
 */
const PRINTERS: Record<Exclude<Format, 'pretty'>, (problems: readonly Problem[]) => string> = {
  json: (problems) => `${JSON.stringify(problems.map(problemToJson), null, 2)}\n`,
  github: (problems) =>
    formatGithubAnnotations(problems, { root: process.env.GITHUB_WORKSPACE || undefined }),
  sarif: (problems) =>
    formatSarif(problems, {
      toolVersion: VERSION,
      root: process.env.GITHUB_WORKSPACE || undefined,
    }),
}

/** `dawnpress check`: every problem; exit 1 on any error, 2 on a configuration mistake. */
export async function runCheck(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, CHECK)
  if (!args) return printUsage(CHECK)
  const { values } = args
  const format = values.format as Format
  if (!FORMATS.includes(format)) {
    throw new UsageError(
      `--format must be one of ${FORMATS.map((name) => `"${name}"`).join(', ')}, not "${values.format}".`,
      formatUsage(CHECK),
    )
  }
  try {
    const build = await openBuild(values)
    const result = await build.check()
    await build.dispose()
    const summary = summarizeProblems(result.problems, result.articles.length)
    if (format === 'pretty') {
      printProblems(result.problems, process.stdout)
      for (const article of result.scheduled) {
        process.stdout.write(
          `${shownPath(join(build.config.articlesDir, article.path))}  scheduled for ${article.date?.slice(0, 10)}: builds leave it out until then\n`,
        )
      }
      process.stdout.write(`${summary}\n`)
    } else {
      process.stdout.write(PRINTERS[format](result.problems))
      // Annotations are read from the log, where a person also wants the count.
      if (format === 'github') process.stdout.write(`${summary}\n`)
    }
    return result.ok ? 0 : 1
  } catch (error) {
    // A script or a CI service reading the output gets configuration problems in its format.
    if (format === 'pretty' || !isProblemError(error)) throw error
    process.stdout.write(PRINTERS[format](error.problems))
    return 2
  }
}
