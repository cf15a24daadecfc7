import { createHash } from 'node:crypto'
import { link, mkdir, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { BuildSiteOptions } from '@dawnpress/site'

type FeedPlan = Parameters<NonNullable<BuildSiteOptions['reuseFeed']>>[0]

/** What a build needs to know of the last one to reuse its feed files. */
export interface PreviousFeeds {
  /** The last build's output folder, still in place while the new one is staged. */
  outDir: string
  /** Each feed's key, by the path of its RSS file. */
  keys: Record<string, string>
  /** The size and mtime of every file the last build wrote, to notice one changed by hand. */
  files: Map<string, { size: number; mtimeMs: number }>
}

/**
 * Decides for each feed whether the last build's files can stand for it: when its key (the
 * build's base, the feed's paths and options, and the source digests of the articles it
 * lists, in order) is the one the last build recorded, its three files are hard-linked into
 * the new output instead of being rendered. `keys` collects every feed's key for the next
 * build.
 */
export function createFeedReuse(input: {
  /** Digest of everything but the article files (config, code, options, git history). */
  base: string
  previous: PreviousFeeds | undefined
  /** The digest of an article's source file, which with the base fixes all its fields. */
  keyOf: (article: object) => string | undefined
}) {
  const keys: Record<string, string> = {}
  const listed = new Set<string>()
  return {
    keys,
    /** The source digests of every article some feed lists. */
    items: listed,
    async reuse(plan: FeedPlan, stagedDir: string): Promise<boolean> {
      const items = plan.items.map(input.keyOf)
      for (const item of items) if (item !== undefined) listed.add(item)
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
      return linkAll(plan.files, previous, stagedDir)
    },
  }
}

async function linkAll(
  files: readonly string[],
  previous: PreviousFeeds,
  stagedDir: string,
): Promise<boolean> {
  const linked: string[] = []
  try {
    for (const file of files) {
      const source = join(previous.outDir, file)
      const info = await stat(source)
      const recorded = previous.files.get(file)
      if (info.size !== recorded?.size || info.mtimeMs !== recorded.mtimeMs) return undo()
      await mkdir(dirname(join(stagedDir, file)), { recursive: true })
      await link(source, join(stagedDir, file))
      linked.push(file)
    }
    return true
  } catch {
    return undo()
  }

  // A half-linked feed is rendered after all; a link left behind would be written through.
  async function undo(): Promise<false> {
    await Promise.all(linked.map((file) => rm(join(stagedDir, file), { force: true })))
    return false
  }
}
