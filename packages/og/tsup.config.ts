import { defineConfig } from 'tsup'
import { defineBase } from '../../tsup.base.ts'

// Two entries: the library, and the worker thread that writeCards starts beside it
// (dist/worker.js, found next to the library at run time, so it is never bundled into it).
export default defineConfig(
  defineBase({ entry: ['src/index.ts', 'src/worker.ts'], dts: { entry: 'src/index.ts' } }),
)
