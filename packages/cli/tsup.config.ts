import { defineBase } from '../../tsup.base.ts'

// A command line, not a library: one ESM entry with a shebang, no type declarations.
// No `defineConfig`: this package depends on tsup 8 (`dawnpress bundle` runs it, and tsup 9
// needs Node 22.18), which also builds it, while the shared base is typed with the root's tsup 9.
export default defineBase({
  entry: ['src/cli.ts'],
  format: ['esm'],
  dts: false,
  splitting: true,
  define: { __VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0') },
  banner: { js: '#!/usr/bin/env node' },
})
