import { mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  type Article,
  type ArticleSchema,
  buildTime,
  defineCollection,
  hasErrors,
  type Problem,
  sortProblems,
  type WorkerSetup,
} from '@dawnpress/core'
import { type ArticleAssets, placeArticleAssets, withoutStaleReferences } from './article-assets.ts'
import { holdArticleInMemory, moveArticle, storedMeta, writeArticlesJson } from './articles-json.ts'
import {
  type BuildState,
  type CacheLayout,
  cacheLayout,
  writeBuildState,
  writeLastParse,
  writeStoredSources,
} from './build-state.ts'
import { findKeptParses, reviveKeptParse, writeCheckState } from './check-state.ts'
import { openFeedContentCache } from './feed-content.ts'
import { createFeedReuse } from './feed-reuse.ts'
import {
  type BaseInputs,
  type Fingerprint,
  fingerprintInputs,
  STATE_VERSION,
} from './fingerprint.ts'
import { createImageStore } from './images.ts'
import {
  buildInputs,
  isCurrent,
  listOutput,
  readPreviousState,
  reviveFromDisk,
  shallowProblem,
} from './incremental.ts'
import { openFileSource } from './json-source.ts'
import { type BuildContent, loadBuildContent, type PreviousContent } from './load-content.ts'
import { type LoadedSite, loadSite } from './load-site.ts'
import { acquireBuildLock } from './lock.ts'
import { assertReplaceableOutput, OUTPUT_MARKER, stageOutput } from './output-folder.ts'
import { createDirectorySink, createMemorySink, type MemorySink } from './output-sink.ts'
import { type RunRequest, writeRequestRecord } from './request-record.ts'
import { hasSiteOutputs, type ResolvedConfig } from './resolve-config.ts'
import { createTimings, type Timing, type Timings } from './timings.ts'
import { workerSetupModule } from './worker-setup.ts'

/** What one `build()` did. It never prints and never exits: the caller reports. */
export interface BuildResult {
  /**
   * `built`: the outputs were written. `current`: nothing changed since the last build and
   * its outputs are intact, so nothing was written. `failed`: an article has an error, and
   * the outputs are as the last build left them.
   */
  status: 'built' | 'current' | 'failed'
  /** True unless `status` is `failed`. */
  ok: boolean
  /** Every problem found, sorted by file and position; warnings do not fail a build. */
  problems: Problem[]
  /** Published articles. */
  articles: number
  /** Article files parsed in this build; the others were reused from the last one. */
  parsed: number
  /** Article files reused from the last build unchanged. */
  reused: number
  /** Files written, and files reused from the last output (linked, not rendered). */
  files: { written: number; reused: number }
  /** Cards drawn, and cards found in the cache; undefined when cards are off or drawn on demand. */
  cards: { rendered: number; reused: number } | undefined
  /** The output folder, or undefined for a dev build, which stays in memory. */
  outDir: string | undefined
  /** Where the time went, phase by phase. */
  timings: readonly Timing[]
  durationMs: number
}

/** What `check()` found: every problem, and the articles a build would publish. */
export interface CheckResult {
  /** True when there is no error (warnings allowed). */
  ok: boolean
  problems: Problem[]
  /** Published articles, newest first (their `html` is read when first asked for). */
  articles: Article[]
  /** The validated site settings. */
  site: LoadedSite
  /** Articles dated after the build time, newest first: not published yet. */
  scheduled: Article[]
  /** Article files parsed; the others were reused from the last build's cache. */
  parsed: number
  timings: readonly Timing[]
  durationMs: number
}

/** What a build keeps for the next one in the same process. */
export interface LastBuild {
  state: BuildState
  files: PreviousContent
  /** In memory (dev): the files served. */
  sink?: MemorySink | undefined
}

/** The site and articles of a build, loaded incrementally. */
interface Loaded {
  site: LoadedSite
  layout: CacheLayout
  /** What the fingerprint was taken of, but the articles. */
  inputs: BaseInputs
  fingerprint: Fingerprint
  previous: BuildState | undefined
  /** True when the last build's state may stand in for articles that did not change. */
  sameBase: boolean
  content: BuildContent | undefined
  /** The files the articles name, resolved and (when writing) measured. */
  assets: ArticleAssets
  problems: Problem[]
  /** The time the build publishes as of. */
  now: Date
}

