import { defineConfig } from 'dawnpress'

/**
 * Dawn, the publication in this repository. `pnpm build` (apps/site) and `dawnpress build`
 * read this same file, so both write the same site into apps/site/dist; the typed content
 * package (packages/content) is built from it too, with the package output alone.
 */
export default defineConfig({
  content: 'content/articles',
  site: 'content/site.json',
  outDir: 'apps/site/dist',
  // Inside apps/site so that its rendered cards can be a turbo output (the `cards` task).
  cacheDir: 'apps/site/.dawnpress-cache',
})
