import { mkdir } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import type { Site } from '@dawnpress/core'
import type { buildSite, OutputKind } from '@dawnpress/site'
import { storedMeta, writeArticlesJson } from './articles-json.ts'
import {
  ARTICLES_JSON,
  hashBuildInputs,
  isBuildCurrent,
  readBuildState,
  readStoredSources,
  writeBuildState,
  writeStoredSources,
} from './build-state.ts'
import { openFeedContentCache } from './feed-content.ts'
import { createFeedReuse } from './feed-reuse.ts'
import { resolveContent } from './layout.ts'
import { cardWarningToProblem, formatProblems, summarise } from './report.ts'
import { createTimings } from './timings.ts'
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
    timings: { type: 'boolean', default: false },
  })
  const skip = parseSkip(values.skip)
  const started = performance.now()
  const timings = createTimings()
  const outDir = resolve(values.out)
  const cacheDir = resolve(values.cache)
  const stateFile = join(cacheDir, 'last-build.json')
  const layout = resolveContent(values.content)
  const siteUrl = values['site-url'] ?? process.env.SITE_URL
  const previous = await readBuildState(stateFile)
  const inputs = await hashBuildInputs(
    { ...layout, options: { skip, siteUrl: siteUrl ?? null, cwd: process.cwd() } },
    previous?.inputs,
  )
  timings.end('hash inputs')
  const seconds = () => ((performance.now() - started) / 1000).toFixed(2)
  const shownOut = relative(process.cwd(), outDir) || '.'
  if (await isBuildCurrent(previous, inputs.fingerprint, outDir)) {
    const problems = previous?.problems ?? []
    if (problems.length > 0) process.stderr.write(formatProblems(problems, process.stderr))
    process.stdout.write(
      `Nothing changed since the last build; ${shownOut} is up to date (${seconds()} s).\n`,
    )
    if (values.timings) process.stderr.write(`${timings.format()}\n`)
    return 0
  }
  // Loaded only now: a build with nothing to do never pays for parsing and rendering code.
  const [{ hasErrors }, { buildSite }, { loadSiteConfig, ConfigError }, { loadBuildContent }] =
    await Promise.all([
      import('@dawnpress/core'),
      import('@dawnpress/site'),
      import('./content.ts'),
      import('./build-content.ts'),
    ])
  timings.end('load code')
  let site: Site
  try {
    site = await loadSiteConfig(layout, siteUrl)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    process.stderr.write(formatProblems(error.problems, process.stderr))
    return 2
  }
  await mkdir(cacheDir, { recursive: true })
  const sameBase = previous?.base === inputs.base && previous.outDir === outDir
  const sources = sameBase ? await readStoredSources(stateFile, previous) : undefined
  const content = await loadBuildContent({
    layout,
    hashes: inputs.files,
    previous: previous && sources ? { state: previous, sources } : undefined,
    spoolFile: join(cacheDir, `parse-spool-${process.pid}.json`),
  })
  timings.end(`articles (${content.parsed} parsed)`)
  const { problems } = content
  if (problems.length > 0) process.stderr.write(formatProblems(problems, process.stderr))
  if (hasErrors(problems)) {
    process.stderr.write(
      `${summarise(problems, content.articles.length)}\nBuild stopped; ${values.out} was left as it was.\n`,
    )
    return 1
  }

  const articles = content.articles.map((entry) => entry.article)
  // An article's HTML follows from its file's bytes and the base, which the cache is tied to.
  const sourceHashes = new Map<object | undefined, string>(
    content.files.map((file) => [file.article, file.stored.hash]),
  )
  const feedContent = await openFeedContentCache(cacheDir, sameBase, (article) =>
    sourceHashes.get(article),
  )
  const feedReuse = createFeedReuse({
    base: inputs.base,
    previous:
      sameBase && previous
        ? {
            outDir,
            keys: previous.feeds,
            files: new Map(
              previous.files.map(([path, size, mtimeMs]) => [path, { size, mtimeMs }]),
            ),
          }
        : undefined,
    keyOf: (article) => sourceHashes.get(article),
  })
  let ranges: [number, number][] = []
  const result = await buildSite({
    articles,
    site,
    outDir,
    cacheDir,
    skip,
    siteDir: layout.siteFile ? dirname(layout.siteFile) : process.cwd(),
    // Straight from core (now, or from this cache, which only core's output fills): safe
    // already, so pages skip sanitising every article's HTML a second time.
    sanitizePages: false,
    feedContentCache: feedContent.cache,
    reuseFeed: feedReuse.reuse,
    writeExtra: async (staged) => {
      timings.end('pages and feeds')
      ranges = writeArticlesJson(join(staged, ARTICLES_JSON), content.articles)
      timings.end(ARTICLES_JSON)
    },
  })
  timings.end(skip.includes('cards') ? 'swap' : 'cards and swap')
  const cardProblems = (result.cards?.warnings ?? []).map((warning) => {
    const article = articles.find((candidate) => candidate.slug === warning.slug)
    const file = join(layout.articlesDir, article?.path ?? `${warning.slug}.md`)
    return cardWarningToProblem(warning, relative(process.cwd(), file))
  })
  if (cardProblems.length > 0) process.stderr.write(formatProblems(cardProblems, process.stderr))

  // What the next build needs to reuse each unchanged file.
  const chunks = new Map(articles.map((article, index) => [article, ranges[index]]))
  for (const { stored, article } of content.files) {
    if (article === undefined) delete stored.article
    else {
      stored.article = { meta: storedMeta(article), chunk: chunks.get(article) }
    }
  }
  await Promise.all([
    writeBuildState(stateFile, {
      fingerprint: inputs.fingerprint,
      base: inputs.base,
      outDir,
      problems: [...problems, ...cardProblems],
      inputs: inputs.stored,
      feeds: feedReuse.keys,
    }),
    writeStoredSources(
      stateFile,
      inputs.fingerprint,
      content.files.map((file) => file.stored),
    ),
    feedContent.save(feedReuse.items.size),
  ])
  timings.end('build state')
  const reused = content.files.length - content.parsed
  process.stdout.write(
    `Built ${articles.length} article${articles.length === 1 ? '' : 's'} into ${shownOut} in ${seconds()} s (${describeResult(result)}${
      reused > 0 ? `, ${reused} unchanged files reused` : ''
    }).\n`,
  )
  if (values.timings) process.stderr.write(`${timings.format()}\n`)
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