/**
 * Reads the site config and the articles: each article file whose bytes did not change
 * since the last build with the same base is reused; the others are parsed. With `current`,
 * stops before the articles when nothing changed since the last build at all.
 */
async function load(
  config: ResolvedConfig,
  last: LastBuild | undefined,
  timings: Timings,
  options: {
    stopWhenCurrent: boolean
    placeAssets: boolean
    measureImages: boolean
    spoolInMemory: boolean
    /** Parse for the problems only: a check reads no HTML (see `loadBuildContent`). */
    problemsOnly?: boolean
  },
): Promise<Loaded & { current: boolean }> {
  const site = loadSite(config)
  const layout = cacheLayout(config.cacheDir, { outDir: config.outDir, mode: config.mode })
  mkdirSync(layout.dir, { recursive: true })
  const problems: Problem[] = []
  const previous = last?.state ?? readPreviousState(layout, problems)
  // A check writes no output of its own: it may reuse the parse of the last build or check
  // of this cache with the same parse options, whatever its output folder.
  const kept = options.problemsOnly && !last ? findKeptParses(config) : []
  const inputs = buildInputs(config, site)
  const fingerprint = await fingerprintInputs(inputs, (previous ?? kept[0]?.state)?.inputs)
  const now = buildTime()
  timings.end('fingerprint')
  const sameBase = previous?.base === fingerprint.base && previous.outDir === config.outDir
  const assets: ArticleAssets = { files: new Map(), images: new Map(), covers: new Map() }
  const base = { site, layout, inputs, fingerprint, previous, sameBase, problems, now, assets }
  if (options.stopWhenCurrent && previous && isCurrent(previous, fingerprint, config, last, now)) {
    return { ...base, content: undefined, current: true }
  }
  if (fingerprint.shallow) problems.push(shallowProblem(config))
  const collection = defineCollection({
    directory: config.articlesDir,
    schema: config.schema as ArticleSchema,
    drafts: config.drafts,
    scheduled: config.mode === 'dev' && config.drafts,
    excerptLength: config.markdown.excerptLength,
    markdown: rendererOptions(config),
    gitDates: config.gitDates && !fingerprint.shallow,
    timeZone: site.site.timeZone,
  })
  // For a check, the state of a build into the same folder may hold the same parse too.
  const own = options.problemsOnly && previous && !last ? [{ layout, state: previous }] : []
  const candidates = [...kept, ...own]
  const keptParse = candidates.find((found) => found.state.parseBase === fingerprint.parseBase)
  const parsedBefore =
    sameBase && previous
      ? (last?.files ?? reviveFromDisk(layout, previous))
      : keptParse && reviveKeptParse(keptParse, collection)
  const content = await loadBuildContent({
    collection,
    hashes: fingerprint.files,
    previous: withoutStaleReferences(parsedBefore, fingerprint.files),
    spool: join(layout.dir, `parse-spool-${process.pid}`),
    spoolInMemory: options.spoolInMemory,
    workerSetup: workerSetupFor(config),
    now,
    problemsOnly: options.problemsOnly,
  })
  timings.end(`articles (${content.parsed} parsed)`)
  problems.push(...content.problems)
  const placed = await placeArticleAssets({
    articlesDir: config.articlesDir,
    content,
    hashes: fingerprint.files,
    images: options.measureImages ? createImageStore(config.cacheDir) : undefined,
    write: options.placeAssets,
  })
  problems.push(...placed.problems)
  if (placed.assets.files.size > 0 || placed.problems.length > 0) timings.end('images and links')
  return { ...base, content, assets: placed.assets, current: false }
}

/** The collection's renderer options: highlighting, plugins and the raw-HTML allow-list. */
function rendererOptions(config: ResolvedConfig) {
  const { excerptLength: _excerptLength, ...options } = config.markdown
  return options
}

/**
 * How core's parse workers make the schema and Markdown plugins of a config file: by loading
 * the same file. Without a file (a config given as an object), a custom schema or plugins
 * parse on the main thread.
 */
function workerSetupFor(config: ResolvedConfig): WorkerSetup | undefined {
  const module = workerSetupModule()
  const needsSetup = config.customSchema || (config.markdown.plugins?.length ?? 0) > 0
  if (!needsSetup || config.configFile === undefined || module === undefined) return undefined
  return { module, data: { configFile: config.configFile } }
}

