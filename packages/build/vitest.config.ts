import { defineConfig } from 'vitest/config'

// Builds render cards and start worker threads: seconds on a busy two-core machine, where
// vitest's defaults (5 s, 10 s) are meant for unit tests.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 120_000 },
})
