import { defineConfig } from 'vitest/config'

// Builds start worker threads and Vite servers: seconds on a busy two-core machine. The
// example's tests (a packed install, a browser) run apart: `pnpm test:examples`.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
