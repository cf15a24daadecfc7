import { defineConfig } from 'tsup'
import { defineBase } from '../../tsup.base.ts'

// Pagefind is an ES module only, so the base config would bundle it into the CommonJS
// build; but it finds its binary (in `@pagefind/<platform>`, its own optional dependency)
// from its own folder, which a bundled copy is not in. It stays external in both builds:
// the engine loads it with `import()`, which CommonJS can do on every supported Node.
const KEEP_EXTERNAL = ['pagefind']

// The library; two light entries that load none of the engine: `config` (`defineConfig`,
// what a config file imports) and `up-to-date` (whether the last build is still current);
// and the module each parse worker loads a config with (dist/worker-setup.js, found next to
// the library at run time).
export default defineConfig(
  defineBase({
    entry: ['src/index.ts', 'src/config.ts', 'src/up-to-date.ts', 'src/worker-setup.ts'],
    dts: { entry: ['src/index.ts', 'src/config.ts', 'src/up-to-date.ts'] },
    external: KEEP_EXTERNAL,
  }).map((build) => ({
    ...build,
    // ES modules are split, so that what only some builds need (the output renderers, the
    // watcher, the dev server's markup, jiti) loads with its dynamic import() and not with
    // the engine. CommonJS cannot be split; there esbuild runs those modules on first import.
    splitting: [build.format].flat().join() === 'esm',
    noExternal: (build.noExternal ?? []).filter(
      (name) => typeof name !== 'string' || !KEEP_EXTERNAL.includes(name),
    ),
  })),
)
