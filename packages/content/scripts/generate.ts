/**
 * Step one of `pnpm build`: loads the publication in `content/` at the repository root
 * through @dawnpress/core, prints every problem, fails on errors, and writes the package's
 * sources to `generated/` with @dawnpress/bundle. tsup then bundles them into `dist/`.
 */
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
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

const [collection, siteResult] = await Promise.all([
  loadCollection(defineCollection({ directory: 'content/articles' }), { cwd: repoRoot }),
  loadSite(`${repoRoot}content/site.json`),
])
const problems = sortProblems([
  ...siteResult.problems.map((problem) => ({ ...problem, file: relative(repoRoot, problem.file) })),
  ...collection.problems,
])
if (problems.length > 0) process.stderr.write(formatProblems(problems))

if (hasErrors(problems) || !siteResult.site) {
  const errors = problems.filter((problem) => problem.severity === 'error').length
  process.stderr.write(
    `\n✖ @dawnpress/content was not built: content/ has ${errors} error${errors === 1 ? '' : 's'}. Fix them and build again.\n`,
  )
  process.exit(1)
}

const result = await writeContentPackage({
  articles: collection.articles,
  site: siteResult.site,
  outDir: `${packageRoot}generated`,
})
process.stdout.write(
  `✔ ${result.articles} article${result.articles === 1 ? '' : 's'} written to ${relative(packageRoot, result.outDir)}/\n`,
)

function formatProblems(list: readonly Problem[]): string {
  return list
    .map(
      (problem) =>
        `${problem.file}:${problem.line}:${problem.column}  ${problem.severity}  ${problem.message} [${problem.code}]\n  hint: ${problem.hint}\n`,
    )
    .join('')
}
