import type { Hash } from 'node:crypto'
import { readFileSync, realpathSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createFileHasher, type FileHasher } from './file-hashes.ts'
import { listFiles } from './list-files.ts'

/** The dawnpress packages whose code shapes what a build writes. */
const OUTPUT_PACKAGES = [
  '@dawnpress/build',
  '@dawnpress/bundle',
  '@dawnpress/core',
  '@dawnpress/feeds',
  '@dawnpress/og',
  '@dawnpress/pages',
] as const

interface PackageInfo {
  dir: string
  name: string
  version: string
  dependencies: string[]
}

/**
 * Adds to `hash` everything of dawnpress's own code that shapes a build's output: the built
 * code of each output package (so that a change of code without a new version, as while
 * developing dawnpress, is noticed) and the name, version and location of every runtime
 * dependency they reach, transitively (so that upgrading markdown-it, sanitize-html or
 * satori, a security fix of the sanitiser say, rebuilds everything). The built files are
 * hashed through `hasher`, which can reuse the last build's hashes of unchanged files.
 */
export function hashEngine(
  hash: Hash,
  options: { from?: string; packages?: readonly string[]; hasher?: FileHasher } = {},
): void {
  const from = options.from ?? dirname(fileURLToPath(import.meta.url))
  const hasher = options.hasher ?? createFileHasher(undefined, undefined)
  const seen = new Map<string, PackageInfo>()
  const queue: PackageInfo[] = []
  const findPackage = createPackageFinder()
  for (const name of options.packages ?? OUTPUT_PACKAGES) {
    const info = findPackage(name, from)
    if (info === undefined) {
      hash.update(`\0package:${name}:missing`)
      continue
    }
    hashBuiltCode(hash, info, hasher)
    queue.push(info)
  }
  while (queue.length > 0) {
    const info = queue.pop() as PackageInfo
    if (seen.has(info.dir)) continue
    seen.set(info.dir, info)
    for (const dependency of info.dependencies) {
      const found = findPackage(dependency, info.dir)
      if (found && !seen.has(found.dir)) queue.push(found)
    }
  }
  // Sorted, so that the order packages were found in never changes the digest.
  const versions = [...seen.values()].map((info) => `${info.name}@${info.version}`).sort()
  hash.update(`\0dependencies\0${versions.join('\n')}`)
}

/**
 * `name@version` of each package named, found from `from` as Node finds it, and of every
 * runtime dependency it reaches, sorted; a package that cannot be found is `name@missing`.
 * What a config imports from node_modules (a markdown-it plugin, say) shapes the output as
 * dawnpress's own dependencies do, so its version, and its dependencies', go into the
 * fingerprint.
 *
 * @example
 * packageVersions(['markdown-it-container'], '/project') // ['markdown-it-container@4.0.0']
 */
export function packageVersions(names: readonly string[], from: string): string[] {
  const seen = new Map<string, PackageInfo>()
  const versions = new Set<string>()
  const queue: PackageInfo[] = []
  const findPackage = createPackageFinder()
  for (const name of names) {
    const info = findPackage(name, from)
    if (info === undefined) versions.add(`${name}@missing`)
    else queue.push(info)
  }
  while (queue.length > 0) {
    const info = queue.pop() as PackageInfo
    if (seen.has(info.dir)) continue
    seen.set(info.dir, info)
    versions.add(`${info.name}@${info.version}`)
    for (const dependency of info.dependencies) {
      const found = findPackage(dependency, info.dir)
      if (found && !seen.has(found.dir)) queue.push(found)
    }
  }
  return [...versions].sort()
}

function hashBuiltCode(hash: Hash, info: PackageInfo, hasher: FileHasher): void {
  hash.update(`\0package:${info.name}@${info.version}\0`)
  const dist = join(info.dir, 'dist')
  let files: string[]
  try {
    files = listFiles(dist).sort()
  } catch {
    return
  }
  for (const file of files) {
    const path = join(dist, file)
    // Undefined for a file removed while listing: nothing of it shapes the output.
    const digest = hasher.hash(path, path)
    if (digest !== undefined) hash.update(`\0${file}\0${digest}`)
  }
}

/**
 * Finds a package the way Node does, from the `node_modules` folders above `from`, without
 * `require.resolve` (packages whose `exports` hide `package.json` cannot be resolved by it).
 * Each folder is read once for one walk: a hundred packages share most of their folders.
 */
function createPackageFinder(): (name: string, from: string) => PackageInfo | undefined {
  const read = new Map<string, PackageInfo | undefined>()
  const readOnce = (dir: string) => {
    if (!read.has(dir)) read.set(dir, readPackage(dir))
    return read.get(dir)
  }
  return (name, from) => {
    for (let dir = from; ; dir = dirname(dir)) {
      // As Node does, no `node_modules/node_modules`: pnpm's store nests packages one level
      // below a `node_modules` folder, where that would be a miss for every dependency.
      const info =
        basename(dir) === 'node_modules' ? undefined : readOnce(join(dir, 'node_modules', name))
      if (info) return info
      // The package itself, for a dawnpress package found from its own folder.
      const own = readOnce(dir)
      if (own?.name === name) return own
      if (dirname(dir) === dir) return undefined
    }
  }
}

function readPackage(dir: string): PackageInfo | undefined {
  let text: string
  let real: string
  const file = join(dir, 'package.json')
  // Most folders tried have no package: asking first spares the cost of a thrown ENOENT.
  if (statSync(file, { throwIfNoEntry: false }) === undefined) return undefined
  try {
    text = readFileSync(file, 'utf8')
    // The system's realpath: one call, where the JavaScript one stats every segment.
    real = realpathSync.native(dir)
  } catch {
    return undefined
  }
  try {
    const manifest = JSON.parse(text) as {
      name?: string
      version?: string
      dependencies?: Record<string, string>
      optionalDependencies?: Record<string, string>
    }
    return {
      dir: real,
      name: manifest.name ?? '',
      version: manifest.version ?? '',
      dependencies: [
        ...Object.keys(manifest.dependencies ?? {}),
        ...Object.keys(manifest.optionalDependencies ?? {}),
      ],
    }
  } catch {
    return undefined
  }
}
