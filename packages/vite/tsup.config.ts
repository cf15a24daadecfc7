import { defineConfig } from 'tsup'
import { defineBase } from '../../tsup.base.ts'

// ESM only, as Vite 8 is: every Node that runs Vite 8 (20.19+, 22.12+) can also require() it.
export default defineConfig(defineBase({ format: ['esm'] }))
