import type { Options } from 'tsup'

/**
 * The one tsup configuration every published package starts from: ESM + CJS with bundled
 * `.d.ts`/`.d.cts`, Node 20 target, no minification so stack traces stay readable.
 * Dependencies are never bundled (tsup externalises everything in `dependencies`).
 */
export function defineBase(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    target: 'node20',
    platform: 'node',
    dts: true,
    clean: true,
    sourcemap: false,
    splitting: false,
    shims: true,
    treeshake: false,
    ...overrides,
  }
}
