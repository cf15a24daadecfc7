import { describe, expect, it } from 'vitest'
import { type BenchResult, formatReport } from './report.ts'
import type { ScenarioResult, ToolResult } from './run.ts'

function scenario(seconds: number, peakRssMb: number, cpuSeconds = seconds): ScenarioResult {
  return { seconds, peakRssMb, cpuSeconds, runs: [{ seconds, peakRssMb, cpuSeconds }] }
}

function result(tools: ToolResult[]): BenchResult {
  return {
    measuredAt: '2026-01-01T00:00:00.000Z',
    machine: {
      cpuModel: 'Test CPU',
      cores: 2,
      memoryGb: 24,
      node: 'v20.0.0',
      platform: 'linux-x64',
      loadAverage: { before: 0.5, after: 0.7 },
    },
    versions: { velite: '0.4.0' },
    seed: 'dawnpress',
    sizes: [
      {
        corpus: {
          size: 1000,
          seed: 'dawnpress',
          words: 850_000,
          bytes: 1,
          sha256: 'x',
          meanWords: 850,
        },
        tools,
      },
    ],
  }
}

/** The table rows of the report, split into cells. */
function rows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => /^(tool|dawnpress|content-collections|velite| {2}×)/.test(line))
    .map((line) => line.trim().split(/\s{2,}/))
}

describe('formatReport', () => {
  it('puts each peer beside dawnpress with its ratio to every dawnpress figure', () => {
    const text = formatReport(
      result([
        {
          name: 'dawnpress',
          description: 'd',
          cold: scenario(2, 100),
          warm: scenario(0.5, 80),
          changed: scenario(1, 90),
        },
        {
          name: 'content-collections',
          description: 'c',
          cold: scenario(16, 300),
          warm: scenario(2, 250),
          changed: scenario(3, 260),
        },
      ]),
    )
    expect(rows(text)).toEqual([
      ['tool', 'runs', 'cold s', 'warm s', '1 changed s', 'peak RSS MB', 'cold CPU s'],
      ['dawnpress', '1', '2.00', '0.50', '1.00', '100', '2.00'],
      ['content-collections', '1', '16.00', '2.00', '3.00', '300', '16.00'],
      ['× dawnpress', '8.0×', '4.0×', '3.0×', '3.0×', '8.0×'],
    ])
    expect(text).toContain('load average 0.5 before, 0.7 after')
  })

  it('shows a dash, and the reason, for figures that were not measured', () => {
    const text = formatReport(
      result([
        { name: 'dawnpress', description: 'd', cold: scenario(1, 100) },
        { name: 'velite', description: 'v', cold: scenario(10, 200), note: 'warm not run' },
      ]),
    )
    expect(rows(text)[2]).toEqual(['velite', '1', '10.00', '–', '–', '200', '10.00'])
    expect(text).toContain('velite: warm not run')
  })
})
