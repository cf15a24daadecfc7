import { existsSync, readFileSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { packageVersions } from './dependency-digest.ts'

// Running a config file, apart from the engine's messages about it (load-config.ts), so that
// the check for an up-to-date build can run one without loading the engine.

/** A config file as it ran. */
export interface EvaluatedConfig {
  /** Its default export, not yet checked. */
  exported: unknown
  /** The config file, absolute. */
  file: string
  /** The config file and every local module it imports, absolute and sorted. */
  dependencies: string[]
  /**
   * `name@version` of every package the config file and its local modules import (a
   * markdown-it plugin, say), and of every dependency of those, sorted.
   */
  packages: string[]
}

const nodeRequire = createRequire(import.meta.url)

// The modules the last load of each config file brought in: deleted from Node's module
// cache before the file is loaded again, so that an edit in dev is seen.
const loadedModules = new Map<string, string[]>()

/**
 * Runs a config file with jiti, which runs TypeScript and ESM config files on any Node
 * version dawnpress supports, without a build step, as Nuxt, ESLint and Tailwind do. Each
 * call runs the file and its local imports afresh. Packages the config imports
 * (`@dawnpress/core`, `zod`) are loaded natively, so that they are the same instances the
 * engine uses. Throws what the file throws.
 */
export async function evaluateConfigFile(file: string): Promise<EvaluatedConfig> {
  const path = resolve(file)
  for (const module of loadedModules.get(path) ?? []) delete nodeRequire.cache[module]
  const before = new Set(Object.keys(nodeRequire.cache))
  // Loaded only for a config file: jiti takes longer to load than a small build to run.
  const { createJiti } = await import('jiti')
  const jiti = createJiti(import.meta.url, { tryNative: true, moduleCache: true })
  const exported = await jiti.import(path, { default: true })
  const added = Object.keys(nodeRequire.cache).filter((module) => !before.has(module))
  loadedModules.set(path, added)
  const dependencies = localDependencies(path, added)
  return {
    exported,
    file: path,
    dependencies,
    packages: packageVersions(importedPackages(dependencies), dirname(path)),
  }
}

/** Whether a config file's default export is an object, as a config must be. */
export function isConfigObject(exported: unknown): exported is Record<string, unknown> {
  return exported !== null && typeof exported === 'object' && !Array.isArray(exported)
}

/**
 * The packages that the given files import by bare name (`markdown-it-container`,
 * `@scope/name/sub` as `@scope/name`), Node's own modules left out, sorted.
 */
export function importedPackages(files: readonly string[]): string[] {
  const names = new Set<string>()
  for (const file of files) {
    let source: string
    try {
      source = readFileSync(file, 'utf8')
    } catch {
      continue
    }
    for (const match of source.matchAll(BARE_IMPORT)) {
      const specifier = match[1] ?? match[2] ?? ''
      if (specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0] ?? '')) continue
      const parts = specifier.split('/')
      const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string)
      if (/^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name)) names.add(name)
    }
  }
  return [...names].sort()
}

const BARE_IMPORT =
  /\b(?:from|import)\s*['"]([^'"./][^'"]*)['"]|\b(?:import|require)\(\s*['"]([^'"./][^'"]*)['"]\s*\)/g

const BUILTINS = new Set(builtinModules)

/**
 * The config file and the local modules it imports (those outside node_modules). Modules
 * jiti compiled are in Node's module cache; native ES modules are not, so each file's own
 * relative imports are followed too.
 */
function localDependencies(file: string, loaded: readonly string[]): string[] {
  const found = new Set<string>()
  const visit = (module: string) => {
    if (found.has(module) || /[\\/]node_modules[\\/]/.test(module) || !existsSync(module)) return
    found.add(module)
    let source: string
    try {
      source = readFileSync(module, 'utf8')
    } catch {
      return
    }
    for (const match of source.matchAll(RELATIVE_IMPORT)) {
      const specifier = match[1] ?? match[2]
      if (specifier) visit(resolve(dirname(module), specifier))
    }
  }
  visit(file)
  for (const module of loaded) visit(module)
  return [...found].sort()
}

const RELATIVE_IMPORT =
  /\b(?:from|import)\s*['"](\.{1,2}\/[^'"]+)['"]|\b(?:import|require)\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g
