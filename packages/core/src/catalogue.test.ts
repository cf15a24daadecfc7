import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { describeCode } from './catalogue.ts'
import { PROBLEM_CODES } from './problems.ts'

const DOCS = readFileSync(new URL('../../../docs/problems.md', import.meta.url), 'utf8')

describe('the problem catalogue', () => {
  it.each(PROBLEM_CODES)('documents %s in docs/problems.md, with its title', (code) => {
    const { title, docs } = describeCode(code)
    const section = new RegExp(`^### ${code.toLowerCase()}\\n\\*\\*${title}\\*\\*`, 'm')
    expect(DOCS).toMatch(section)
    expect(docs).toMatch(new RegExp(`/docs/problems\\.md#${code.toLowerCase()}$`))
  })

  it('documents no code that does not exist', () => {
    const documented = [...DOCS.matchAll(/^### (\w+)$/gm)].map((match) => match[1]?.toUpperCase())
    expect(documented.sort()).toEqual([...PROBLEM_CODES].sort())
  })
})
