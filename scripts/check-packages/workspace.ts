import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** The fields of a package.json that the checks read. */
export interface Manifest {
  name: string
  version: string
  private?: boolean
  engines?: { node?: string }
  exports?: unknown
  bin?: string | Record<string, string>
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, { optional?: boolean }>
}

/** A package of this repository. */
export interface WorkspacePackage {
  dir: string
  manifest: Manifest
}

/** Reads the package.json in `dir`. */
export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest
}

/** Every package under `packages/` that is published, that is, not private. */
export function listPublishedPackages(root: string): WorkspacePackage[] {
  const packagesDir = join(root, 'packages')
  return readdirSync(packagesDir)
    .map((name) => join(packagesDir, name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: readManifest(dir) }))
    .filter((pkg) => !pkg.manifest.private)
    .sort((a, b) => (a.manifest.name < b.manifest.name ? -1 : 1))
}

/** The packages in `dirs`, each of which must be a published package. */
export function readPublishedPackages(dirs: readonly string[]): WorkspacePackage[] {
  return dirs.map((dir) => {
    const manifest = readManifest(resolve(dir))
    if (manifest.private) throw new Error(`${dir} is private: only published packages are checked.`)
    return { dir: resolve(dir), manifest }
  })
}

/**
 * The workspace packages `pkg` depends on at run time, directly or not, by name: the
 * tarballs a user's install would fetch from the registry.
 */
export function workspaceDependencies(
  pkg: WorkspacePackage,
  all: ReadonlyMap<string, WorkspacePackage>,
): string[] {
  const found = new Set<string>()
  const visit = (current: WorkspacePackage) => {
    for (const [name, version] of Object.entries(runtimeDependencies(current.manifest))) {
      const dependency = all.get(name)
      if (!version.startsWith('workspace:') || !dependency || found.has(name)) continue
      found.add(name)
      visit(dependency)
    }
  }
  visit(pkg)
  return [...found].sort()
}

/** What a package needs at run time: dependencies, optional ones and peers. */
export function runtimeDependencies(manifest: Manifest): Record<string, string> {
  return {
    ...manifest.peerDependencies,
    ...manifest.optionalDependencies,
    ...manifest.dependencies,
  }
}
