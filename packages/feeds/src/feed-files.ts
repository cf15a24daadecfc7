import type { Site } from '@dawnpress/core'
import { groupByTag, tagPath } from '@dawnpress/core'
import { renderFeeds } from './create-feeds.ts'
import { createFeedCache, DEFAULT_FEED_PATHS } from './model.ts'
import type { FeedArticle, FeedFile, FeedFilesOptions, FeedPaths } from './types.ts'

/**
 * Renders every feed file of a site: `rss.xml`, `atom.xml` and `feed.json` for all articles,
 * then the same three under `tags/<tag>/` for each tag, tags in slug order. Paths are
 * relative to the output folder, without a leading slash.
 *
 * @example
 * for (const file of createFeedFiles(articles, site)) {
 *   await mkdir(dirname(join(out, file.path)), { recursive: true })
 *   await writeFile(join(out, file.path), file.contents)
 * }
 */
export function createFeedFiles(
  articles: readonly FeedArticle[],
  site: Site,
  options: FeedFilesOptions = {},
): FeedFile[] {
  const shared = {
    limit: options.limit,
    cardImages: options.cardImages,
    contentCache: options.contentCache,
  }
  // Every feed here has the same site and card setting: items and their XML are shared.
  const cache = createFeedCache()
  const files = toFiles(DEFAULT_FEED_PATHS, renderFeeds(articles, site, shared, cache))
  if (options.tagFeeds === false) return files
  for (const tag of groupByTag(articles)) {
    const folder = tagPath(tag.name)
    const paths = {
      rss: `${folder}rss.xml`,
      atom: `${folder}atom.xml`,
      json: `${folder}feed.json`,
    }
    const feeds = renderFeeds(
      tag.articles,
      site,
      {
        ...shared,
        paths,
        link: folder,
        title: `${site.title}: ${tag.name}`,
        description: `Articles tagged “${tag.name}” on ${site.title}.`,
      },
      cache,
    )
    files.push(...toFiles(paths, feeds))
  }
  return files
}

function toFiles(paths: FeedPaths, feeds: { rss: string; atom: string; json: string }): FeedFile[] {
  return [
    { path: paths.rss.replace(/^\/+/, ''), contents: feeds.rss },
    { path: paths.atom.replace(/^\/+/, ''), contents: feeds.atom },
    { path: paths.json.replace(/^\/+/, ''), contents: feeds.json },
  ]
}
