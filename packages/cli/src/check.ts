import { hasErrors } from '@dawnpress/core'
import { ConfigError, loadContent } from './content.ts'
import { formatProblems, summarise } from './report.ts'
import { parseCommandArgs, UsageError } from './usage.ts'

/** `dawnpress check`: report every problem; exit 1 on any error. */
export async function runCheck(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    content: { type: 'string', default: 'content' },
    format: { type: 'string', default: 'pretty' },
  })
  if (values.format !== 'pretty' && values.format !== 'json') {
    throw new UsageError(`--format must be "pretty" or "json", not "${values.format}".`)
  }
  const json = values.format === 'json'
  try {
    const { articles, problems } = await loadContent(values.content)
    if (json) process.stdout.write(`${JSON.stringify(problems.map(withoutCause), null, 2)}\n`)
    else {
      process.stdout.write(formatProblems(problems))
      process.stdout.write(`${summarise(problems, articles.length)}\n`)
    }
    return hasErrors(problems) ? 1 : 0
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    if (json) process.stdout.write(`${JSON.stringify(error.problems.map(withoutCause), null, 2)}\n`)
    else process.stderr.write(formatProblems(error.problems, process.stderr))
    return 2
  }
}

/** `cause` can hold anything (an Error, a stream): not part of the JSON output. */
export function withoutCause<T extends { cause?: unknown }>(problem: T): Omit<T, 'cause'> {
  const { cause: _cause, ...rest } = problem
  return rest
}
