import { openBuild, printProblems, shownPath } from './engine.ts'
import {
  CONTENT_OPTIONS,
  type CommandSpec,
  formatUsage,
  parseCommandArgs,
  printUsage,
  UsageError,
} from './usage.ts'

export const OG = {
  name: 'og',
  summary:
    "Render one article's social card (drafts too), so that you can look at it before publishing.",
  synopsis: '<slug> [options]',
  positionals: true,
  options: {
    ...CONTENT_OPTIONS,
    out: {
      type: 'string',
      default: '.dawnpress/preview',
      placeholder: 'DIR',
      help: 'where the card goes, as og/<slug>.png (default: .dawnpress/preview)',
    },
  },
} satisfies CommandSpec

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