/** Checks a resolved config's content without writing any output. */
export async function runCheck(
  config: ResolvedConfig,
  last: LastBuild | undefined,
): Promise<CheckResult & { covers: ArticleAssets['covers'] }> {
  const started = performance.now()
  const timings = createTimings()
  // The articles returned read their HTML after this returns: their JSON is kept in memory.
  const loaded = await load(config, last, timings, {
    stopWhenCurrent: false,
    placeAssets: false,
    measureImages: true,
    spoolInMemory: true,
    problemsOnly: true,
  })
  const content = loaded.content as BuildContent
  // Kept for the next check; a check in the process of a build reuses that build instead.
  if (last === undefined && content.parsed > 0) {
    writeCheckState(config, loaded.fingerprint, content, loaded.problems)
    timings.end('state')
  }
  return {
    ok: !hasErrors(loaded.problems),
    problems: sortProblems(loaded.problems),
    articles: content.articles.map((entry) => entry.article),
    site: loaded.site,
    scheduled: content.scheduled,
    parsed: content.parsed,
    timings: timings.phases,
    durationMs: performance.now() - started,
    covers: loaded.assets.covers,
  }
}

/**
 * One build of a resolved config, given what the last build of this process left. With
 * `request`, the command it was resolved from, a build that succeeds records what that
 * request resolved to, so that the next run can find it current without the engine.
 */
export async function runBuild(
  config: ResolvedConfig,
  last: LastBuild | undefined,
  options: { request?: RunRequest | undefined } = {},
): Promise<{ result: BuildResult; last: LastBuild | undefined }> {
  const started = performance.now()
  const timings = createTimings()
  const inMemory = config.mode === 'dev'
  const release = inMemory ? undefined : await acquireBuildLock(config.cacheDir)
  let loadedContent: BuildContent | undefined
  try {
    if (!inMemory && hasSiteOutputs(config) && config.shard === undefined) {
      assertReplaceableOutput(config.outDir, {
        root: config.root,
        content: [
          config.articlesDir,
          ...(config.site.kind === 'file' ? [dirname(config.site.file)] : []),
        ],
        cacheDir: config.cacheDir,
        option: '--out',
      })
    }
    // Dev keeps its articles for the next build and writes no store: their JSON stays in memory.
    const loaded = await load(config, last, timings, {
      stopWhenCurrent: true,
      placeAssets: config.shard === undefined,
      measureImages: true,
      spoolInMemory: inMemory,
    })
    const { problems, previous } = loaded
    const finish = (status: BuildResult['status'], fields: Partial<BuildResult>): BuildResult => ({
      status,
      ok: status !== 'failed',
      articles: 0,
      parsed: 0,
      reused: 0,
      files: { written: 0, reused: 0 },
      cards: undefined,
      outDir: inMemory ? undefined : config.outDir,
      timings: timings.phases,
      durationMs: performance.now() - started,
      ...fields,
      problems: sortProblems(fields.problems ?? problems),
    })
    const recordRequest = () => {
      if (options.request === undefined) return
      writeRequestRecord(loaded.layout.upToDate, options.request, config, loaded.inputs)
    }
    if (loaded.current && previous) {
      const result = finish('current', {
        problems: [...problems, ...previous.problems],
        articles: previous.articles,
        reused: previous.inputs.files.length,
        files: { written: 0, reused: previous.files.length },
      })
      recordRequest()
      return { result, last }
    }
    const content = loaded.content as BuildContent
    loadedContent = content
    const counted = {
      articles: content.articles.length,
      parsed: content.parsed,
      reused: content.files.length - content.parsed,
    }
    if (hasErrors(problems)) return { result: finish('failed', counted), last }

    if (config.shard !== undefined) {
      const { renderCardShard } = await import('./write-outputs.ts')
      const cards = await renderCardShard(
        config,
        loaded.site,
        content.articles,
        loaded.layout.cards,
        loaded.assets.covers,
      )
      timings.end('cards')
      return { result: finish('built', { ...counted, cards }), last }
    }
    let written: Written
    try {
      written = inMemory
        ? await writeToMemory(config, loaded, timings)
        : await writeToFolder(config, loaded, timings)
    } catch (error) {
      if (!(error instanceof OutputErrors)) throw error
      return {
        result: finish('failed', { ...counted, problems: [...problems, ...error.problems] }),
        last,
      }
    }
    problems.push(...written.problems)
    const state: BuildState = {
      ...written.state,
      problems: sortProblems([...problems]),
    }
    if (!inMemory) {
      writeBuildState(loaded.layout.state, state)
      writeStoredSources(
        loaded.layout.sources,
        loaded.fingerprint.fingerprint,
        content.files.map((file) => file.stored),
      )
      const { outDir, mode } = config
      writeLastParse(loaded.layout, { outDir, mode, parseBase: loaded.fingerprint.parseBase })
      recordRequest()
      timings.end('state')
    }
    const files = new Map(content.files.map((file) => [file.stored.file, file]))
    return {
      result: finish('built', { ...counted, files: written.files, cards: written.cards }),
      last: { state, files, sink: written.sink },
    }
  } finally {
    // The parse spool goes: the articles kept read their JSON from the store or from memory.
    loadedContent?.release()
    await release?.()
  }
}

