import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { grammars } from 'tm-grammars'
import { describe, expect, it } from 'vitest'

const DIST = fileURLToPath(new URL('../dist/', import.meta.url))
const require = createRequire(import.meta.url)

interface BuiltCompiler {
  preload(grammars: readonly { name: string }[]): void
  compile(pattern: string): RegExp
  readonly conversions: number
}
type Internal = { regexCompiler(): BuiltCompiler }

const FORMATS: { title: string; load: () => Promise<Internal> }[] = [
  { title: 'ES module', load: () => import(`${DIST}internal.js`) as Promise<Internal> },
  { title: 'CommonJS', load: async () => require(`${DIST}internal.cjs`) as Internal },
]

describe('the built package', () => {
  it('ships the expressions of every grammar, converted', () => {
    const files = readdirSync(`${DIST}regexes`)
    expect(files.length).toBe(grammars.length)
    for (const { name } of grammars) expect(files).toContain(`${encodeURIComponent(name)}.json`)
  })

  it.each(FORMATS)('finds them beside its $title build, converting none', async ({ load }) => {
    const { regexCompiler } = await load()
    const compiler = regexCompiler()
    const typescript = JSON.parse(readFileSync(`${DIST}regexes/typescript.json`, 'utf8')) as {
      regexes: [string, string | null][]
    }
    compiler.preload([{ name: 'typescript' }])
    const before = compiler.conversions
    let compiled = 0
    for (const [pattern, source] of typescript.regexes) {
      if (source === null) continue
      expect(compiler.compile(pattern)).toBeInstanceOf(RegExp)
      compiled++
    }
    expect(compiled).toBeGreaterThan(300)
    expect(compiler.conversions).toBe(before)
  })
})
