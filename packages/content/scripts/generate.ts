/**
 * Step one of `pnpm build`: loads the publication in `content/` at the repository root
 * through @dawnpress/core, prints every problem, fails on errors, and writes the package's
 * sources to `generated/` with @dawnpress/bundle. tsup then bundles them into `dist/`.
 *
 * `--content DIR` and `--out DIR` point it elsewhere (the tests use them).
 */
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { writeContentPackage } from '@dawnpress/bundle'
import {
  defineCollection,
  hasErrors,
  loadCollection,
  loadSite,
  type Problem,
  sortProblems,
} from '@dawnpress/core'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const packageRoot = fileURLToPath(new URL('../', import.meta.url))

const { values } = parseArgs({
  options: { content: { type: 'string' }, out: { type: 'string' } },
})
const contentDir = values.content ? resolve(values.content) : join(repoRoot, 'content')
const outDir = values.out ? resolve(values.out) : join(packageRoot, 'generated')

const [collection, siteResult] = await Promise.all([
  loadCollection(defineCollection({ directory: join(contentDir, 'articles') }), { cwd: repoRoot }),
  loadSite(join(contentDir, 'site.json')),
])
const problems = sortProblems([
  ...siteResult.problems.map((problem) => ({ ...problem, file: relative(repoRoot, problem.file) })),
  ...collection.problems,
])
if (problems.length > 0) process.stderr.write(formatProblems(problems))

if (hasErrors(problems) || !siteResult.site) {
  const errors = problems.filter((problem) => problem.severity === 'error').length
  process.stderr.write(
    `\n✖ @dawnpress/content was not built: ${relative(repoRoot, contentDir)}/ has ${errors} error${errors === 1 ? '' : 's'}. Fix them and build again.\n`,
  )
  process.exit(1)
}

const result = await writeContentPackage({
  articles: collection.articles,
  site: siteResult.site,
  outDir,
})
process.stdout.write(
  `✔ ${result.articles} article${result.articles === 1 ? '' : 's'} written to ${relative(process.cwd(), result.outDir)}/\n`,
)

function formatProblems(list: readonly Problem[]): string {
  return list
    .map(
      (problem) =>
        `${problem.file}:${problem.line}:${problem.column}  ${problem.severity}  ${problem.message} [${problem.code}]\n  hint: ${problem.hint}\n`,
    )
    .join('')
}