/** Errors an output found while it was written: the build fails, its output left as it was. */
class OutputErrors extends Error {
  constructor(readonly problems: Problem[]) {
    super('The outputs found errors.')
  }
}

interface Written {
  files: BuildResult['files']
  cards: BuildResult['cards']
  problems: Problem[]
  state: BuildState
  sink?: MemorySink
}

/** Writes a staged folder and swaps it in; records what it wrote for the next build. */
async function writeToFolder(
  config: ResolvedConfig,
  loaded: Loaded,
  timings: Timings,
): Promise<Written> {
  const { layout, fingerprint } = loaded
  const content = loaded.content as BuildContent
  const keyOf = sourceDigests(content)
  const previous = loaded.sameBase ? loaded.previous : undefined
  const feedContent = openFeedContentCache(layout.feedContent, previous !== undefined, keyOf)
  const feedReuse = createFeedReuse({
    base: fingerprint.base,
    previous: previous && {
      outDir: config.outDir,
      keys: previous.feeds,
      files: new Map(previous.files.map((record) => [record[0], record])),
    },
    keyOf,
  })
  // The articles' JSON is the store the next build revives unchanged articles from; it is
  // written whether or not `articles.json` is one of the outputs.
  const jsonFile = `${layout.articlesJson}.${process.pid}.tmp`
  // The renderers of the outputs (feeds, pages, cards, icons) are loaded only when there is
  // something to write: a build that finds nothing changed never needs them.
  const { writeOutputs } = await import('./write-outputs.ts')
  const json = writeArticlesJson(jsonFile, content.articles)
  timings.end('articles json')
  let files = { written: 0, reused: 0 }
  let cards: BuildResult['cards']
  let packageDir: string | undefined
  const problems: Problem[] = []
  try {
    if (hasSiteOutputs(config)) {
      const staged = await stageOutput(config.outDir)
      try {
        const sink = createDirectorySink(staged.dir)
        sink.claim([OUTPUT_MARKER])
        const counts = await writeOutputs(
          {
            config,
            site: loaded.site,
            articles: content.articles,
            cardCache: layout.cards,
            iconCache: layout.icons,
            searchCache: layout.search,
            feedContent: feedContent.cache,
            feedReuse,
            articlesJson: jsonFile,
            assets: loaded.assets,
            publicFiles: loaded.fingerprint.publicFiles,
            now: loaded.now,
            timings,
          },
          sink,
        )
        // An output that found an error (a public file where a page goes) is not swapped in.
        if (hasErrors(counts.problems)) throw new OutputErrors(counts.problems)
        await staged.commit()
        files = { written: sink.count - counts.feedsReused, reused: counts.feedsReused }
        cards = counts.cards
        problems.push(...counts.problems)
      } catch (error) {
        await staged.abort()
        throw error
      }
      timings.end('swap')
    }
    if (config.outputs.package) {
      const { writePackageOutput } = await import('./write-package.ts')
      const written = await writePackageOutput(config, loaded.site, content.articles)
      files.written += written.files
      packageDir = written.dir
      timings.end('package')
    }
  } catch (error) {
    rmSync(jsonFile, { force: true })
    throw error
  }
  renameSync(jsonFile, layout.articlesJson)
  feedContent.save(feedReuse.items.size)
  // The store just written is where every article's JSON is from now on (the next build of
  // this process copies from it), and what the next build needs to reuse each unchanged file.
  const store = openFileSource(layout.articlesJson)
  if (store === undefined) throw new Error(`${layout.articlesJson} could not be opened.`)
  const chunks = new Map(content.articles.map((article, index) => [article, json.chunks[index]]))
  for (const [article, chunk] of chunks) {
    if (chunk !== undefined) moveArticle(article, { source: store, chunk })
  }
  for (const { stored, article } of content.files) {
    if (article === undefined) {
      delete stored.article
      continue
    }
    const chunk = chunks.get(article)
    // Not in the store (scheduled): kept for the next build of this process, from memory.
    if (chunk === undefined) holdArticleInMemory(article)
    stored.article = {
      meta: storedMeta(article.article),
      chunk: chunk && [
        chunk.start,
        chunk.end,
        chunk.htmlStart,
        chunk.htmlEnd,
        chunk.headingsStart,
        chunk.headingsEnd,
      ],
    }
  }
  return {
    files,
    cards,
    problems,
    state: {
      version: STATE_VERSION,
      articles: content.articles.length,
      nextScheduled: content.scheduled.at(-1)?.date,
      lastPublished: latestDate(content),
      fingerprint: fingerprint.fingerprint,
      base: fingerprint.base,
      parseBase: fingerprint.parseBase,
      outDir: config.outDir,
      files: hasSiteOutputs(config) ? listOutput(config.outDir) : [],
      ...(packageDir !== undefined && {
        packageFiles: { dir: packageDir, files: listOutput(packageDir) },
      }),
      problems: [],
      articlesJson: { identity: store.identity, sha256: json.sha256 },
      inputs: fingerprint.stored,
      feeds: feedReuse.keys,
    },
  }
}

