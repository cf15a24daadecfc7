import type { Site } from '@dawnpress/core'
import { createFeedFileRenderer as createRenderer, type FeedFileRenderer } from './feed-renderer.ts'
import type { FeedFilesOptions } from './types.ts'

/**
 * Plans and renders a site's feeds one at a time, for a build that reuses unchanged feeds.
 *
 * @deprecated The build's own machinery: import it from `@dawnpress/feeds/internal`, which
 * may change in any release. For every feed file of a site, use `createFeedFiles`.
 */
export function createFeedFileRenderer(
  site: Site,
  options: FeedFilesOptions = {},
): FeedFileRenderer {
  return createRenderer(site, options)
}

/**
 * One planned feed of a site.
 *
 * @deprecated Import it from `@dawnpress/feeds/internal`.
 */
export type FeedPlan = import('./feed-renderer.ts').FeedPlan

/**
 * What `createFeedFileRenderer` returns.
 *
 * @deprecated Import it from `@dawnpress/feeds/internal`.
 */
export type { FeedFileRenderer }
