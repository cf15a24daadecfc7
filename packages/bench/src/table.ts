import type { Row } from './rows.ts'

/** The columns of the table, and the load column the issue asks every quote to have. */
export const ROW_COLUMNS = [
  'what',
  'dawnpress',
  'the peer, same run',
  'ratio, pair by pair',
  'target',
  'met?',
  'load 1-min',
] as const

/**
 * The rows as a Markdown table, padded so that it also reads as plain text in a terminal,
 * and can be pasted into a README as it is.
 */
export function formatRows(rows: readonly Row[]): string[] {
  return formatMarkdownTable(
    [...ROW_COLUMNS],
    rows.map((row) => [
      row.what,
      row.dawnpress,
      row.peer,
      row.ratio,
      row.target,
      row.verdict,
      row.load,
    ]),
  )
}

/** A Markdown table with every column padded to its widest cell; `|` in a cell is escaped. */
export function formatMarkdownTable(header: string[], body: string[][]): string[] {
  const cells = [header, ...body].map((row) => row.map((cell) => cell.replaceAll('|', '\\|')))
  const widths = header.map((_, column) =>
    Math.max(3, ...cells.map((row) => (row[column] ?? '').length)),
  )
  const line = (row: string[]) =>
    `| ${widths.map((width, column) => (row[column] ?? '').padEnd(width)).join(' | ')} |`
  return [
    line(cells[0] as string[]),
    `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`,
    ...cells.slice(1).map(line),
  ]
}
