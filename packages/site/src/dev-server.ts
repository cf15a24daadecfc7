import { createHash } from 'node:crypto'
import { type FSWatcher, watch } from 'node:fs'
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { loadSite, type Problem, siteSchema } from '@dawnpress/core'
import { createFeedFiles } from '@dawnpress/feeds'
import { loadCardWriters } from './card-writers.ts'
import { createWatchedCollection } from './dev-collection.ts'
import { html } from './html.ts'
import {
  createReloadChannel,
  EVENTS_PATH,
  injectBeforeBodyEnd,
  renderErrorOverlay,
  renderReloadScript,
} from './live-reload.ts'
import { closeServer, createDirectoryReader, listen, type RunningServer } from './preview-server.ts'
import { formatProblem } from './problem-format.ts'
import { renderPages } from './render-pages.ts'
import { createStaticHandler } from './static-handler.ts'
import type { Site, SiteArticle } from './types.ts'

/** Options of `startDevServer`. */
export interface DevServerOptions {
  /** The folder of Markdown articles, watched recursively. */
  contentDir: string
  /** The site config (`site.json`), watched too. Without one, defaults are used. */
  siteFile?: string | undefined
  /** The port to listen on; 0 picks a free one. @default 4321 */
  port?: number
  /** The address to listen on. @default '127.0.0.1' */
  host?: string
  /** The base URL in canonical links and meta tags. @default the dev server's own URL */
  siteUrl?: string | undefined
  /** The card cache of builds; dev keeps its own cards in its `dev/` folder. @default `.dawnpress-cache/og` in the cwd */
  cacheDir?: string
  /** Render social cards. @default true */
  cards?: boolean
  /** Show drafts. @default false */
  drafts?: boolean
  /** Receives every line the server reports. @default writes to stdout */
  log?: (line: string) => void
  /** How long to wait for more file events before rebuilding, in ms. @default 40 */
  debounce?: number
}

/** A running dev server. */
export interface DevServer extends RunningServer {
  /** Resolves once every pending change has been rebuilt. */
  idle(): Promise<void>
}

function defaultSite(contentDir: string, url: string): Site {
  const name = basename(resolve(contentDir, '..')) || 'dawnpress'
  return siteSchema.parse({
    title: name,
    description: `Articles from ${name}.`,
    url,
    author: { name },
  })
}

