import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURES, REPO_ROOT, runCli } from '../test/run-cli.ts'

interface JsonProblem {
  file: string
  line: number
  column: number
  path: (string | number)[]
  code: string
  severity: string
  message: string
  hint: string
}

/** The parts of a SARIF log these tests read (the full schema is checked in core). */
interface SarifLog {
  version: string
  runs: [
    {
      tool: { driver: { name: string; version?: string } }
      results: {
        ruleId: string
        level: string
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: string }
              region: { startLine: number; startColumn: number }
            }
          },
        ]
      }[]
    },
  ]
}

function checkJson(content: string) {
  const result = runCli(['check', '--content', content, '--format', 'json'])
  return { ...result, problems: JSON.parse(result.stdout) as JsonProblem[] }
}

describe('dawnpress check', () => {
  it('passes on the publication with only the read_time warning of the seed article', () => {
    const { code, problems } = checkJson('content')
    expect(code).toBe(0)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({
      file: 'content/articles/the-dawn-of-large-language-models.md',
      code: 'READ_TIME_MISMATCH',
      severity: 'warning',
      line: 3,
      column: 12,
    })
    expect(problems[0]?.message).toMatch(/10 min.*\d+ words.*\d+ min/)
  })

  it('lists every problem of every broken article with its line and column', () => {
    const { code, problems } = checkJson(join(FIXTURES, 'broken'))
    expect(code).toBe(1)
    const found = problems.map((problem) => [
      problem.file.replace(/^.*\/articles\//, ''),
      problem.code,
      problem.line,
      problem.column,
    ])
    expect(found).toEqual(
      expect.arrayContaining([
        ['bad-date.md', 'FIELD_INVALID', 4, 7],
        ['bad-date.md', 'FIELD_UNKNOWN', 5, 1],
        ['bad-slug.md', 'SLUG_INVALID', 4, 7],
        ['bad-yaml.md', 'FRONTMATTER_YAML', expect.any(Number), expect.any(Number)],
        ['duplicate.md', 'SLUG_DUPLICATE', expect.any(Number), expect.any(Number)],
        ['valid.md', 'SLUG_DUPLICATE', expect.any(Number), expect.any(Number)],
        ['empty-body.md', 'BODY_EMPTY', 5, 1],
        ['unterminated.md', 'FRONTMATTER_UNTERMINATED', 1, 1],
        ['wrong-type.md', 'FIELD_INVALID', 2, 8],
      ]),
    )
    for (const problem of problems) {
      expect(problem.message.length).toBeGreaterThan(10)
      expect(problem.hint.length).toBeGreaterThan(10)
    }
  })

  it('prints a code frame and the hint in the pretty format', () => {
    const { code, stdout } = runCli(['check', '--content', join(FIXTURES, 'broken')])
    expect(code).toBe(1)
    expect(stdout).toMatch(/wrong-type\.md:2:8 {2}error {4}The field "title" must be text/)
    expect(stdout).toContain('> 2 | title: 42')
    expect(stdout).toMatch(/hint: /)
    expect(stdout).toMatch(/8 errors, 1 warning in 8 files/)
  })

  it('checks any folder of Markdown files, without a site config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dawnpress-plain-'))
    writeFileSync(
      join(dir, 'a.md'),
      '---\ntitle: A\ndescription: B\ndate: 2025-01-01\n---\n\nText.\n',
    )
    const { code, problems } = checkJson(dir)
    expect(code).toBe(0)
    expect(problems).toEqual([])
  })

  it('reads the body too: a missing image and a link to a missing article, at their line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dawnpress-body-'))
    writeFileSync(
      join(dir, 'a.md'),
      '---\ntitle: A\ndescription: B\ndate: 2025-01-01\n---\n\nSee ![the chart](./chart.png) and [the next](./b.md).\n',
    )
    const { code, problems } = checkJson(dir)
    expect(code).toBe(1)
    expect(problems.map(({ code, line, column }) => ({ code, line, column }))).toEqual([
      { code: 'ASSET_MISSING', line: 7, column: 18 },
      { code: 'LINK_TARGET_MISSING', line: 7, column: 46 },
    ])
  })

  it('lists scheduled articles apart, with their date, and passes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dawnpress-scheduled-'))
    writeFileSync(
      join(dir, 'later.md'),
      '---\ntitle: Later\ndescription: B\ndate: 2099-01-01\n---\n\nText.\n',
    )
    const { code, stdout } = runCli(['check', '--content', dir])
    expect(code).toBe(0)
    expect(stdout).toMatch(/later\.md {2}scheduled for 2099-01-01: builds leave it out until then/)
  })

  it('prints a GitHub annotation at the position of each problem of the JSON output', () => {
    const content = join(FIXTURES, 'broken')
    const expected = checkJson(content).problems
    const { code, stdout } = runCli(['check', '--content', content, '--format', 'github'], {
      env: { GITHUB_WORKSPACE: REPO_ROOT },
    })
    expect(code).toBe(1)
    const annotations = stdout
      .split('\n')
      .filter((line) => line.startsWith('::'))
      .map((line) => {
        const match =
          /^::(error|warning) file=([^,]*),line=(\d+),col=(\d+),title=[^:]*::(.*)$/.exec(line)
        if (!match) throw new Error(`Not an annotation: ${line}`)
        return {
          severity: match[1],
          file: decodeURIComponent(match[2] ?? ''),
          line: Number(match[3]),
          column: Number(match[4]),
          message: decodeURIComponent(match[5] ?? ''),
        }
      })
    expect(annotations).toEqual(
      expected.map((problem) => ({
        severity: problem.severity,
        file: relative(REPO_ROOT, resolve(REPO_ROOT, problem.file)),
        line: problem.line,
        column: problem.column,
        message: `${problem.message}\nhint: ${problem.hint}`,
      })),
    )
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/8 errors, 1 warning in 8 files/)
  })

  it('writes a SARIF log with a result at the position of each problem of the JSON output', () => {
    const content = join(FIXTURES, 'broken')
    const expected = checkJson(content).problems
    const { code, stdout } = runCli(['check', '--content', content, '--format', 'sarif'], {
      env: { GITHUB_WORKSPACE: REPO_ROOT },
    })
    expect(code).toBe(1)
    const log = JSON.parse(stdout) as SarifLog
    expect(log.version).toBe('2.1.0')
    const [run] = log.runs
    expect(run.tool.driver.name).toBe('dawnpress')
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/)
    expect(
      run.results.map((result) => ({
        code: result.ruleId,
        level: result.level,
        uri: decodeURIComponent(result.locations[0].physicalLocation.artifactLocation.uri),
        line: result.locations[0].physicalLocation.region.startLine,
        column: result.locations[0].physicalLocation.region.startColumn,
      })),
    ).toEqual(
      expected.map((problem) => ({
        code: problem.code,
        level: problem.severity,
        uri: relative(REPO_ROOT, resolve(REPO_ROOT, problem.file)),
        line: problem.line,
        column: problem.column,
      })),
    )
  })

  it('prints configuration problems in the machine format asked for, and exits with 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dawnpress-site-'))
    writeFileSync(join(dir, 'site.json'), '{\n  "title": "T",\n  "url": "not a url"\n}\n')
    const github = runCli(['check', '--content', dir, '--format', 'github'])
    expect(github.code).toBe(2)
    expect(github.stdout).toMatch(/^::error file=[^,]*site\.json,line=3,col=10,/m)
    const sarif = runCli(['check', '--content', dir, '--format', 'sarif'])
    expect(sarif.code).toBe(2)
    const region = (JSON.parse(sarif.stdout) as SarifLog).runs[0].results.find(
      (result) => result.locations[0].physicalLocation.region.startLine === 3,
    )
    expect(region?.ruleId).toBe('FIELD_INVALID')
  })

  it('exits with 2 for a usage mistake', () => {
    expect(runCli(['check', '--format', 'xml']).code).toBe(2)
    expect(runCli(['check', '--nope']).code).toBe(2)
    expect(runCli(['frobnicate']).code).toBe(2)
    expect(runCli(['check', '--content', 'does/not/exist']).code).toBe(2)
  })

  it('exits with 2 and points at the setting when site.json is invalid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dawnpress-site-'))
    writeFileSync(join(dir, 'site.json'), '{\n  "title": "T",\n  "url": "not a url"\n}\n')
    const { code, problems } = checkJson(dir)
    expect(code).toBe(2)
    expect(problems.find((problem) => problem.path[0] === 'url')).toMatchObject({
      code: 'FIELD_INVALID',
      file: join(dir, 'site.json'),
      line: 3,
      column: 10,
    })
  })
})
