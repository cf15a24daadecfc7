import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseFixture } from '../test/support.ts'
import { formatGithubAnnotations } from './format-github.ts'
import type { Problem } from './problems.ts'

/** One workflow command, read back as GitHub's runner reads it. */
interface Annotation {
  command: string
  properties: Record<string, string>
  message: string
}

// The runner's unescaping of workflow commands (the inverse of @actions/core's escaping).
const unescapeData = (text: string) =>
  text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescapeProperty = (text: string) =>
  unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','))

/** Every line of the output that starts a workflow command, parsed. */
function parseAnnotations(output: string): Annotation[] {
  return output
    .split(/\r\n|\r|\n/)
    .filter((line) => line.startsWith('::'))
    .map((line) => {
      const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
      if (!match) throw new Error(`Not a workflow command: ${line}`)
      const properties = Object.fromEntries(
        (match[2] ?? '')
          .split(',')
          .filter(Boolean)
          .map((pair) => {
            const [key = '', value = ''] = pair.split('=')
            return [key, unescapeProperty(value)]
          }),
      )
      return { command: match[1] ?? '', properties, message: unescapeData(match[3] ?? '') }
    })
}

const problem = (fields: Partial<Problem>): Problem => ({
  file: 'content/articles/a.md',
  line: 4,
  column: 7,
  path: ['date'],
  code: 'FIELD_INVALID',
  severity: 'error',
  message: 'The field "date" is not a date.',
  hint: 'Write it as 2025-01-15.',
  ...fields,
})

describe('formatGithubAnnotations', () => {
  it('gives each problem of a real parse an annotation at its file, line and column', () => {
    const { problems } = parseFixture('wrong-types/article.md')
    expect(problems.length).toBeGreaterThan(1)
    const annotations = parseAnnotations(formatGithubAnnotations(problems))
    expect(annotations).toEqual(
      problems.map((one) => ({
        command: one.severity,
        properties: {
          file: one.file,
          line: String(one.line),
          col: String(one.column),
          title: expect.stringContaining(`(${one.code})`),
        },
        message: `${one.message}\nhint: ${one.hint}`,
      })),
    )
  })

  it('writes warnings as ::warning and errors as ::error', () => {
    const output = formatGithubAnnotations([
      problem({ severity: 'warning', code: 'READ_TIME_MISMATCH' }),
      problem({}),
    ])
    expect(parseAnnotations(output).map((one) => one.command)).toEqual(['warning', 'error'])
    expect(parseAnnotations(output)[0]?.properties.title).toBe(
      'Reading time far off (READ_TIME_MISMATCH)',
    )
  })

  it('makes paths relative to the root, and keeps files outside it absolute', () => {
    const cwd = join('/work', 'repo', 'site')
    const output = formatGithubAnnotations(
      [problem({ file: 'content/a.md' }), problem({ file: '/elsewhere/site.json' })],
      { cwd, root: join('/work', 'repo') },
    )
    expect(parseAnnotations(output).map((one) => one.properties.file)).toEqual([
      'site/content/a.md',
      '/elsewhere/site.json',
    ])
  })

  it('never lets an article start a workflow command of its own', () => {
    const hostile = problem({
      file: 'content/articles/a,b:c.md',
      message: 'Quoted "x\n::add-mask::secret\r::set-output name=x::y" 100%0A done',
      hint: 'Also\u001b[31m red \u202e reversed',
    })
    const output = formatGithubAnnotations([hostile])
    // One line, one command, whatever the message holds.
    expect(output.endsWith('\n')).toBe(true)
    expect(output.slice(0, -1).split(/\r|\n/)).toHaveLength(1)
    const [annotation] = parseAnnotations(output)
    expect(annotation?.properties.file).toBe('content/articles/a,b:c.md')
    expect(annotation?.message).toBe(
      'Quoted "x\\x0a::add-mask::secret\\x0d::set-output name=x::y" 100%0A done\nhint: Also\\x1b[31m red \\u202e reversed',
    )
  })

  it('prints nothing for no problems', () => {
    expect(formatGithubAnnotations([])).toBe('')
  })
})
