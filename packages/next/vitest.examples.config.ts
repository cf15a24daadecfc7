import { defineConfig } from 'vitest/config'

// `pnpm test:examples`: examples/next installed from the packed packages, built with
// Turbopack and with webpack, and served by `next dev`. Minutes, not seconds.
export default defineConfig({
  test: {
    include: ['test/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
})
