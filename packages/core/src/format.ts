// `@dawnpress/core/format`: the problem printer alone, for a command with problems to show
// and nothing else to do (a build found current), without loading the parser and zod.

export type { FormatProblemsOptions } from './format-problems.ts'
export { formatProblems, summarizeProblems } from './format-problems.ts'
export type { Problem, ProblemCode, Severity } from './problems.ts'