/**
 * Serves the site from memory while you write. The first build is complete; after that each
 * save re-parses only the files that changed, renders cards only for articles that changed,
 * and reloads the open pages through Server-Sent Events. Content errors are shown over the
 * page and in the terminal, and the server keeps running with the last valid version.
 *
 * @example
 * const dev = await startDevServer({ contentDir: 'content/articles', siteFile: 'content/site.json' })
 * console.log(`Writing at ${dev.url}`)
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`))
  const contentDir = resolve(options.contentDir)
  const siteFile = options.siteFile === undefined ? undefined : resolve(options.siteFile)
  // Dev cards show the dev URL, and writeCards prunes its cache to the cards of its last run:
  // a folder of their own keeps dev and builds from evicting each other's cards.
  const cacheDir = join(resolve(options.cacheDir ?? join('.dawnpress-cache', 'og')), 'dev')
  const renderCards = options.cards ?? true
  const collection = createWatchedCollection({
    directory: contentDir,
    ...(options.drafts !== undefined && { drafts: options.drafts }),
  })
  const channel = createReloadChannel()
  const cardsDir = await mkdtemp(join(tmpdir(), 'dawnpress-dev-'))
  const readCard = createDirectoryReader(cardsDir)

  let files = new Map<string, Uint8Array>()
  let site: Site | undefined
  let siteHash: string | undefined
  let siteProblems: Problem[] = []
  let failure: string | undefined
  let reported = ''
  let cardsQueue: Promise<void> = Promise.resolve()
  let url = ''

  const handleStatic = createStaticHandler({
    async read(sitePath) {
      if (sitePath.startsWith('/og/')) return readCard(sitePath)
      const file = files.get(sitePath)
      if (file) return file
      return files.has(`${sitePath}/index.html`) ? 'directory' : undefined
    },
    transformHtml(page) {
      const overlay = renderErrorOverlay(problems(), failure)
      return injectBeforeBodyEnd(page, html`${overlay}${renderReloadScript(channel.version())}`)
    },
  })
  const server = createServer((request, response) => {
    if (request.url?.split('?')[0] === EVENTS_PATH) {
      channel.connect(response)
      return
    }
    handleStatic(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' })
      response.end(`Internal error: ${String(error)}\n`)
    })
  })
  url = await listen(server, options.port ?? 4321, options.host ?? '127.0.0.1')
  const siteUrl = options.siteUrl ?? url

  function problems(): Problem[] {
    return [...siteProblems, ...collection.problems()]
  }

  /** Reads the site config again; true when its text changed. A broken config keeps the last site. */
  async function refreshSite(): Promise<boolean> {
    if (siteFile === undefined) {
      if (site) return false
      site = defaultSite(contentDir, siteUrl)
      return true
    }
    const text = await readFile(siteFile, 'utf8').catch(() => '')
    const hash = createHash('sha256').update(text).digest('hex')
    if (hash === siteHash) return false
    siteHash = hash
    const result = await loadSite(siteFile, { url: siteUrl })
    siteProblems = result.problems
    if (result.site) site = result.site
    return true
  }

  async function cycle(first: boolean): Promise<void> {
    const started = performance.now()
    const siteChanged = await refreshSite()
    const change = await collection.refresh()
    if (!first && !siteChanged && change.parsed.length === 0 && change.removed.length === 0) return
    const articles = collection.articles()
    if (!site) {
      failure = undefined
      channel.announce()
      report()
      return
    }
    try {
      const next = new Map<string, Uint8Array>()
      for (const file of [...renderPages(articles, site), ...createFeedFiles(articles, site)]) {
        next.set(`/${file.path.replace(/^\/+/, '')}`, Buffer.from(file.contents))
      }
      files = next
      failure = undefined
    } catch (error) {
      failure = `The site could not be rendered: ${String((error as Error)?.message ?? error)}`
    }
    channel.announce()
    const pagesTime = performance.now() - started
    const changedFiles = [...change.parsed, ...change.removed]
    log(
      first
        ? `dawnpress dev: built ${articles.length} article${articles.length === 1 ? '' : 's'} in ${Math.round(pagesTime)} ms`
        : `dawnpress dev: ${changedFiles.join(', ') || 'site config'} changed, rebuilt in ${Math.round(pagesTime)} ms`,
    )
    report()
    if (renderCards) {
      // Cards are slow next to pages: the page reloads first, and cards follow in order.
      const all = first || siteChanged
      const target = all ? articles : changedOnly(articles, change.changedSlugs)
      cardsQueue = cardsQueue.then(() => updateCards(target, all))
    }
  }

  function changedOnly(articles: readonly SiteArticle[], slugs: Set<string>): SiteArticle[] {
    return articles.filter((article) => slugs.has(article.slug))
  }

  /**
   * `writeCards` keeps only the cards (and cache entries) of the articles it is given, so a
   * full run goes to the served folder with the shared cache, and a run for the few changed
   * articles goes to a scratch folder and cache, and its cards are copied over.
   */
  async function updateCards(articles: readonly SiteArticle[], all: boolean) {
    if (!site || (articles.length === 0 && !all)) return
    const siteDir = siteFile === undefined ? undefined : dirname(siteFile)
    const { writeCards, writeSiteCard } = await loadCardWriters()
    try {
      let rendered = 0
      if (all) {
        const written = await writeCards({ articles, site, outDir: cardsDir, cacheDir, siteDir })
        if ((await writeSiteCard({ site, outDir: cardsDir, cacheDir, siteDir })) === 'rendered') {
          rendered++
        }
        rendered += written.rendered
      } else {
        const scratch = join(cardsDir, '.changed')
        const written = await writeCards({
          articles,
          site,
          outDir: scratch,
          cacheDir: join(cardsDir, '.changed-cache'),
          siteDir,
          workers: 0,
        })
        await Promise.all(
          articles.map((article) =>
            copyFile(
              join(scratch, 'og', `${article.slug}.png`),
              join(cardsDir, 'og', `${article.slug}.png`),
            ),
          ),
        )
        rendered += written.rendered
      }
      if (rendered > 0) log(`dawnpress dev: ${rendered} card${rendered === 1 ? '' : 's'} rendered`)
    } catch (error) {
      log(
        `dawnpress dev: cards could not be rendered: ${String((error as Error)?.message ?? error)}`,
      )
    }
  }

  function report() {
    const current = problems()
    const text = [failure ?? '', ...current.map(formatProblem)].filter(Boolean).join('\n')
    if (text === reported) return
    if (text) log(text)
    else if (reported) log('dawnpress dev: all problems fixed')
    reported = text
  }

  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let pending = false

  function run(first = false): Promise<void> {
    if (running) {
      pending = true
      return running
    }
    running = (async () => {
      let isFirst = first
      do {
        pending = false
        await cycle(isFirst).catch((error: unknown) => {
          log(`dawnpress dev: rebuild failed: ${String((error as Error)?.stack ?? error)}`)
        })
        isFirst = false
      } while (pending)
    })().finally(() => {
      running = undefined
    })
    return running
  }

  function schedule() {
    clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      void run()
    }, options.debounce ?? 40)
  }

  await run(true)

  const watchers: FSWatcher[] = [watch(contentDir, { recursive: true }, schedule)]
  if (siteFile && !siteFile.startsWith(`${contentDir}/`)) {
    const name = basename(siteFile)
    watchers.push(
      watch(dirname(siteFile), (_event, changed) => {
        if (changed === null || changed === name) schedule()
      }),
    )
  }
  for (const watcher of watchers) {
    watcher.on('error', (error) => log(`dawnpress dev: watching stopped: ${error.message}`))
  }

  return {
    url,
    async idle() {
      while (timer !== undefined || running !== undefined) {
        await (running ?? new Promise((wait) => setTimeout(wait, 10)))
      }
      await cardsQueue
    },
    async close() {
      clearTimeout(timer)
      for (const watcher of watchers) watcher.close()
      await running
      await cardsQueue
      channel.close()
      await closeServer(server)
      await rm(cardsDir, { recursive: true, force: true })
    },
  }
}
