import { defineConfig } from 'tsup'
import { defineBase } from '../../tsup.base.ts'

// Two entries: the library, and the module each parse worker loads a config with
// (dist/worker-setup.js, found next to the library at run time).
export default defineConfig(
  defineBase({ entry: ['src/index.ts', 'src/worker-setup.ts'], dts: { entry: 'src/index.ts' } }),
)
