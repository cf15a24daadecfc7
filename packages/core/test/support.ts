import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import { parseArticle } from '../src/parse.ts'
import type { Problem } from '../src/problems.ts'

/** The shared fixtures folder, `test/fixtures/<case>/`. */
export const FIXTURES = new URL('fixtures/', import.meta.url)

/** Parses a fixture from its bytes, as `loadCollection` does. */
export function parseFixture(name: string) {
  const file = `test/fixtures/${name}`
  return parseArticle(readFileSync(new URL(name, FIXTURES)), { file, path: name.split('/').at(-1) })
}

/** The one problem of a fixture, with everything but the words checked by the caller. */
export function onlyProblem(name: string): Problem {
  const { article, problems } = parseFixture(name)
  expect(problems).toHaveLength(1)
  const [problem] = problems as [Problem]
  if (problem.severity === 'error') expect(article).toBeUndefined()
  expect(problem.file).toBe(`test/fixtures/${name}`)
  expect(problem.message.length).toBeGreaterThan(20)
  expect(problem.hint.length).toBeGreaterThan(10)
  return problem
}

/** The parts of a problem that locate and classify it, for one `toEqual`. */
export function where(problem: Problem) {
  const { code, severity, line, column, path } = problem
  return { code, severity, line, column, path }
}
