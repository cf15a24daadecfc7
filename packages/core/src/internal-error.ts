import { type Problem, quote } from './problems.ts'

/** Where `INTERNAL_ERROR` problems ask to be reported. */
const ISSUES_URL = 'https://github.com/dawnpress/dawnpress/issues'

/**
 * The problem for an exception dawnpress did not expect while reading one file: a bug of
 * dawnpress, reported as a problem of that file so that the run goes on and every other
 * file is still checked. The error is kept as `cause`, and its stack as `stack`.
 */
export function internalErrorProblem(file: string, error: unknown): Problem {
  const problem: Problem = {
    file,
    line: 1,
    column: 1,
    path: [],
    code: 'INTERNAL_ERROR',
    severity: 'error',
    message: `dawnpress failed on this file (${quote(errorMessage(error), 160)}); this is a bug in dawnpress, not a mistake in the article.`,
    hint: `Please report it at ${ISSUES_URL} with the file, or the part of it that fails, and the stack ("dawnpress check --format json" shows it). Every other file was checked as usual.`,
    cause: error,
  }
  const stack = error instanceof Error ? error.stack : undefined
  if (typeof stack === 'string') problem.stack = stack
  return problem
}

/**
 * The problem as a worker thread can post it: unchanged when its `cause` can be copied to
 * another thread (an `Error` can), else with the cause as plain `{ name, message, stack }`,
 * since one value that cannot be copied would lose the whole batch of results.
 */
export function toPostableProblem(problem: Problem): Problem {
  if (problem.cause === undefined) return problem
  try {
    structuredClone(problem.cause)
    return problem
  } catch {
    return { ...problem, cause: toPlainError(problem.cause) }
  }
}

/** Any thrown value as plain data that every thread can copy. */
export function toPlainError(error: unknown): { name: string; message: string; stack?: string } {
  const plain: { name: string; message: string; stack?: string } = {
    name: error instanceof Error ? String(error.name) : typeof error,
    message: errorMessage(error),
  }
  const stack = error instanceof Error ? error.stack : undefined
  if (typeof stack === 'string') plain.stack = stack
  return plain
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return String(error.message)
  try {
    return String(error)
  } catch {
    // An object whose toString throws, or one without a prototype.
    return Object.prototype.toString.call(error)
  }
}
