import { defineConfig } from 'tsup'
import { defineBase } from '../../tsup.base.ts'

// The command line (started by bin/dawnpress.js, each command split into its own chunk)
// and the library a config file imports: `import { defineConfig } from 'dawnpress'`.
export default defineConfig(
  defineBase({
    entry: ['src/cli.ts', 'src/index.ts'],
    // ESM only: a config file is loaded as a module, and a command line needs no require().
    format: ['esm'],
    dts: { entry: 'src/index.ts' },
    splitting: true,
    define: { __VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0') },
  }),
)
