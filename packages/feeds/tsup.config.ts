import { defineConfig } from 'tsup'
import { defineBase } from '../../tsup.base.ts'

// Two entries: the public API, and `@dawnpress/feeds/internal`, what the build uses to reuse
// unchanged feeds (see src/internal.ts).
export default defineConfig(defineBase({ entry: ['src/index.ts', 'src/internal.ts'] }))
