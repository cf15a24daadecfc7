import { fileURLToPath } from 'node:url'

/** The repository root, where dawnpress.config.ts and content/ are. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** Where `pnpm build` writes the site (the config's `outDir`). */
export const DIST_DIR = fileURLToPath(new URL('../dist/', import.meta.url))
