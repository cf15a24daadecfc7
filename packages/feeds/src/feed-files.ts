import type { Site } from '@dawnpress/core'
import { groupByTag, tagFeedRoutes, tagPath } from '@dawnpress/core'
import { renderFeeds } from './create-feeds.ts'
import { createFeedCache, DEFAULT_FEED_PATHS, selectFeedArticles } from './model.ts'
import type { FeedArticle, FeedFile, FeedFilesOptions, FeedOptions, FeedPaths } from './types.ts'

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
  return [...generateFeedFiles(articles, site, options)]
}

export function* generateFeedFiles(
  articles: readonly FeedArticle[],
  site: Site,
  options: FeedFilesOptions = {},
): Generator<FeedFile, void, undefined> {
  const renderer = createFeedFileRenderer(site, options)
  for (const plan of renderer.plan(articles)) yield* renderer.render(plan)
}

/** One feed of a site before it is rendered: where its files go and what it lists. */
export interface FeedPlan {
  /** Site paths of its RSS, Atom and JSON Feed files. */
  paths: FeedPaths
  /** Output paths of the same three files: relative, without a leading slash. */
  files: [rss: string, atom: string, json: string]
  /** What it is rendered with: the title, description and link of a tag's feed. */
  options: FeedOptions
  /** The articles it lists, newest first, cut to the limit. */
  items: FeedArticle[]
}

/**
 * `generateFeedFiles` in two steps, for a build that keeps the feeds of its last run:
 * `plan` says which feeds there are and which articles each lists (reading only their
 * dates, slugs and tags), and `render` renders one, so a feed whose items did not change
 * need not be rendered again. Feeds rendered by one renderer share their items' XML.
 */
export function createFeedFileRenderer(site: Site, options: FeedFilesOptions = {}) {
  const shared: FeedOptions = {
    limit: options.limit,
    cardImages: options.cardImages,
    contentCache: options.contentCache,
  }
  // Every feed here has the same site and card setting: items and their XML are shared.
  const cache = createFeedCache()
  const planOne = (
    articles: readonly FeedArticle[],
    paths: FeedPaths,
    extra: FeedOptions,
  ): FeedPlan => ({
    paths,
    files: [paths.rss, paths.atom, paths.json].map((path) => path.replace(/^\/+/, '')) as [
      string,
      string,
      string,
    ],
    options: { ...shared, ...extra },
    items: selectFeedArticles(articles, shared, cache),
  })
  return {
    /** The site's feeds: the main one, then one per tag in slug order. */
    plan(articles: readonly FeedArticle[]): FeedPlan[] {
      const plans = [planOne(articles, DEFAULT_FEED_PATHS, {})]
      if (options.tagFeeds === false) return plans
      for (const tag of groupByTag(articles)) {
        const folder = tagPath(tag.name)
        const paths = tagFeedRoutes(tag.name)
        plans.push(
          planOne(tag.articles, paths, {
            paths,
            link: folder,
            title: `${site.title}: ${tag.name}`,
            description: `Articles tagged “${tag.name}” on ${site.title}.`,
          }),
        )
      }
      return plans
    },
    /** The three files of one planned feed. */
    render(plan: FeedPlan): FeedFile[] {
      const feeds = renderFeeds(plan.items, site, plan.options, cache)
      const [rss, atom, json] = plan.files
      return [
        { path: rss, contents: feeds.rss },
        { path: atom, contents: feeds.atom },
        { path: json, contents: feeds.json },
      ]
    },
  }
}

/** Renders feed plans; see `createFeedFileRenderer`. */
export type FeedFileRenderer = ReturnType<typeof createFeedFileRenderer>
