import { defineConfig } from 'vitest/config'

// These tests start Node processes and write corpora; on a busy 2-core machine that can take
// several seconds, which is slowness, not failure.
export default defineConfig({ test: { testTimeout: 30_000 } })
