import { defineConfig } from 'vitest/config'

// The built-entry tests start fresh Node processes and some tests start worker threads:
// seconds on a busy two-core machine, where vitest's defaults (5 s, 10 s) are meant for
// unit tests. A slow machine is slowness, not failure.
export default defineConfig({
  test: { testTimeout: 30_000, hookTimeout: 60_000 },
})
