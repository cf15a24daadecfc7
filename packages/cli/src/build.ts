import type { ConfigOverrides, OutputKind, ResolvedConfig } from '@dawnpress/build'
import {
  type BuildRequest,
  type BuildResult,
  findUpToDate,
  formatTimings,
} from '@dawnpress/build/up-to-date'
import { summarizeProblems } from '@dawnpress/core/format'
import { BUILD } from './commands.ts'
import { type ContentFlags, contentOverrides, plural, shownPath } from './flags.ts'
import { printProblems } from './print-problems.ts'
import { formatUsage, parseCommandArgs, printUsage, UsageError } from './usage.ts'

/** What `--skip` accepts; `site` is another name for `pages`. */
const SKIPPABLE: Record<string, OutputKind> = {
  pages: 'pages',
  site: 'pages',
  feeds: 'feeds',
  cards: 'cards',
  'articles-json': 'articlesJson',
  search: 'search',
  icons: 'icons',
}

/** `dawnpress build`: check, then write every output. */
export async function runBuild(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, BUILD)
  if (!args) return printUsage(BUILD)
  const { values } = args
  const overrides: ConfigOverrides = {
    ...contentOverrides(values),
    skip: parseSkip(values.skip),
    shard: parseShard(values.shard),
  }
  // Loading the engine takes longer than finding that nothing changed: ask first.
  const { result, outDir, shard } =
    (await askUpToDate({ root: process.cwd(), config: values.config, overrides })) ??
    (await buildWithEngine(values, overrides))
  printProblems(result.problems)
  const seconds = (result.durationMs / 1000).toFixed(2)
  const shown = shownPath(outDir)
  if (result.status === 'failed') {
    process.stderr.write(
      `${summarizeProblems(result.problems, result.articles)}\nBuild stopped; ${shown} was left as it was.\n`,
    )
  } else if (shard !== undefined) {
    const { index, count } = shard
    process.stdout.write(
      `Shard ${index}/${count}: ${plural(result.cards?.rendered ?? 0, 'card')} rendered, ${result.cards?.reused ?? 0} already in the cache (${seconds} s).\n`,
    )
  } else if (result.status === 'current') {
    process.stdout.write(
      `Nothing changed since the last build; ${shown} is up to date (${seconds} s).\n`,
    )
  } else {
    const parts = [plural(result.files.written + result.files.reused, 'file')]
    if (result.cards)
      parts.push(`${plural(result.cards.rendered, 'card')} rendered, ${result.cards.reused} reused`)
    if (result.reused > 0) parts.push(`${plural(result.reused, 'unchanged article file')} reused`)
    process.stdout.write(
      `Built ${plural(result.articles, 'article')} into ${shown} in ${seconds} s (${parts.join(', ')}).\n`,
    )
  }
  if (values.timings) process.stderr.write(`${formatTimings(result.timings)}\n`)
  return result.ok ? 0 : 1
}

/** What a build did, the folder it wrote and its shard. */
interface BuildOutcome {
  result: BuildResult
  outDir: string
  shard: ResolvedConfig['shard']
}

/** The last build's result when it is still current (see `findUpToDate`). */
async function askUpToDate(request: BuildRequest): Promise<BuildOutcome | undefined> {
  const result = await findUpToDate(request)
  return result?.outDir === undefined
    ? undefined
    : { result, outDir: result.outDir, shard: undefined }
}

/** A build by the engine, loaded only now. */
async function buildWithEngine(
  flags: ContentFlags,
  overrides: ConfigOverrides,
): Promise<BuildOutcome> {
  const { openBuild } = await import('./engine.ts')
  const build = await openBuild(flags, { overrides })
  const result = await build.build()
  await build.dispose()
  return { result, outDir: build.config.outDir, shard: build.config.shard }
}

function parseSkip(value: string): OutputKind[] {
  const kinds = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  return kinds.map((kind) => {
    const mapped = SKIPPABLE[kind]
    if (!mapped) {
      throw new UsageError(
        `--skip takes a list of pages, search, icons, feeds, cards and articles-json, not "${kind}".`,
        formatUsage(BUILD),
      )
    }
    return mapped
  })
}

function parseShard(value: string | undefined): { index: number; count: number } | undefined {
  if (value === undefined) return undefined
  const match = /^(\d+)\/(\d+)$/.exec(value)
  if (!match) {
    throw new UsageError(`--shard takes I/N, such as 1/2, not "${value}".`, formatUsage(BUILD))
  }
  return { index: Number(match[1]), count: Number(match[2]) }
}
