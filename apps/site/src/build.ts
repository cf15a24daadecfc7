/**
 * `pnpm build` of the site: the engine with the repository's dawnpress.config.ts, exactly as
 * `dawnpress build` runs it, so that both write the same files.
 */
import { createBuild } from '@dawnpress/build'
import { formatProblems, isProblemError, summarizeProblems } from '@dawnpress/core'
import { REPO_ROOT } from './repo.ts'

try {
  const build = await createBuild({ root: REPO_ROOT })
  const result = await build.build()
  await build.dispose()
  if (result.problems.length > 0) process.stderr.write(formatProblems(result.problems))
  if (!result.ok) {
    process.stderr.write(
      `${summarizeProblems(result.problems, result.articles)}\nThe site was not built.\n`,
    )
    process.exit(1)
  }
  const cards = result.cards
    ? `, ${result.cards.rendered} cards rendered, ${result.cards.reused} reused`
    : ''
  process.stdout.write(
    `${result.status === 'current' ? 'Up to date' : 'Built'}: ${result.articles} article${result.articles === 1 ? '' : 's'} into apps/site/dist in ${(result.durationMs / 1000).toFixed(2)} s (${result.files.written + result.files.reused} files${cards}).\n`,
  )
} catch (error) {
  if (!isProblemError(error)) throw error
  process.stderr.write(formatProblems(error.problems))
  process.exit(2)
}
