import { defineConfig } from 'tsup'
import { defineBase } from '../../tsup.base.ts'

// A command line, not a library: one ESM entry with a shebang, no type declarations.
export default defineConfig(
  defineBase({
    entry: ['src/cli.ts'],
    format: ['esm'],
    dts: false,
    splitting: true,
    define: { __VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0') },
    banner: { js: '#!/usr/bin/env node' },
  }),
)
