import type { Site } from '@dawnpress/core'
import { createFeedFileRenderer } from './feed-renderer.ts'
import type { FeedArticle, FeedFile, FeedFilesOptions } from './types.ts'

/**
 * Renders every feed file of a site: `rss.xml`, `atom.xml` and `feed.json` for all articles,
 * then the same three under `tags/<tag>/` for each tag, tags in slug order, then the
 * stylesheet browsers show the XML feeds with (`feed.xsl`). Paths are relative to the output
 * folder, without a leading slash.
 *
 * @example
 * for (const file of createFeedFiles(articles, site, { now: buildTime })) {
 *   await mkdir(dirname(join(out, file.path)), { recursive: true })
 *   await writeFile(join(out, file.path), file.contents)
 * }
 */
export function createFeedFiles(
  articles: readonly FeedArticle[],
  site: Site,
  options: FeedFilesOptions = {},
): FeedFile[] {
  return [...generateFeedFiles(articles, site, options)]
}

/**
 * The files of `createFeedFiles`, one at a time.
 *
 * @deprecated `createFeedFiles` gives the same files; a build that reuses unchanged feeds
 * plans and renders them with `createFeedFileRenderer` from `@dawnpress/feeds/internal`.
 */
export function* generateFeedFiles(
  articles: readonly FeedArticle[],
  site: Site,
  options: FeedFilesOptions = {},
): Generator<FeedFile, void, undefined> {
  const renderer = createFeedFileRenderer(site, options)
  for (const plan of renderer.plan(articles)) yield* renderer.render(plan)
  yield* renderer.assets()
}
