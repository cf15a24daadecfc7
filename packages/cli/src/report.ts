import { readFileSync } from 'node:fs'
import { styleText } from 'node:util'
import type { Problem } from '@dawnpress/core'
import type { CardWarning } from '@dawnpress/og'

type Style = Parameters<typeof styleText>[0]

/** Colours only for a terminal that wants them. */
function paint(stream: NodeJS.WriteStream, style: Style, text: string): string {
  const wanted = stream.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb'
  return wanted ? styleText(style, text) : text
}

/**
 * Formats problems for people: `file:line:col  severity  message [CODE]`, a few lines of the
 * source around the position with a caret, and the hint.
 */
export function formatProblems(
  problems: readonly Problem[],
  stream: NodeJS.WriteStream = process.stdout,
): string {
  const sources = new Map<string, string[] | undefined>()
  const lines: string[] = []
  for (const problem of problems) {
    const severity =
      problem.severity === 'error'
        ? paint(stream, ['bold', 'red'], 'error  ')
        : paint(stream, ['bold', 'yellow'], 'warning')
    const where = paint(stream, 'cyan', `${problem.file}:${problem.line}:${problem.column}`)
    lines.push(
      `${where}  ${severity}  ${problem.message} ${paint(stream, 'dim', `[${problem.code}]`)}`,
    )
    if (!sources.has(problem.file)) sources.set(problem.file, readLines(problem.file))
    const frame = codeFrame(sources.get(problem.file), problem.line, problem.column)
    if (frame) lines.push(paint(stream, 'dim', frame))
    lines.push(`  ${paint(stream, 'green', 'hint:')} ${problem.hint}`, '')
  }
  return lines.join('\n')
}

/** One line per count: `✖ 2 errors, 1 warning in 3 files`. */
export function summarise(problems: readonly Problem[], articleCount: number): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length
  const warnings = problems.length - errors
  const files = new Set(problems.map((problem) => problem.file)).size
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`
  if (problems.length === 0) return `✔ ${plural(articleCount, 'article')} checked, no problems.`
  const mark = errors > 0 ? '✖' : '⚠'
  return `${mark} ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')} (${plural(articleCount, 'valid article')}).`
}

function readLines(file: string): string[] | undefined {
  try {
    return readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').split('\n')
  } catch {
    return undefined
  }
}

const FRAME_WIDTH = 100

function codeFrame(lines: string[] | undefined, line: number, column: number): string {
  if (!lines || line < 1 || line > lines.length) return ''
  const first = Math.max(1, line - 1)
  const last = Math.min(lines.length, line + 1)
  const width = String(last).length
  const out: string[] = []
  for (let number = first; number <= last; number++) {
    const text = (lines[number - 1] ?? '').slice(0, FRAME_WIDTH)
    const marker = number === line ? '>' : ' '
    out.push(`  ${marker} ${String(number).padStart(width)} | ${text}`)
    if (number === line) {
      out.push(`    ${' '.repeat(width)} | ${' '.repeat(Math.min(column - 1, FRAME_WIDTH))}^`)
    }
  }
  return out.join('\n')
}

/** A card that cannot draw a character is a warning about the article's title or description. */
export function cardWarningToProblem(warning: CardWarning, file: string): Problem {
  const { slug: _slug, character: _character, codePoint: _codePoint, ...problem } = warning
  return { ...problem, file, line: 1, column: 1, path: ['title'] }
}
