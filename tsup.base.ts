import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Options } from 'tsup'

type Format = Extract<Options['format'], string>

/**
 * The one tsup configuration every published package starts from: ESM + CJS with bundled
 * `.d.ts`/`.d.cts`, Node 20 target, no minification so stack traces stay readable.
 *
 * Dependencies stay external, with one exception: the CommonJS build bundles the
 * dependencies that are ES modules only (such as github-slugger 2 and feed 6), found by
 * `findEsmOnlyDependencies`. `require()` of an ES module throws ERR_REQUIRE_ESM before Node
 * 20.19 and 22.12, and later gives a namespace object that esbuild's interop helper wraps
 * wrongly (`import_github_slugger.default is not a constructor`). The ESM build keeps them
 * external, shared with the rest of the user's application.
 *
 * Each format is its own tsup build (externals are per build), and the declarations are a
 * third, types-only build that writes `.d.ts` and `.d.cts` from one TypeScript program. The
 * builds run at the same time in the same `outDir`, so each cleans only its own files.
 *
 * @example
 * // packages/<name>/tsup.config.ts
 * export default defineConfig(defineBase({ entry: ['src/index.ts', 'src/worker.ts'] }))
 */
export function defineBase(overrides: Options = {}): Options[] {
  const {
    format = ['esm', 'cjs'],
    dts = true,
    clean = true,
    noExternal = [],
    ...options
  }: Options = {
    entry: ['src/index.ts'],
    target: 'node20',
    platform: 'node',
    sourcemap: false,
    splitting: false,
    shims: true,
    treeshake: false,
    ...overrides,
  }
  const formats = [format].flat()
  const builds: Options[] = formats.map((one) => ({
    ...options,
    format: [one],
    dts: false,
    clean: cleanPatterns(clean, formats, one, dts !== false),
    noExternal: one === 'cjs' ? [...findEsmOnlyDependencies(), ...noExternal] : noExternal,
  }))
  if (dts !== false) {
    const only = typeof dts === 'object' ? { ...dts, only: true } : { only: true }
    builds.push({
      ...options,
      format: formats,
      dts: typeof dts === 'string' ? { entry: dts, only: true } : only,
      clean: clean !== false,
    })
  }
  return builds
}

/**
 * What one format's build may delete: everything but the files of the other builds, which
 * write beside it at the same time (the types build cleans declarations itself).
 */
function cleanPatterns(
  clean: Options['clean'],
  formats: readonly Format[],
  format: Format,
  declarations: boolean,
): Options['clean'] {
  if (clean === false || clean === undefined) return false
  const keep = formats
    .filter((other) => other !== format)
    .map((other) => `!**/*${outputExtension(other)}`)
  if (declarations) keep.push('!**/*.d.{ts,cts,mts}')
  return [...keep, ...(Array.isArray(clean) ? clean : [])]
}

// tsup's naming: in a `"type": "module"` package ESM is `.js` and CJS `.cjs`.
function outputExtension(format: Format): string {
  const isModule = readManifest(join(process.cwd(), 'package.json')).type === 'module'
  if (format === 'cjs') return isModule ? '.cjs' : '.js'
  if (format === 'esm') return isModule ? '.js' : '.mjs'
  return '.global.js'
}

/**
 * The runtime dependencies of the package in `packageDir` that only `import` can load: their
 * `exports` offer no `require` condition, or what `require` resolves to is an ES module.
 * Packages without JavaScript (fonts, images) and workspace packages (built dual by this
 * config) are not. Throws for an ES-module-only peer dependency, which must not be bundled.
 */
export function findEsmOnlyDependencies(packageDir: string = process.cwd()): string[] {
  const manifest = readManifest(join(packageDir, 'package.json'))
  const require = createRequire(join(packageDir, 'package.json'))
  const isEsmOnly = (name: string, version: string) =>
    !version.startsWith('workspace:') && resolvesToEsm(name, require)
  const peers = Object.entries(manifest.peerDependencies ?? {}).filter(([name, version]) =>
    isEsmOnly(name, version),
  )
  if (peers.length > 0) {
    throw new Error(
      `${manifest.name} has peer dependencies that are ES modules only (${peers.map(([name]) => name).join(', ')}): its CommonJS build cannot require them on Node before 20.19, and must not bundle a peer. Make them dependencies, or drop the CommonJS build.`,
    )
  }
  return Object.entries(manifest.dependencies ?? {})
    .filter(([name, version]) => isEsmOnly(name, version))
    .map(([name]) => name)
    .sort()
}

function resolvesToEsm(name: string, require: NodeJS.Require): boolean {
  let entry: string
  try {
    entry = require.resolve(name)
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException
    // An `exports` map with only an `import` condition.
    if (code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return true
    // No JavaScript entry at all, such as a package of fonts; or an optional peer not installed.
    if (code === 'MODULE_NOT_FOUND') return false
    throw error
  }
  if (entry.endsWith('.mjs')) return true
  if (!entry.endsWith('.js')) return false
  return nearestPackageType(dirname(entry)) === 'module'
}

// Node decides what a `.js` file is by the nearest package.json, which may be a nested one
// such as `dist/cjs/package.json`.
function nearestPackageType(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    const file = join(current, 'package.json')
    if (existsSync(file)) return readManifest(file).type
    if (dirname(current) === current) return undefined
  }
}

interface Manifest {
  name?: string
  type?: string
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

function readManifest(file: string): Manifest {
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest
}
