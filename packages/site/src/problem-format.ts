import type { Problem } from '@dawnpress/core'

/** One problem as the terminal shows it: `file:line:column  error  CODE  message`, then the hint. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column}  ${problem.severity}  ${problem.code}  ${problem.message}\n    ${problem.hint}`
}
