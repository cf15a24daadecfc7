import { summarizeProblems } from '@dawnpress/core'
import { BUNDLE } from './commands.ts'
import { openBuild } from './engine.ts'
import { plural, shownPath } from './flags.ts'
import { printProblems } from './print-problems.ts'
import { parseCommandArgs, printUsage } from './usage.ts'

/** `dawnpress bundle`: the package output of the engine alone. */
export async function runBundle(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, BUNDLE)
  if (!args) return printUsage(BUNDLE)
  const { out, ...values } = args.values
  const build = await openBuild(values, {
    overrides: { only: ['package'], ...(out !== undefined && { packageDir: out }) },
  })
  const result = await build.build()
  await build.dispose()
  printProblems(result.problems)
  if (!result.ok) {
    process.stderr.write(
      `${summarizeProblems(result.problems, result.articles)}\nNo package was written.\n`,
    )
    return 1
  }
  const packageOutput = build.config.outputs.package
  const dir = packageOutput === false ? '' : shownPath(packageOutput.dir)
  process.stdout.write(
    result.status === 'current'
      ? `Nothing changed since the last bundle; ${dir} is up to date.\n`
      : `Bundled ${plural(result.articles, 'article')} into ${dir}.\n`,
  )
  return 0
}
