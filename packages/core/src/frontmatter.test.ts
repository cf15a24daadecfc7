import { existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import matter from 'gray-matter'
import { afterEach, describe, expect, it } from 'vitest'
import { FIXTURES, onlyProblem, where } from '../test/support.ts'
import { parseArticle } from './parse.ts'

describe('parseArticle: frontmatter that cannot be read', () => {
  it('reports a file without frontmatter at its first line', () => {
    const problem = onlyProblem('missing-frontmatter/article.md')
    expect(where(problem)).toEqual({
      code: 'FRONTMATTER_MISSING',
      severity: 'error',
      line: 1,
      column: 1,
      path: [],
    })
    expect(problem.message).toContain('does not start with a "---" line')
    expect(problem.hint).toContain('"---"')
  })

  it('reports frontmatter that is never closed', () => {
    const problem = onlyProblem('unterminated-frontmatter/article.md')
    expect(where(problem)).toEqual({
      code: 'FRONTMATTER_UNTERMINATED',
      severity: 'error',
      line: 1,
      column: 1,
      path: [],
    })
    expect(problem.message).toContain('never closed')
    expect(problem.hint).toContain('"---"')
  })

  it('reports a closing line that is not exactly "---" at that line', () => {
    const { problems } = parseArticle('---\ntitle: x\ndescription: y\n---- \nBody\n', {
      file: 'a.md',
    })
    expect(problems.map(where)).toEqual([
      { code: 'FRONTMATTER_UNTERMINATED', severity: 'error', line: 4, column: 4, path: [] },
    ])
    expect(problems[0]?.hint).toContain('line 4')
  })

  it('reports invalid YAML at the position of the error', () => {
    const problem = onlyProblem('invalid-yaml/article.md')
    // `title: Part 1: The start`: the second ": " starts a mapping YAML does not allow here.
    expect(where(problem)).toEqual({
      code: 'FRONTMATTER_YAML',
      severity: 'error',
      line: 2,
      column: 8,
      path: [],
    })
    expect(problem.message).toMatch(/^The frontmatter is not valid YAML: nested mappings/)
    expect(problem.hint).toContain('quotes')
    expect(problem.cause).toBeInstanceOf(Error)
  })

  it('reports a repeated field as a YAML error on its second line', () => {
    const { problems } = parseArticle('---\ntitle: a\ndescription: b\ntitle: c\n---\nBody\n', {
      file: 'a.md',
    })
    expect(problems.map(where)).toEqual([
      { code: 'FRONTMATTER_YAML', severity: 'error', line: 4, column: 1, path: [] },
    ])
    expect(problems[0]?.hint).toContain('once')
  })

  it('reports frontmatter that is a list instead of fields', () => {
    const { problems } = parseArticle('---\n- a\n- b\n---\nBody\n', { file: 'a.md' })
    expect(problems.map(where)).toEqual([
      { code: 'FRONTMATTER_NOT_OBJECT', severity: 'error', line: 2, column: 1, path: [] },
    ])
    expect(problems[0]?.message).toContain('a list of 2 items')
  })
})

describe('parseArticle: the language named on the opening line', () => {
  const withLanguage = (language: string, fields: string) =>
    parseArticle(`---${language}\n${fields}\n---\nBody\n`, { file: 'a.md' })

  it.each(['JSON', 'Json', 'json', ' JSON '])(
    'reads ---%s frontmatter as JSON instead of throwing (regression: gray-matter looked up "JSON" case-sensitively and crashed check and build)',
    (language) => {
      const { article, problems } = withLanguage(language, '{"title": "T", "description": "D."}')
      expect(problems).toEqual([])
      expect(article).toMatchObject({ title: 'T', description: 'D.' })
    },
  )

  it.each(['YAML', 'Yaml', 'yml', 'YML'])('reads ---%s frontmatter as YAML', (language) => {
    const { article, problems } = withLanguage(language, 'title: T\ndescription: D.')
    expect(problems).toEqual([])
    expect(article).toMatchObject({ title: 'T', description: 'D.' })
  })

  it.each(['toml', 'JS', 'Javascript', 'coffee', 'JSON5', 'constructor', '__proto__', 'yaml json'])(
    'refuses ---%s frontmatter as FRONTMATTER_ENGINE without throwing',
    (language) => {
      const { article, problems } = withLanguage(language, 'title: T\ndescription: D.')
      expect(article).toBeUndefined()
      expect(problems.map(where)).toEqual([
        { code: 'FRONTMATTER_ENGINE', severity: 'error', line: 1, column: 4, path: [] },
      ])
    },
  )

  it('keeps file positions in JSON frontmatter', () => {
    const { problems } = withLanguage('JSON', '{\n  "title": "T",\n  "description": 3\n}')
    expect(problems.map(where)).toEqual([
      { code: 'FIELD_INVALID', severity: 'error', line: 4, column: 18, path: ['description'] },
    ])
  })
})

describe('parseArticle: frontmatter never runs code', () => {
  const marker = join(tmpdir(), `dawnpress-pwned-${process.pid}`)
  afterEach(() => {
    delete (globalThis as { __dawnpressPwned?: unknown }).__dawnpressPwned
    rmSync(marker, { force: true })
    delete process.env.DAWNPRESS_PWNED_FILE
  })

  it('has a payload that does run under gray-matter defaults (so the next tests mean something)', () => {
    process.env.DAWNPRESS_PWNED_FILE = marker
    const source = readFileSync(new URL('js-engine/js.md', FIXTURES), 'utf8')
    matter(source, {})
    expect((globalThis as { __dawnpressPwned?: unknown }).__dawnpressPwned).toBe('js')
    expect(existsSync(marker)).toBe(true)
  })

  it.each(['js', 'javascript'])('refuses ---%s frontmatter without evaluating it', (language) => {
    process.env.DAWNPRESS_PWNED_FILE = marker
    const problem = onlyProblem(`js-engine/${language}.md`)
    expect(where(problem)).toEqual({
      code: 'FRONTMATTER_ENGINE',
      severity: 'error',
      line: 1,
      column: 4,
      path: [],
    })
    expect(problem.message).toContain(`"${language}"`)
    expect(problem.message).toContain('never runs')
    expect((globalThis as { __dawnpressPwned?: unknown }).__dawnpressPwned).toBeUndefined()
    expect(existsSync(marker)).toBe(false)
  })
})
