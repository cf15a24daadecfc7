import { mkdir } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import type { buildSite, OutputKind } from '@dawnpress/site'
import { fingerprintBuild, readReusableBuild, writeBuildState } from './build-state.ts'
import { resolveContent } from './layout.ts'
import { cardWarningToProblem, formatProblems } from './report.ts'
import { parseCommandArgs, UsageError } from './usage.ts'

/** What `--skip` accepts; `site` is another name for `pages`. */
const SKIPPABLE: Record<string, OutputKind> = {
  pages: 'pages',
  site: 'pages',
  feeds: 'feeds',
  cards: 'cards',
}

/**
 * `dawnpress build`: check, then write every output into `--out`. Any content error stops
 * the build before anything is written, so the previous output stays as it was.
 */
export async function runBuild(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    content: { type: 'string', default: 'content' },
    out: { type: 'string', default: 'dist' },
    'site-url': { type: 'string' },
    skip: { type: 'string', default: '' },
    cache: { type: 'string', default: 'node_modules/.cache/dawnpress' },
  })
  const skip = parseSkip(values.skip)
  const started = performance.now()
  const outDir = resolve(values.out)
  const cacheDir = resolve(values.cache)
  const stateFile = join(cacheDir, 'last-build.json')
  const layout = resolveContent(values.content)
  const fingerprint = await fingerprintBuild({
    ...layout,
    options: { skip, siteUrl: values['site-url'] ?? process.env.SITE_URL ?? null },
  })
  const reusable = await readReusableBuild(stateFile, fingerprint, outDir)
  if (reusable) {
    if (reusable.length > 0) process.stderr.write(formatProblems(reusable, process.stderr))
    const seconds = ((performance.now() - started) / 1000).toFixed(2)
    process.stdout.write(
      `Nothing changed since the last build; ${relative(process.cwd(), outDir) || '.'} is up to date (${seconds} s).\n`,
    )
    return 0
  }
  // Loaded only now: a build with nothing to do never pays for parsing and rendering code.
  const [{ buildSite }, { loadContentForOutput }] = await Promise.all([
    import('@dawnpress/site'),
    import('./content.ts'),
  ])
  const loaded = await loadContentForOutput(
    values.content,
    values['site-url'],
    `Build stopped; ${values.out} was left as it was.`,
  )
  if (typeof loaded === 'number') return loaded
  const { articles, problems, site } = loaded

  const result = await buildSite({
    articles,
    site,
    outDir,
    cacheDir,
    skip,
    siteDir: loaded.layout.siteFile ? dirname(loaded.layout.siteFile) : process.cwd(),
    extraFiles: [{ path: 'articles.json', contents: `${JSON.stringify(articles)}\n` }],
  })
  const cardProblems = (result.cards?.warnings ?? []).map((warning) => {
    const article = articles.find((candidate) => candidate.slug === warning.slug)
    const file = join(loaded.layout.articlesDir, article?.path ?? `${warning.slug}.md`)
    return cardWarningToProblem(warning, relative(process.cwd(), file))
  })
  if (cardProblems.length > 0) process.stderr.write(formatProblems(cardProblems, process.stderr))
  await mkdir(cacheDir, { recursive: true })
  await writeBuildState(stateFile, fingerprint, outDir, [...problems, ...cardProblems])
  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  process.stdout.write(
    `Built ${articles.length} article${articles.length === 1 ? '' : 's'} into ${
      relative(process.cwd(), outDir) || '.'
    } in ${seconds} s (${describeResult(result)}).\n`,
  )
  return 0
}

function parseSkip(value: string): OutputKind[] {
  const kinds = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  return kinds.map((kind) => {
    const mapped = SKIPPABLE[kind]
    if (!mapped) {
      throw new UsageError(`--skip takes a list of pages, feeds and cards, not "${kind}".`)
    }
    return mapped
  })
}

function describeResult(result: Awaited<ReturnType<typeof buildSite>>): string {
  const parts = [`${result.files} files`]
  if (result.cards)
    parts.push(`${result.cards.rendered} cards rendered, ${result.cards.reused} reused`)
  return parts.join(', ')
}
