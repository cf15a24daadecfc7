import { OG } from './commands.ts'
import { openBuild } from './engine.ts'
import { shownPath } from './flags.ts'
import { printProblems } from './print-problems.ts'
import { formatUsage, parseCommandArgs, printUsage, UsageError } from './usage.ts'

/** `dawnpress og <slug>`: render one card so an author can look at it. */
export async function runOg(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, OG)
  if (!args) return printUsage(OG)
  const { values, positionals } = args
  const [slug] = positionals
  if (!slug || positionals.length > 1)
    throw new UsageError('Give one slug: dawnpress og <slug>.', formatUsage(OG))
  const { out, ...flags } = values
  const build = await openBuild(flags, { mode: 'dev' })
  const preview = await build.previewCard(slug, out)
  await build.dispose()
  if (preview === undefined) {
    process.stderr.write(
      `dawnpress: no valid article has the slug "${slug}".\nRun "dawnpress check" to see every article's problems.\n`,
    )
    return 1
  }
  printProblems(preview.problems)
  process.stdout.write(`${shownPath(preview.file)}\n`)
  return 0
}
