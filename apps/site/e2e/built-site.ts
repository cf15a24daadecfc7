import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createBuild, type DawnpressConfig, startPreviewServer } from '@dawnpress/build'
import { formatProblems } from '@dawnpress/core'

/** A site built from given files into a temporary folder, served on localhost. */
export interface BuiltSite {
  /** Where it is served, ending in `/`. */
  url: string
  /** The built site. */
  outDir: string
  /** Site paths of every HTML page written, such as `/articles/a/`, in code-point order. */
  pages: string[]
  stop: () => Promise<void>
}

/**
 * Builds a publication made of `files` (paths below the project, such as
 * `content/articles/a.md` and `content/site.json`) with the engine, as `dawnpress build`
 * does, and serves the result with the preview server. Cards are skipped: pages are what
 * these tests look at. Fails with the build's problems when it has errors.
 */
export async function buildSite(
  files: Record<string, string>,
  config: DawnpressConfig = {},
): Promise<BuiltSite> {
  const root = await mkdtemp(join(tmpdir(), 'dawnpress-site-'))
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), text)
  }
  const build = await createBuild({
    root,
    config: { gitDates: false, ...config },
    overrides: { skip: ['cards'] },
  })
  const result = await build.build()
  await build.dispose()
  if (!result.ok) throw new Error(`The site did not build:\n${formatProblems(result.problems)}`)
  const outDir = join(root, 'dist')
  const pages = (await readdir(outDir, { recursive: true }))
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`)
    .sort()
  const server = await startPreviewServer({ dir: outDir, port: 0 })
  return {
    url: server.url,
    outDir,
    pages,
    stop: async () => {
      await server.close()
      await rm(root, { recursive: true, force: true })
    },
  }
}
