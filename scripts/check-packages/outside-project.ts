import { readdirSync, readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { run } from './run.ts'

/** A small publication, as a user of the installed `dawnpress` would write one. */
const FILES: Record<string, string> = {
  'content/site.json': JSON.stringify({
    title: 'Outside',
    description: 'A publication in a project of its own.',
    url: 'https://outside.example/blog/',
    author: { name: 'Ada' },
  }),
  'content/articles/first.md':
    '---\ntitle: First\ndescription: The first one.\ndate: 2025-01-01\ntags: [notes]\nseries: dawn\n---\n\n## Hello\n\nA [link](/about/).\n',
  'content/articles/second.md':
    '---\ntitle: Second\ndescription: The second one.\ndate: 2025-02-01\ntags: [notes, ai]\nseries: dusk\n---\n\nText.\n',
  'dawnpress.config.mjs': `import { articleSchema } from '@dawnpress/core'
import { defineConfig } from 'dawnpress'
import { z } from 'zod'

export default defineConfig({
  schema: articleSchema.extend({ series: z.enum(['dawn', 'dusk']) }),
  outputs: { cards: false },
})
`,
  // The engine from a script: build, build again (nothing to do), edit, build (one parsed).
  'build.mjs': `import { writeFileSync, readFileSync } from 'node:fs'
import { createBuild } from '@dawnpress/build'

const build = await createBuild()
const results = [await build.build(), await build.build()]
const file = 'content/articles/second.md'
writeFileSync(file, readFileSync(file, 'utf8').replace('Text.', 'Text, revised.'))
results.push(await build.build())
await build.dispose()
console.log(JSON.stringify(results.map(({ status, parsed, problems }) => ({ status, parsed, problems: problems.length }))))
`,
}

/**
 * The engine in a project outside the workspace, from its installed tarballs: a script runs
 * the incremental build with `createBuild`, and `dawnpress build` of the same content must
 * write the same files, byte for byte; `dawnpress bundle` must need nothing more. Returns
 * what failed.
 */
export async function checkOutsideProject(projectDir: string): Promise<string[]> {
  const failures: string[] = []
  for (const [path, text] of Object.entries(FILES)) {
    await mkdir(join(projectDir, path, '..'), { recursive: true })
    await writeFile(join(projectDir, path), text)
  }
  const script = await run(process.execPath, ['build.mjs'], projectDir)
  if (script.code !== 0) return [`the createBuild script failed:\n${script.stderr}`]
  const expected = [
    { status: 'built', parsed: 2, problems: 0 },
    { status: 'current', parsed: 0, problems: 0 },
    { status: 'built', parsed: 1, problems: 0 },
  ]
  if (script.stdout.trim() !== JSON.stringify(expected)) {
    failures.push(`createBuild gave ${script.stdout.trim()}, not ${JSON.stringify(expected)}`)
  }
  const bin = join(projectDir, 'node_modules/.bin/dawnpress')
  const cli = await run(bin, ['build', '--out', 'dist-cli', '--cache', '.cache-cli'], projectDir)
  if (cli.code !== 0) failures.push(`dawnpress build failed:\n${cli.stderr}`)
  else {
    const fromScript = readTree(join(projectDir, 'dist'))
    const fromCli = readTree(join(projectDir, 'dist-cli'))
    const paths = [...new Set([...fromScript.keys(), ...fromCli.keys()])].sort()
    const differ = paths.filter(
      (path) => !fromScript.get(path)?.equals(fromCli.get(path) ?? Buffer.alloc(0)),
    )
    if (differ.length > 0)
      failures.push(`createBuild and dawnpress build differ in ${differ.join(', ')}`)
  }
  const bundle = await run(bin, ['bundle', '--out', 'pkg'], projectDir)
  if (bundle.code !== 0 || bundle.stderr !== '') {
    failures.push(`dawnpress bundle exited ${bundle.code}:\n${bundle.stderr}`)
  }
  return failures
}

function readTree(dir: string): Map<string, Buffer> {
  const tree = new Map<string, Buffer>()
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name)
      tree.set(path.slice(dir.length + 1), readFileSync(path))
    }
  }
  return tree
}