/** Renders into memory, for the dev server: nothing is written but the card cache. */
async function writeToMemory(
  config: ResolvedConfig,
  loaded: Loaded,
  timings: Timings,
): Promise<Written> {
  const content = loaded.content as BuildContent
  const sink = createMemorySink()
  const { writeOutputs } = await import('./write-outputs.ts')
  const counts = await writeOutputs(
    {
      config,
      site: loaded.site,
      articles: content.articles,
      cardCache: loaded.layout.cards,
      iconCache: loaded.layout.icons,
      searchCache: loaded.layout.search,
      feedContent: undefined,
      feedReuse: undefined,
      articlesJson: undefined,
      assets: loaded.assets,
      publicFiles: loaded.fingerprint.publicFiles,
      now: loaded.now,
      timings,
    },
    sink,
  )
  if (hasErrors(counts.problems)) throw new OutputErrors(counts.problems)
  return {
    files: { written: sink.count, reused: 0 },
    cards: counts.cards,
    problems: counts.problems,
    sink,
    state: {
      version: STATE_VERSION,
      articles: content.articles.length,
      nextScheduled: content.scheduled.at(-1)?.date,
      lastPublished: latestDate(content),
      fingerprint: loaded.fingerprint.fingerprint,
      base: loaded.fingerprint.base,
      outDir: config.outDir,
      files: [],
      problems: [],
      articlesJson: undefined,
      inputs: loaded.fingerprint.stored,
      feeds: {},
    },
  }
}

/**
 * Each article's source digest: with the base, it fixes every field of the article (its
 * file's bytes, and what its images and links point at).
 */
function sourceDigests(content: BuildContent): (article: object) => string | undefined {
  const digests = new Map<object, string>()
  for (const file of content.files) {
    const references = file.stored.referencesDigest
    const digest = references === undefined ? file.stored.hash : `${file.stored.hash}+${references}`
    if (file.article) digests.set(file.article.article, digest)
  }
  return (article) => digests.get(article)
}

/** The latest date among the published articles (scheduled ones shown in dev excluded). */
function latestDate(content: BuildContent): string | undefined {
  const scheduled = new Set<object>(content.scheduled)
  let latest: string | undefined
  for (const { article } of content.articles) {
    if (scheduled.has(article) || article.date === undefined) continue
    if (latest === undefined || article.date > latest) latest = article.date
  }
  return latest
}
