import type { Problem, ProblemCode } from './problems.ts'

/**
 * A mistake in how dawnpress was set up (a config file, a site config, an output folder it
 * may not replace) rather than in an article: thrown, with the problems that say what is
 * wrong and where. Commands exit with 2 for it; content problems are returned, not thrown.
 *
 * @example
 * try { await build.build() } catch (error) {
 *   if (isProblemError(error)) console.error(formatProblems(error.problems))
 * }
 */
export class ProblemError extends Error {
  /** The code of the first problem, such as `OUTPUT_NOT_OWNED`. */
  readonly code: ProblemCode
  readonly problems: Problem[]

  constructor(problems: Problem[], options?: { cause?: unknown }) {
    const first = problems[0]
    super(first ? `${first.message} ${first.hint}` : 'dawnpress is not set up correctly.', options)
    this.name = 'ProblemError'
    this.code = first?.code ?? 'CONFIG_INVALID'
    this.problems = problems
  }
}

/** True for a `ProblemError`, also one from another copy of this package. */
export function isProblemError(error: unknown): error is ProblemError {
  return (
    error instanceof ProblemError ||
    (error instanceof Error &&
      error.name === 'ProblemError' &&
      Array.isArray((error as { problems?: unknown }).problems))
  )
}

/** One problem that is not tied to a position in a file (line and column 1). */
export function problemAt(
  file: string,
  code: ProblemCode,
  message: string,
  hint: string,
  extra: Partial<Problem> = {},
): Problem {
  return { file, line: 1, column: 1, path: [], code, severity: 'error', message, hint, ...extra }
}
