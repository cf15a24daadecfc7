import { defineConfig } from 'vitest/config'

// Rendering CJK cards loads fonts on first use; writeCards tests start worker threads.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
})
