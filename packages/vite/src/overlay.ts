import { resolve } from 'node:path'
import { formatProblems, type Problem } from '@dawnpress/core'
import type { ErrorPayload } from 'vite'

/**
 * The error Vite's overlay shows for content problems: the first error's file, line and
 * column as the overlay's location (a click opens it in the editor), and every error and
 * warning of the build as `file:line:col  severity  message [CODE]`, the lines around it and
 * the hint, as the terminal shows them but without colour. The overlay sets it as text, and
 * `formatProblems` has escaped the control characters of the content already.
 *
 * Returns undefined when no problem is an error: warnings alone do not stop the app.
 */
export function toErrorPayload(
  problems: readonly Problem[],
  options: { cwd?: string; readFile?: (file: string) => string | undefined } = {},
): ErrorPayload | undefined {
  const first = problems.find((problem) => problem.severity === 'error')
  if (first === undefined) return undefined
  const cwd = options.cwd ?? process.cwd()
  const file = resolve(cwd, first.file)
  const report = formatProblems(problems, {
    color: false,
    ...(options.readFile === undefined ? {} : { readFile: options.readFile }),
  })
  const errors = problems.filter((problem) => problem.severity === 'error').length
  const heading = `The content has ${errors} error${errors === 1 ? '' : 's'}: the app shows the last content that built until ${errors === 1 ? 'it is' : 'they are'} fixed.`
  return {
    type: 'error',
    err: {
      message: `${heading}\n\n${report.trimEnd()}`,
      stack: '',
      id: file,
      plugin: 'dawnpress',
      loc: { file, line: first.line, column: first.column },
    },
  }
}
