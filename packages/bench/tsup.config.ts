import { defineConfig } from 'tsup'
import { defineBase } from '../../tsup.base.ts'

export default defineConfig([
  // The library: the corpus generator. Leaves dist/bin to the second build, which runs alongside.
  ...defineBase({ clean: ['!bin/**'] }),
  // The scripts the benchmark runs, each in its own process: ESM only (top-level await). The
  // peers and renderers are devDependencies, which tsup would bundle, so they stay external.
  ...defineBase({
    entry: {
      'bin/bench': 'src/bench.ts',
      'bin/generate': 'src/generate.ts',
      'bin/content-collections': 'src/runners/content-collections.ts',
      'bin/floor': 'src/runners/floor.ts',
      'bin/cards': 'src/runners/cards.ts',
      'bin/card-parts': 'src/runners/card-parts.ts',
    },
    format: ['esm'],
    dts: false,
    clean: false,
    external: [
      '@content-collections/core',
      '@content-collections/markdown',
      '@dawnpress/og',
      '@resvg/resvg-js',
      '@takumi-rs/core',
      '@takumi-rs/helpers',
      'markdown-it',
      'satori',
      'zod',
    ],
  }),
])
