import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURES, runCli } from '../test/run-cli.ts'

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
