import { describe, expect, it } from 'vitest'
import { formatMarkdownTable, formatRows, ROW_COLUMNS } from './table.ts'

/** The cells of a Markdown table's body, unpadded. */
function parseTable(lines: string[]): string[][] {
  return lines.map((line) =>
    line
      .slice(2, -2)
      .split(/(?<!\\) \| /)
      .map((cell) => cell.trim().replaceAll('\\|', '|')),
  )
}

describe('formatMarkdownTable', () => {
  it('pads every column to its widest cell and escapes pipes', () => {
    const lines = formatMarkdownTable(
      ['a', 'b'],
      [
        ['x|y', 'long cell'],
        ['z', ''],
      ],
    )
    const widths = new Set(lines.map((line) => line.length))
    expect(widths.size).toBe(1)
    expect(lines[1]).toMatch(/^\| -+ \| -+ \|$/)
    expect(parseTable([lines[0] as string, ...lines.slice(2)])).toEqual([
      ['a', 'b'],
      ['x|y', 'long cell'],
      ['z', ''],
    ])
  })
})

describe('formatRows', () => {
  it('prints every column of a row, load included', () => {
    const lines = formatRows([
      {
        what: 'rebuild, nothing changed',
        dawnpress: '0.47 s',
        peer: 'content-collections: 7.00 s',
        ratio: '14.9× (pairs 14.9)',
        target: '< 0.5 s',
        verdict: 'met',
        load: '0.21–0.40',
      },
    ])
    const [header, body] = parseTable([lines[0] as string, lines[2] as string])
    expect(header).toEqual([...ROW_COLUMNS])
    expect(body).toEqual([
      'rebuild, nothing changed',
      '0.47 s',
      'content-collections: 7.00 s',
      '14.9× (pairs 14.9)',
      '< 0.5 s',
      'met',
      '0.21–0.40',
    ])
  })
})
