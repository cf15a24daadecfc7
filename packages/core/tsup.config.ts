import { defineConfig } from 'tsup'
import { defineBase } from '../../tsup.base.ts'

// The library, its internal subpath, the problem printer alone (`format`, which loads
// neither the parser nor zod), and the worker thread loadCollection starts beside them
// (dist/parse-worker.js, found next to the library at run time).
export default defineConfig(
  defineBase({
    entry: ['src/index.ts', 'src/internal.ts', 'src/format.ts', 'src/parse-worker.ts'],
    dts: { entry: ['src/index.ts', 'src/internal.ts', 'src/format.ts'] },
  }),
)
