import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import AjvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import type { Log } from 'sarif'
import { describe, expect, it } from 'vitest'
import { FIXTURES, parseFixture } from '../test/support.ts'
import { describeCode } from './catalogue.ts'
import { formatSarif } from './format-sarif.ts'
import type { Problem } from './problems.ts'

// The SARIF 2.1.0 schema (test/fixtures/sarif/README.md says where it comes from).
const schema = JSON.parse(readFileSync(new URL('sarif/sarif-2.1.0-rtm.5.json', FIXTURES), 'utf8'))
// The schema's pattern for `language` has a stray `]`, which only non-Unicode RegExps accept.
// Both are CommonJS with an `exports.default`, which is what Node's ESM loader names `default`.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false })
ajvFormats.default(ajv)
const validate = ajv.compile(schema)

/** Parses a log and checks it against the schema. */
function parseValid(text: string): Log {
  const log = JSON.parse(text) as Log
  const valid = validate(log)
  expect(validate.errors ?? []).toEqual([])
  expect(valid).toBe(true)
  return log
}

const problem = (fields: Partial<Problem>): Problem => ({
  file: 'content/articles/a.md',
  line: 4,
  column: 7,
  path: ['authors', 1, 'email'],
  code: 'FIELD_INVALID',
  severity: 'error',
  message: 'The field "authors[1].email" is not an e-mail address.',
  hint: 'Write it as name@example.com.',
  ...fields,
})

describe('formatSarif', () => {
  it('writes a valid SARIF 2.1.0 log with a result at each problem of a real parse', () => {
    const { problems } = parseFixture('wrong-types/article.md')
    expect(problems.length).toBeGreaterThan(1)
    const log = parseValid(formatSarif(problems, { toolVersion: '1.2.3' }))
    expect(log.version).toBe('2.1.0')
    const [run] = log.runs
    expect(run?.tool.driver).toMatchObject({ name: 'dawnpress', version: '1.2.3' })
    expect(run?.columnKind).toBe('utf16CodeUnits')
    const rules = run?.tool.driver.rules ?? []
    const results = (run?.results ?? []).map((result) => ({
      rule: rules[result.ruleIndex ?? -1]?.id,
      ruleId: result.ruleId,
      level: result.level,
      text: result.message.text,
      ...result.locations?.[0]?.physicalLocation?.artifactLocation,
      ...result.locations?.[0]?.physicalLocation?.region,
    }))
    expect(results).toEqual(
      problems.map((one) => ({
        rule: one.code,
        ruleId: one.code,
        level: one.severity,
        text: `${one.message}\nhint: ${one.hint}`,
        uri: one.file,
        uriBaseId: '%SRCROOT%',
        startLine: one.line,
        startColumn: one.column,
      })),
    )
  })

  it('describes each code that occurs once, from the catalogue, in code order', () => {
    const log = parseValid(
      formatSarif([
        problem({ code: 'SLUG_DUPLICATE' }),
        problem({ code: 'FIELD_INVALID' }),
        problem({ code: 'SLUG_DUPLICATE', line: 9 }),
      ]),
    )
    const rules = log.runs[0]?.tool.driver.rules ?? []
    expect(rules).toEqual([
      {
        id: 'FIELD_INVALID',
        shortDescription: { text: describeCode('FIELD_INVALID').title },
        helpUri: describeCode('FIELD_INVALID').docs,
      },
      {
        id: 'SLUG_DUPLICATE',
        shortDescription: { text: describeCode('SLUG_DUPLICATE').title },
        helpUri: describeCode('SLUG_DUPLICATE').docs,
      },
    ])
    expect(log.runs[0]?.results?.map((result) => result.ruleIndex)).toEqual([1, 0, 1])
    expect(log.runs[0]?.tool.driver.version).toBeUndefined()
  })

  it('keeps the field path, and encodes paths as URIs relative to the root', () => {
    const cwd = join('/work', 'repo', 'site')
    const log = parseValid(
      formatSarif(
        [
          problem({ file: 'content/my article #1.md', severity: 'warning' }),
          problem({ file: '/elsewhere/site.json', path: [] }),
        ],
        { cwd, root: join('/work', 'repo') },
      ),
    )
    const [inside, outside] = log.runs[0]?.results ?? []
    expect(inside?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({
      uri: 'site/content/my%20article%20%231.md',
      uriBaseId: '%SRCROOT%',
    })
    expect(inside?.level).toBe('warning')
    expect(inside?.properties).toEqual({ field: 'authors[1].email' })
    expect(outside?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({
      uri: 'file:///elsewhere/site.json',
    })
    expect(outside?.properties).toBeUndefined()
  })

  it('gives the same bytes for the same problems, and an empty run for none', () => {
    const problems = [problem({}), problem({ line: 8 })]
    expect(formatSarif(problems)).toBe(formatSarif(problems))
    const log = parseValid(formatSarif([]))
    expect(log.runs[0]?.results).toEqual([])
    expect(log.runs[0]?.tool.driver.rules).toEqual([])
  })

  it('checks against a schema that refuses a broken log', () => {
    const log = JSON.parse(formatSarif([problem({})])) as Log
    const result = log.runs[0]?.results?.[0] as { message?: unknown; level?: unknown }
    result.level = 'fatal'
    delete result.message
    expect(validate(log)).toBe(false)
  })

  it('escapes control characters taken from the content', () => {
    const log = parseValid(formatSarif([problem({ message: 'Bad \u001b[2J and \u202e here.' })]))
    expect(log.runs[0]?.results?.[0]?.message.text).toMatch(/^Bad \\x1b\[2J and \\u202e here\./)
  })
})
