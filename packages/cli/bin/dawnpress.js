#!/usr/bin/env node
// The command line lives in dist/; in a clone of the repository it exists once built.
import('../dist/cli.js').catch((error) => {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('cli.js')) {
    throw error
  }
  process.stderr.write('dawnpress is not built yet: run "pnpm build" first.\n')
  process.exitCode = 2
})
