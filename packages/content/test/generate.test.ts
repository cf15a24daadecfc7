import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run } from './run.ts'

const packageDir = fileURLToPath(new URL('../', import.meta.url))
const tsx = join(packageDir, 'node_modules/.bin/tsx')

let temp: string

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'dawnpress-generate-'))
})

afterAll(async () => {
  await rm(temp, { recursive: true, force: true })
})

describe('the build step that generates the sources', () => {
  it('fails on a content error, prints the problem with its place and code, and writes nothing', async () => {
    const outDir = join(temp, 'generated')
    const result = await run(
      tsx,
      ['scripts/generate.ts', '--content', 'test/fixtures/broken', '--out', outDir],
      packageDir,
    )
    expect(result.code).toBe(1)
    const located = result.stderr
      .split('\n')
      .filter((line) => /^\S+:\d+:\d+ {2}(error|warning) {2}/.test(line))
      .map((line) => line.replace(/:\d+:\d+ {2}.*\[(\w+)\]$/, ' $1'))
    expect(located).toEqual([
      'packages/content/test/fixtures/broken/articles/no-description.md FIELD_REQUIRED',
    ])
    expect(result.stderr).toContain('✖ @dawnpress/content was not built')
    expect(existsSync(outDir)).toBe(false)
  })
})
