import { execFileSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { GeneratedFile } from '../src/index.ts'

/** Writes a set of generated files into `dir`, a fresh folder. */
export async function writeTree(dir: string, list: readonly GeneratedFile[]): Promise<string> {
  for (const generated of list) {
    await mkdir(dirname(join(dir, generated.path)), { recursive: true })
    await writeFile(join(dir, generated.path), generated.contents)
  }
  return dir
}

/** Runs a script in a fresh Node process and parses what it prints as JSON. */
export function runNode(cwd: string, script: string, type: 'module' | 'commonjs'): unknown {
  const flag = type === 'module' ? ['--input-type=module'] : []
  return JSON.parse(
    execFileSync(process.execPath, [...flag, '-e', script], { cwd, encoding: 'utf8' }),
  )
}

/**
 * Runs the body of an async function that sees `load(entry)` (`load('pages')` imports
 * `./dist/pages.js` or requires `./dist/pages.cjs`) in a fresh process of each format, and
 * returns what it returned in each, parsed from JSON.
 */
export function runInBothFormats(cwd: string, body: string): { esm: unknown; cjs: unknown } {
  const esm = runNode(
    cwd,
    `const load = (entry) => import('./dist/' + entry + '.js')
     console.log(JSON.stringify(await (async () => {\n${body}\n})()))`,
    'module',
  )
  const cjs = runNode(
    cwd,
    `const load = async (entry) => require('./dist/' + entry + '.cjs')
     ;(async () => {\n${body}\n})().then((value) => console.log(JSON.stringify(value)))`,
    'commonjs',
  )
  return { esm, cjs }
}
