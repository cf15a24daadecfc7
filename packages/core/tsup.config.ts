import { defineConfig } from 'tsup'
import { defineBase } from '../../tsup.base.ts'

// Two entries: the library, and the worker thread loadCollection starts beside it
// (dist/parse-worker.js, found next to the library at run time).
export default defineConfig(
  defineBase({ entry: ['src/index.ts', 'src/parse-worker.ts'], dts: { entry: 'src/index.ts' } }),
)
