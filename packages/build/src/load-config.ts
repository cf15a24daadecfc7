import { existsSync, readFileSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { type FrontmatterSchema, ProblemError } from '@dawnpress/core'
import { problemAt } from '@dawnpress/core/internal'
import type { DawnpressConfig } from './config.ts'
import { packageVersions } from './dependency-digest.ts'
import { shownPath } from './shown-path.ts'

/** The names a config file may have, in the order they are looked for. */
export const CONFIG_FILES = [
  'dawnpress.config.ts',
  'dawnpress.config.mts',
  'dawnpress.config.js',
  'dawnpress.config.mjs',
] as const

/** A config file as loaded. */
export interface LoadedConfig {
  config: DawnpressConfig<FrontmatterSchema>
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

/** The config file in `root`, when there is one. */
export function findConfigFile(root: string): string | undefined {
  for (const name of CONFIG_FILES) {
    const file = resolve(root, name)
    if (existsSync(file)) return file
  }
  return undefined
}

const nodeRequire = createRequire(import.meta.url)

// The modules the last load of each config file brought in: deleted from Node's module
// cache before the file is loaded again, so that an edit in dev is seen.
const loadedModules = new Map<string, string[]>()

/**
 * Loads a config file with jiti, which runs TypeScript and ESM config files on any Node
 * version dawnpress supports, without a build step, as Nuxt, ESLint and Tailwind do. Each
 * call loads the file and its local imports afresh. Packages the config imports
 * (`@dawnpress/core`, `zod`) are loaded natively, so that they are the same instances the
 * engine uses. A config that cannot be loaded, or that exports no object, is a
 * configuration mistake: a `ProblemError`.
 */
export async function loadConfigFile(file: string): Promise<LoadedConfig> {
  const path = resolve(file)
  const shown = shownPath(path)
  if (!existsSync(path)) {
    throw new ProblemError([
      problemAt(
        shown,
        'CONFIG_LOAD',
        `There is no config file at "${shown}".`,
        `Create it, or pass another with --config FILE (one of ${CONFIG_FILES.join(', ')}).`,
      ),
    ])
  }
  for (const module of loadedModules.get(path) ?? []) delete nodeRequire.cache[module]
  const before = new Set(Object.keys(nodeRequire.cache))
  // Loaded only for a config file: jiti takes longer to load than a small build to run.
  const { createJiti } = await import('jiti')
  const jiti = createJiti(import.meta.url, { tryNative: true, moduleCache: true })
  let exported: unknown
  try {
    exported = await jiti.import(path, { default: true })
  } catch (cause) {
    throw new ProblemError(
      [
        problemAt(
          shown,
          'CONFIG_LOAD',
          `The config file could not be loaded: ${firstLine(cause)}`,
          'Fix the error in the config file (or a file it imports), then run the command again.',
          { cause },
        ),
      ],
      { cause },
    )
  }
  const added = Object.keys(nodeRequire.cache).filter((module) => !before.has(module))
  loadedModules.set(path, added)
  if (exported === null || typeof exported !== 'object' || Array.isArray(exported)) {
    throw new ProblemError([
      problemAt(
        shown,
        'CONFIG_INVALID',
        'The config file does not export a config object as its default export.',
        'End it with "export default defineConfig({ ... })".',
      ),
    ])
  }
  const dependencies = localDependencies(path, added)
  return {
    config: exported as DawnpressConfig<FrontmatterSchema>,
    file: path,
    dependencies,
    packages: packageVersions(importedPackages(dependencies), dirname(path)),
  }
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

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0] ?? message
}
