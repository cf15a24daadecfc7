import type { Problem } from '@dawnpress/core'
import { formatProblems } from '@dawnpress/core/format'

/** Prints problems for people on `stream`, in colour when it is a terminal that wants it. */
export function printProblems(
  problems: readonly Problem[],
  stream: NodeJS.WriteStream = process.stderr,
): void {
  if (problems.length === 0) return
  const color = stream.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb'
  stream.write(formatProblems(problems, { color }))
}
