import { join } from 'node:path'
import { isProblemError, problemToJson, summarizeProblems } from '@dawnpress/core'
import { openBuild, printProblems, shownPath } from './engine.ts'
import {
  CONTENT_OPTIONS,
  type CommandSpec,
  formatUsage,
  parseCommandArgs,
  printUsage,
  UsageError,
} from './usage.ts'

export const CHECK = {
  name: 'check',
  summary: 'Report every problem of every article, with its file, line, column and a hint.',
  synopsis: '[options]',
  options: {
    ...CONTENT_OPTIONS,
    format: {
      type: 'string',
      default: 'pretty',
      placeholder: 'FORMAT',
      help: 'pretty (default) or json',
    },
  },
} satisfies CommandSpec

/** `dawnpress check`: every problem; exit 1 on any error, 2 on a configuration mistake. */
export async function runCheck(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, CHECK)
  if (!args) return printUsage(CHECK)
  const { values } = args
  if (values.format !== 'pretty' && values.format !== 'json') {
    throw new UsageError(
      `--format must be "pretty" or "json", not "${values.format}".`,
      formatUsage(CHECK),
    )
  }
  const json = values.format === 'json'
  try {
    const build = await openBuild(values)
    const result = await build.check()
    await build.dispose()
    if (json)
      process.stdout.write(`${JSON.stringify(result.problems.map(problemToJson), null, 2)}\n`)
    else {
      printProblems(result.problems, process.stdout)
      for (const article of result.scheduled) {
        process.stdout.write(
          `${shownPath(join(build.config.articlesDir, article.path))}  scheduled for ${article.date?.slice(0, 10)}: builds leave it out until then\n`,
        )
      }
      process.stdout.write(`${summarizeProblems(result.problems, result.articles.length)}\n`)
    }
    return result.ok ? 0 : 1
  } catch (error) {
    // A script reading the JSON gets the configuration problems in the same shape.
    if (!json || !isProblemError(error)) throw error
    process.stdout.write(`${JSON.stringify(error.problems.map(problemToJson), null, 2)}\n`)
    return 2
  }
}
