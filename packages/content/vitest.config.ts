import { defineConfig } from 'vitest/config'

// Every test here packs, installs, builds or spawns Node and tsc, which takes seconds on a
// busy two-core machine; the defaults (5 s, 10 s) are meant for unit tests.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
})
