import { join } from 'node:path'
import { parseArticle } from '@dawnpress/core'
import { describe, expect, it } from 'vitest'
import { toErrorPayload } from './overlay.ts'

const SOURCE = '---\ntitle: Hello\ndescription: A test.\ndate: not a date\n---\n\nText.\n'
const CWD = join('/work', 'app')

function problemsOf(source: string) {
  return parseArticle(source, { file: 'content/articles/hello.md', path: 'hello.md' }).problems
}

describe('toErrorPayload', () => {
  it('points the overlay at the first error, with its absolute file, line and column', () => {
    const problems = problemsOf(SOURCE)
    const [first] = problems
    expect(first?.severity).toBe('error')
    const payload = toErrorPayload(problems, { cwd: CWD, readFile: () => SOURCE })
    expect(payload?.type).toBe('error')
    expect(payload?.err.plugin).toBe('dawnpress')
    expect(payload?.err.loc).toEqual({
      file: join(CWD, 'content/articles/hello.md'),
      line: first?.line,
      column: first?.column,
    })
    expect(first).toMatchObject({ line: 4, column: 7 })
  })

  it('lists every problem with its position, the source line and the hint, without colour', () => {
    const problems = [...problemsOf(SOURCE), ...problemsOf(SOURCE.replace('title: Hello\n', ''))]
    const message = toErrorPayload(problems, { cwd: CWD, readFile: () => SOURCE })?.err.message
    expect(message).toMatch(/^The content has 3 errors/)
    expect(message).toContain('content/articles/hello.md:4:7  error')
    expect(message).toContain('> 4 | date: not a date')
    expect(message).toMatch(/hint: /)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no escape sequence may reach the page.
    expect(message).not.toMatch(/\u001b\[/)
  })

  it('shows nothing for warnings alone', () => {
    const warning = { ...problemsOf(SOURCE)[0], severity: 'warning' } as const
    expect(toErrorPayload([warning as never])).toBeUndefined()
    expect(toErrorPayload([])).toBeUndefined()
  })
})
