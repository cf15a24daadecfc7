import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { contentTsupOptions, writeContentPackage } from '@dawnpress/bundle'
import { build } from 'tsup'
import { loadContentForOutput } from './content.ts'
import { parseCommandArgs } from './usage.ts'

/**
 * `dawnpress bundle`: the publication's articles as a typed package (ESM + CJS + `.d.ts`),
 * the same generator `@dawnpress/content` is built with. Writes `--out` (default
 * `content-package/dist`); put a package.json beside it to publish.
 */
export async function runBundle(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    content: { type: 'string', default: 'content' },
    out: { type: 'string', default: 'content-package/dist' },
    'site-url': { type: 'string' },
  })
  const loaded = await loadContentForOutput(
    values.content,
    values['site-url'],
    'No bundle was written.',
  )
  if (typeof loaded === 'number') return loaded
  const { articles, site } = loaded
  const sources = await mkdtemp(join(tmpdir(), 'dawnpress-bundle-'))
  try {
    const generated = join(sources, 'generated')
    await writeContentPackage({ articles, site, outDir: generated })
    const outDir = resolve(values.out)
    await build({ ...contentTsupOptions({ sourceDir: generated, outDir }), silent: true })
    process.stdout.write(
      `Bundled ${articles.length} article${articles.length === 1 ? '' : 's'} into ${relative(process.cwd(), outDir) || '.'}\n`,
    )
    return 0
  } finally {
    await rm(sources, { recursive: true, force: true })
  }
}
