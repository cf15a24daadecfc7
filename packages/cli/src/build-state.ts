import { execFile } from 'node:child_process'
import { createHash, type Hash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import type { Problem } from '@dawnpress/core'

const run = promisify(execFile)
const require = createRequire(import.meta.url)

/** What the last successful build of an output folder was made from, and what it wrote. */
interface BuildState {
  fingerprint: string
  outDir: string
  /** Every file written, with its size, to notice an output folder changed by hand. */
  files: [path: string, size: number][]
  /** The warnings of that build, shown again when it is reused. */
  problems: Problem[]
}

/** Packages whose code shapes the output: a change to any is a new build. */
const OUTPUT_PACKAGES = [
  '@dawnpress/core',
  '@dawnpress/feeds',
  '@dawnpress/og',
  '@dawnpress/site',
  'dawnpress',
]

/**
 * A digest of everything a build's output depends on: every article file (path and bytes),
 * the site config, the options, the versions of the packages that render, and the last
 * commit touching the articles (dates may come from git). Equal fingerprints give
 * byte-identical output, so a build with an unchanged fingerprint has nothing to do.
 */
export async function fingerprintBuild(input: {
  articlesDir: string
  siteFile: string | undefined
  options: unknown
}): Promise<string> {
  const hash = createHash('sha256')
  hash.update(JSON.stringify({ options: input.options, node: process.version }))
  for (const name of OUTPUT_PACKAGES) await hashPackage(hash, name)
  hash.update(`\0git:${await lastCommit(input.articlesDir)}`)
  if (input.siteFile) hash.update(await readFile(input.siteFile)).update('\0site')
  const files = (await readdir(input.articlesDir, { recursive: true }))
    .map(String)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  // Synchronous reads: for thousands of small files they beat the promise API severalfold.
  for (const file of files) {
    let bytes: Buffer
    try {
      bytes = readFileSync(join(input.articlesDir, file))
    } catch {
      continue
    }
    hash.update(`\0file:${file}\0`).update(bytes)
  }
  return hash.digest('hex')
}

/**
 * The warnings of the last build when it was made from the same fingerprint into `outDir`
 * and its files are all still there at their sizes; undefined when the build must run.
 */
export async function readReusableBuild(
  stateFile: string,
  fingerprint: string,
  outDir: string,
): Promise<Problem[] | undefined> {
  let state: BuildState
  try {
    state = JSON.parse(await readFile(stateFile, 'utf8')) as BuildState
  } catch {
    return undefined
  }
  if (state.fingerprint !== fingerprint || state.outDir !== outDir) return undefined
  for (const [path, size] of state.files) {
    const info = await stat(join(outDir, path)).catch(() => undefined)
    if (info?.size !== size) return undefined
  }
  return state.problems
}

/** Records a successful build, after its output is in place. */
export async function writeBuildState(
  stateFile: string,
  fingerprint: string,
  outDir: string,
  problems: Problem[],
): Promise<void> {
  const files: [string, number][] = []
  for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name).slice(outDir.length + 1)
    files.push([path, (await stat(join(outDir, path))).size])
  }
  files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  const state: BuildState = { fingerprint, outDir, files, problems }
  await writeFile(stateFile, JSON.stringify(state))
}

/**
 * Hashes a package's manifest and built code, so that a change of code, even without a new
 * version number (as while developing dawnpress itself), is a new build.
 */
async function hashPackage(hash: Hash, name: string): Promise<void> {
  let root: string
  try {
    root = dirname(require.resolve(`${name}/package.json`))
  } catch {
    hash.update(`\0package:${name}:missing`)
    return
  }
  hash.update(`\0package:${name}\0`).update(await readFile(join(root, 'package.json')))
  const files = (await readdir(join(root, 'dist'), { recursive: true }).catch(() => []))
    .map(String)
    .sort()
  for (const file of files) {
    const bytes = await readFile(join(root, 'dist', file)).catch(() => undefined)
    if (bytes) hash.update(`\0${file}\0`).update(bytes)
  }
}

async function lastCommit(directory: string): Promise<string> {
  try {
    const { stdout } = await run('git', ['log', '-1', '--format=%H', '--', '.'], { cwd: directory })
    return stdout.trim()
  } catch {
    return 'none'
  }
}
