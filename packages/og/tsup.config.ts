import { defineConfig } from 'tsup'
import { defineBase } from '../../tsup.base.ts'

// Three entries: the library; `@dawnpress/og/internal` (a card's steps one by one, for the
// benchmark); and the worker thread that writeCards starts beside the library
// (dist/worker.js, found next to it at run time, so it is never bundled into it).
export default defineConfig(
  defineBase({
    entry: ['src/index.ts', 'src/internal.ts', 'src/worker.ts'],
    dts: { entry: ['src/index.ts', 'src/internal.ts'] },
  }),
)
