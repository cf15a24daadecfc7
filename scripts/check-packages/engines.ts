import { existsSync, realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'
import semver from 'semver'
import { type Manifest, readManifest } from './workspace.ts'

/** A package in a dependency tree whose `engines.node` does not allow every declared version. */
export interface EngineMismatch {
  /** `name@version`. */
  dependency: string
  /** Its `engines.node`. */
  wants: string
  /** How the package reaches it: `@dawnpress/site > @dawnpress/og > satori`. */
  via: string
}

/**
 * Walks the installed dependency tree of the package in `packageDir` (npm's or pnpm's
 * layout, found as Node finds packages) and lists every package whose `engines.node` does
 * not allow the whole of `declared`, the range the package itself declares. Optional and
 * peer dependencies that are not installed are left out.
 */
export function findEngineMismatches(packageDir: string, declared: string): EngineMismatch[] {
  const mismatches: EngineMismatch[] = []
  const seen = new Set<string>()
  const visit = (dir: string, manifest: Manifest, via: string[]) => {
    for (const [name, optional] of dependencyNames(manifest)) {
      const found = locatePackage(dir, name)
      if (!found) {
        if (optional) continue
        throw new Error(`${[...via, name].join(' > ')} is not installed under ${dir}.`)
      }
      const real = realpathSync(found)
      if (seen.has(real)) continue
      seen.add(real)
      const dependency = readManifest(real)
      const wants = dependency.engines?.node
      if (wants && !allows(wants, declared)) {
        mismatches.push({
          dependency: `${dependency.name}@${dependency.version}`,
          wants,
          via: [...via, name].join(' > '),
        })
      }
      visit(real, dependency, [...via, name])
    }
  }
  const root = readManifest(packageDir)
  visit(realpathSync(packageDir), root, [root.name])
  return mismatches
}

/** True when every Node version in `declared` satisfies `wants`. */
export function allows(wants: string, declared: string): boolean {
  try {
    return semver.subset(declared, wants)
  } catch {
    return false
  }
}

function dependencyNames(manifest: Manifest): [name: string, optional: boolean][] {
  const names = new Map<string, boolean>()
  for (const name of Object.keys(manifest.peerDependencies ?? {})) names.set(name, true)
  for (const name of Object.keys(manifest.optionalDependencies ?? {})) names.set(name, true)
  for (const name of Object.keys(manifest.dependencies ?? {})) names.set(name, false)
  return [...names].sort(([a], [b]) => (a < b ? -1 : 1))
}

// Node's lookup: `node_modules/<name>` in the package's folder, then in each folder above it.
// pnpm places a package's dependencies beside it, in the node_modules folder that holds it.
function locatePackage(fromDir: string, name: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (dirname(dir) === dir) return undefined
  }
}
