import { readFileSync } from 'node:fs'
import { styleText } from 'node:util'
import { describeCode } from './catalogue.ts'
import type { Problem } from './problems.ts'

/** Options of `formatProblems`. */
export interface FormatProblemsOptions {
  /**
   * Colour the output with ANSI escapes. @default true when stdout is a terminal that wants
   * colour (not `NO_COLOR`, not `TERM=dumb`)
   */
  color?: boolean
  /** Reads a problem's file for the code frame; undefined leaves the frame out. @default from disk */
  readFile?: (file: string) => string | undefined
}

type Style = Parameters<typeof styleText>[0]

/**
 * Problems as people read them in a terminal: `file:line:col  severity  message [CODE]`, the
 * source lines around the position with a caret, and the hint. Everything taken from the
 * content (paths, messages that quote it, the source lines) has its control characters
 * escaped, so that an article can never send escape sequences to the terminal.
 *
 * @example
 * process.stderr.write(formatProblems(result.problems))
 */
export function formatProblems(
  problems: readonly Problem[],
  options: FormatProblemsOptions = {},
): string {
  const color = options.color ?? wantsColor(process.stdout)
  const paint = (style: Style, text: string) => (color ? styleText(style, text) : text)
  const read = options.readFile ?? readSource
  const sources = new Map<string, string[] | undefined>()
  const lines: string[] = []
  for (const problem of problems) {
    const severity =
      problem.severity === 'error'
        ? paint(['bold', 'red'], 'error  ')
        : paint(['bold', 'yellow'], 'warning')
    const where = paint('cyan', `${escapeControl(problem.file)}:${problem.line}:${problem.column}`)
    lines.push(
      `${where}  ${severity}  ${escapeControl(problem.message)} ${paint('dim', `[${problem.code}]`)}`,
    )
    if (!sources.has(problem.file)) {
      sources.set(problem.file, read(problem.file)?.replace(/\r\n?/g, '\n').split('\n'))
    }
    const frame = codeFrame(sources.get(problem.file), problem.line, problem.column)
    if (frame) lines.push(paint('dim', frame))
    lines.push(`  ${paint('green', 'hint:')} ${escapeControl(problem.hint)}`, '')
  }
  return lines.join('\n')
}

/**
 * One line that counts the problems: `✖ 2 errors, 1 warning in 3 files (5 valid articles).`
 * or `✔ 5 articles checked, no problems.`
 */
export function summarizeProblems(problems: readonly Problem[], articleCount: number): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length
  const warnings = problems.length - errors
  const files = new Set(problems.map((problem) => problem.file)).size
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`
  if (problems.length === 0) return `✔ ${plural(articleCount, 'article')} checked, no problems.`
  const mark = errors > 0 ? '✖' : '⚠'
  return `${mark} ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')} (${plural(articleCount, 'valid article')}).`
}

/**
 * A problem as plain data for `JSON.stringify`: every field but `cause`, which can hold
 * anything; for a bug of dawnpress (`INTERNAL_ERROR`), the stack of what went wrong as
 * `stack`, for the report. Codes also carry their title from the catalogue.
 */
export function problemToJson(problem: Problem): Omit<Problem, 'cause'> & {
  title: string
  stack?: string
} {
  const { cause, ...rest } = problem
  const stack = cause instanceof Error ? cause.stack : undefined
  return {
    ...rest,
    title: describeCode(problem.code).title,
    ...(problem.code === 'INTERNAL_ERROR' && stack !== undefined ? { stack } : {}),
  }
}

/**
 * Text with every control character shown as an escape (`\x1b`, `\u202e`), so that it can be
 * printed to a terminal as it is: C0 and C1 controls, DEL, and the bidirectional overrides
 * that can make a line read other than it is. Tabs stay tabs.
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (character) => {
    const code = character.charCodeAt(0)
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

function wantsColor(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb'
}

function readSource(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
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
    const text = escapeControl((lines[number - 1] ?? '').slice(0, FRAME_WIDTH))
    const marker = number === line ? '>' : ' '
    out.push(`  ${marker} ${String(number).padStart(width)} | ${text}`)
    if (number === line) {
      const before = escapeControl((lines[number - 1] ?? '').slice(0, Math.max(0, column - 1)))
      const caret = Math.min(before.length, FRAME_WIDTH)
      out.push(`    ${' '.repeat(width)} | ${' '.repeat(caret)}^`)
    }
  }
  return out.join('\n')
}
