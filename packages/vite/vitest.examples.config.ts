import { defineConfig } from 'vitest/config'

// `pnpm test:examples`: examples/vite installed from the packed packages, built, and driven
// in Chromium under `vite dev`. Minutes, not seconds: an npm install, two builds, a browser.
export default defineConfig({
  test: {
    include: ['test/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 600_000,
  },
})
