import { describeCode } from './catalogue.ts'
import { escapeControl } from './format-problems.ts'
import type { Problem } from './problems.ts'
import { type ReportPathOptions, reportPath } from './report-path.ts'

/** Options of `formatGithubAnnotations`. */
export interface FormatGithubOptions extends ReportPathOptions {}

/**
 * Problems as GitHub Actions workflow commands, one line each:
 * `::error file=content/articles/a.md,line=4,col=7,title=Invalid field (FIELD_INVALID)::…`.
 * Printed by a step of a workflow, each becomes an annotation on that line of the file in
 * the pull request's diff, with the message and the hint. Warnings are `::warning`.
 *
 * Paths are made relative to `root` (pass the repository root, `GITHUB_WORKSPACE`, when
 * the command runs in a folder below it). Everything taken from the content is escaped:
 * control characters as in `formatProblems`, then `%`, line breaks and, in properties, `:`
 * and `,` as GitHub's runner reads them, so that an article can never start a workflow
 * command of its own (a line that begins with `::`).
 *
 * @example
 * process.stdout.write(formatGithubAnnotations(result.problems, { root: process.env.GITHUB_WORKSPACE }))
 */
export function formatGithubAnnotations(
  problems: readonly Problem[],
  options: FormatGithubOptions = {},
): string {
  return problems
    .map((problem) => {
      const properties = [
        `file=${escapeProperty(escapeControl(reportPath(problem.file, options).path))}`,
        `line=${problem.line}`,
        `col=${problem.column}`,
        `title=${escapeProperty(`${describeCode(problem.code).title} (${problem.code})`)}`,
      ]
      const text = `${escapeControl(problem.message)}\nhint: ${escapeControl(problem.hint)}`
      return `::${problem.severity} ${properties.join(',')}::${escapeData(text)}\n`
    })
    .join('')
}

/** A command's message, as the Actions runner unescapes it. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** A command's property value: its message's escapes, and the separators of properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
