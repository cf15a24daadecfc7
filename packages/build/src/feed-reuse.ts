import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { FeedArticle, FeedPlan } from '@dawnpress/feeds'
import type { OutputRecord } from './build-state.ts'
import { isAsRecorded } from './build-state.ts'
import type { OutputSink } from './output-sink.ts'

/** What a build needs to know of the last one to reuse its feed files. */
export interface PreviousFeeds {
  /** The last build's output folder, still in place while the new one is staged. */
  outDir: string
  /** Each feed's key, by the path of its RSS file. */
  keys: Record<string, string>
  /** Every file the last build wrote, as it recorded it, to notice one changed by hand. */
  files: ReadonlyMap<string, OutputRecord>
}

/** Decides, for each feed, whether the last build's files can stand for it. */
export interface FeedReuse {
  /** Every feed's key, by the path of its RSS file, for the next build. */
  readonly keys: Record<string, string>
  /** The source digests of every article some feed lists. */
  readonly items: ReadonlySet<string>
  /**
   * Links the feed's three files from the last output into `sink` when its key is the one the
   * last build recorded and the files are as it wrote them; false when it must be rendered.
   */
  reuse(plan: FeedPlan, sink: OutputSink): Promise<boolean>
}

/**
 * A feed's key covers the build's base (config, code, options, git history), the feed's
 * paths and options, and, for each article it lists in order, its source digest, slug and
 * dates: a renamed file keeps its digest but changes its URL, and a date from git changes
 * without the file.
 */
export function createFeedReuse(input: {
  /** Digest of everything but the article files. */
  base: string
  previous: PreviousFeeds | undefined
  /** The digest of an article's source file, which with the base fixes its fields. */
  keyOf: (article: object) => string | undefined
}): FeedReuse {
  const keys: Record<string, string> = {}
  const listed = new Set<string>()
  return {
    keys,
    items: listed,
    async reuse(plan, sink) {
      const items = plan.items.map((article) => itemKey(article, input.keyOf(article)))
      for (const article of plan.items) {
        const key = input.keyOf(article)
        if (key !== undefined) listed.add(key)
      }
      if (items.includes(undefined)) return false
      const { contentCache: _cache, ...options } = plan.options
      const key = createHash('sha256')
        .update(input.base)
        .update(JSON.stringify({ files: plan.files, options, items }))
        .digest('hex')
      const id = plan.files[0]
      keys[id] = key
      const { previous } = input
      if (previous === undefined || previous.keys[id] !== key) return false
      return linkAll(plan.files, previous, sink)
    },
  }
}

function itemKey(article: FeedArticle, source: string | undefined): string | undefined {
  return source === undefined
    ? undefined
    : `${source}\0${article.slug}\0${article.date ?? ''}\0${article.updated ?? ''}`
}

async function linkAll(
  files: readonly string[],
  previous: PreviousFeeds,
  sink: OutputSink,
): Promise<boolean> {
  // Every file as the last build wrote it, or none is linked: a feed is never half reused.
  for (const file of files) {
    const recorded = previous.files.get(file)
    if (recorded === undefined || !isAsRecorded(previous.outDir, recorded)) return false
  }
  for (const [index, file] of files.entries()) {
    if (await sink.reuse(file, join(previous.outDir, file))) continue
    // Linking failed part-way (another file system?): copy what was not linked.
    for (const rest of files.slice(index)) await sink.copy(rest, join(previous.outDir, rest))
    return true
  }
  return true
}
