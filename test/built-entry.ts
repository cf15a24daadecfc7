/**
 * Loads a package's built entry the way its users do, in a fresh Node process (`node -e`), so
 * that neither vitest's module loader nor the TypeScript sources are involved: `require()`
 * resolves `dist/index.cjs` and `import` resolves `dist/index.js` through the package's own
 * `exports` map. Any package can use it in a few lines:
 *
 * @example
 * const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url))
 * describe.each(ENTRY_MODES)('the built package, loaded with $title', (mode) => {
 *   let run: BuiltEntryRun
 *   beforeAll(async () => {
 *     run = await runBuiltEntry(PACKAGE_DIR, mode, { slug: "return pkg.slugify('A b')" })
 *   })
 *   it('resolves to the built file of its format', () => expectEntry(run, PACKAGE_DIR, mode))
 *   it('slugifies', () => expect(run.value('slug')).toBe('a-b'))
 * })
 */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect } from 'vitest'

/** One way a user's code loads a package. */
export interface EntryMode {
  /** Says how it is loaded, for test titles. */
  title: string
  format: 'cjs' | 'esm'
  /** The file the package's `exports` map must resolve to, relative to the package. */
  entry: string
  /** Flags for `node`. */
  nodeArgs: readonly string[]
}

/**
 * Every way a package is loaded on the Node versions dawnpress supports: `require()` as on
 * Node 20.19+ and 22.12+, which can require ES modules (and hand esbuild's interop helper a
 * namespace object it may wrap wrongly); `require()` as on earlier Node versions, which throw
 * ERR_REQUIRE_ESM for an ES module; and `import`.
 */
export const ENTRY_MODES: readonly EntryMode[] = [
  { title: 'require()', format: 'cjs', entry: 'dist/index.cjs', nodeArgs: [] },
  {
    title: 'require() on a Node without require(esm)',
    format: 'cjs',
    entry: 'dist/index.cjs',
    nodeArgs: ['--no-experimental-require-module'],
  },
  { title: 'import', format: 'esm', entry: 'dist/index.js', nodeArgs: [] },
]

/**
 * `import` in a process started with V8's flags, as `node --max-old-space-size=4096
 * dawnpress build` is: a package that starts worker threads must not hand them these flags,
 * which a worker refuses (ERR_WORKER_INVALID_EXEC_ARGV).
 */
export const WITH_V8_FLAGS: EntryMode = {
  title: 'import, under node --max-old-space-size --max-semi-space-size',
  format: 'esm',
  entry: 'dist/index.js',
  nodeArgs: ['--max-old-space-size=2048', '--max-semi-space-size=32'],
}

/**
 * Named checks to run against the loaded package: each is the body of an async function
 * that sees `pkg` (the package's exports), `args` (the JSON value given to `runBuiltEntry`)
 * and `load(name)` (loads another module in the same format, such as `@dawnpress/core` or
 * `node:fs`), and returns a JSON value.
 */
export type EntryChecks = Record<string, string>

/** What one process made of the checks. */
export interface BuiltEntryRun {
  /** The absolute path the package name resolved to. */
  entry: string
  /** The value a check returned; throws what the check threw, message and stack included. */
  value(check: string): unknown
}

type Outcome = { value: unknown } | { error: string }

/**
 * Runs `checks` against the package in `packageDir`, loaded by its own name as `mode` says,
 * in one fresh Node process with `packageDir` as its working directory. Throws when the
 * package cannot be loaded at all; a check that throws fails only that check.
 */
export async function runBuiltEntry(
  packageDir: string,
  mode: EntryMode,
  checks: EntryChecks,
  args: unknown = null,
): Promise<BuiltEntryRun> {
  const name = readPackageName(packageDir)
  const script = entryScript(name, mode.format, checks, args)
  const stdout = await runNode([...mode.nodeArgs, '-e', script], packageDir)
  const report = JSON.parse(stdout) as { entry: string; outcomes: Record<string, Outcome> }
  return {
    entry: report.entry,
    value(check) {
      const outcome = report.outcomes[check]
      if (!outcome) throw new Error(`No check is named "${check}".`)
      if ('error' in outcome) throw new Error(`${check} failed in ${name}:\n${outcome.error}`)
      return outcome.value
    },
  }
}

/** Asserts that the package name resolved to the built file of the mode's format. */
export function expectEntry(run: BuiltEntryRun, packageDir: string, mode: EntryMode): void {
  expect(run.entry).toBe(join(resolve(packageDir), mode.entry))
}

function readPackageName(packageDir: string): string {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))
  if (typeof manifest.name !== 'string') throw new Error(`${packageDir}/package.json has no name`)
  return manifest.name
}

// The checks run one after another, each caught on its own, and the process prints one JSON
// report. Loading the package by name exercises its `exports` map (Node resolves a package's
// own name from inside it). The ESM script is told apart by its syntax (Node 20.19+, 22.7+),
// not by `--input-type=module`: worker threads inherit that flag, and it breaks them.
function entryScript(
  name: string,
  format: EntryMode['format'],
  checks: EntryChecks,
  args: unknown,
) {
  const literal = JSON.stringify
  const load =
    format === 'cjs'
      ? `const load = async (id) => require(id)
const entry = require.resolve(${literal(name)})`
      : `const load = (id) => import(id)
const entry = (await import('node:url')).fileURLToPath(import.meta.resolve(${literal(name)}))`
  const cases = Object.entries(checks)
    .map(([check, body]) => `[${literal(check)}, async (pkg, args, load) => {\n${body}\n}]`)
    .join(',\n')
  return `${load}
const run = async () => {
  const pkg = await load(${literal(name)})
  const args = ${literal(args)}
  const outcomes = {}
  for (const [check, body] of [${cases}]) {
    try {
      outcomes[check] = { value: await body(pkg, args, load) }
    } catch (error) {
      outcomes[check] = { error: String(error?.stack ?? error) }
    }
  }
  process.stdout.write(JSON.stringify({ entry, outcomes }))
}
${format === 'cjs' ? 'run().catch((error) => { console.error(error); process.exit(1) })' : 'await run()'}
`
}

function runNode(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      args,
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: '1' },
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`node could not load the package in ${cwd}:\n${stderr}`))
        else resolvePromise(stdout)
      },
    )
  })
}
