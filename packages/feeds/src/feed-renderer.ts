import type { Site } from '@dawnpress/core'
import { groupByTag, outputFile, SITE_PATHS, tagFeedRoutes, tagPath } from '@dawnpress/core'
import { buildFeed, DEFAULT_FEED_PATHS } from './create-feed.ts'
import { assertTimeZone } from './dates.ts'
import { renderFeedWith } from './render-feed.ts'
import { createFeedCache, selectFeedEntries } from './select.ts'
import { renderFeedStylesheet } from './stylesheet.ts'
import type { FeedArticle, FeedFile, FeedFilesOptions, FeedOptions, FeedPaths } from './types.ts'

/** One feed of a site before it is rendered: where its files go and what it lists. */
export interface FeedPlan {
  /** Site paths of its RSS, Atom and JSON Feed files. */
  paths: FeedPaths
  /** Output paths of the same three files: relative, without a leading slash. */
  files: [rss: string, atom: string, json: string]
  /**
   * The options it is rendered with, as plain data (a build may key its files on them):
   * the limit, content, images, time zone, logo, icon and stylesheet of every feed, and the
   * paths, title, description and link of a tag's. What is not data (`now`, `cardSizes`,
   * `itemUrl`, `htmlAllow`, `contentCache`) stays with the renderer: `now` decides `items`, and card
   * sizes follow from the items and the site.
   */
  options: FeedOptions
  /** The articles it lists, newest first, cut to the limit, none scheduled after `now`. */
  items: FeedArticle[]
}

/** Renders feed plans; see `createFeedFileRenderer`. */
export interface FeedFileRenderer {
  /** The site's feeds: the main one, then one per tag in slug order. Call it once. */
  plan(articles: readonly FeedArticle[]): FeedPlan[]
  /** The three files of one planned feed. */
  render(plan: FeedPlan): FeedFile[]
  /** The files every site with these options has beside its feeds: the stylesheet. */
  assets(): FeedFile[]
}

/**
 * `createFeedFiles` in steps, for a build that keeps the feeds of its last run: `plan` says
 * which feeds there are and which articles each lists (reading only their dates, slugs and
 * tags), and `render` renders one, so a feed whose items did not change need not be
 * rendered again. Feeds rendered by one renderer share their items and the items' XML.
 */
export function createFeedFileRenderer(
  site: Site,
  options: FeedFilesOptions = {},
): FeedFileRenderer {
  if (options.timeZone !== undefined) assertTimeZone(options.timeZone)
  const stylesheet = options.stylesheet ?? true
  const shared = definedOnly({
    limit: options.limit,
    content: options.content,
    cardImages: options.cardImages,
    timeZone: options.timeZone,
    logo: options.logo,
    icon: options.icon,
    stylesheet:
      stylesheet === false
        ? undefined
        : stylesheet === true
          ? SITE_PATHS.feedStylesheet
          : stylesheet,
  })
  const runtime = {
    now: options.now ?? new Date(),
    cardSizes: options.cardSizes,
    itemUrl: options.itemUrl,
    htmlAllow: options.htmlAllow,
    contentCache: options.contentCache,
  }
  // Every feed here has the same site and options: items and their XML are shared.
  const cache = createFeedCache()
  const planOne = (articles: readonly FeedArticle[], paths: FeedPaths, extra: FeedOptions) => {
    const files = [paths.rss, paths.atom, paths.json].map(outputFile)
    return {
      paths,
      files: files as FeedPlan['files'],
      options: { ...shared, ...extra },
      items: selectFeedEntries(articles, { ...shared, now: runtime.now }, cache).map(
        (entry) => entry.article,
      ),
    }
  }
  return {
    plan(articles) {
      const tags = groupByTag(articles)
      // One spelling per tag in every item of every feed: the one the tag's page has.
      cache.tagNames = new Map(tags.map((tag) => [tag.slug, tag.name]))
      const plans = [planOne(articles, DEFAULT_FEED_PATHS, {})]
      if (options.tagFeeds === false) return plans
      for (const tag of tags) {
        const paths = tagFeedRoutes(tag.name)
        plans.push(
          planOne(tag.articles, paths, {
            paths,
            link: tagPath(tag.name),
            title: `${site.title}: ${tag.name}`,
            description: `Articles tagged “${tag.name}” on ${site.title}.`,
          }),
        )
      }
      return plans
    },
    render(plan) {
      const feed = buildFeed(plan.items, site, { ...plan.options, ...runtime }, cache)
      const documents = renderFeedWith(feed, cache.written)
      const [rss, atom, json] = plan.files
      return [
        { path: rss, contents: documents.rss },
        { path: atom, contents: documents.atom },
        { path: json, contents: documents.json },
      ]
    },
    assets() {
      if (stylesheet !== true) return []
      return [{ path: outputFile(SITE_PATHS.feedStylesheet), contents: renderFeedStylesheet() }]
    },
  }
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T
}
