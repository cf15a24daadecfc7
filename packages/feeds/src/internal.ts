/**
 * `@dawnpress/feeds/internal`: what dawnpress's own build uses to reuse the feeds of its
 * last run. Not part of the public API: it may change in any release. Use `createFeedFiles`.
 */
export type { FeedFileRenderer, FeedPlan } from './feed-renderer.ts'
export { createFeedFileRenderer } from './feed-renderer.ts'
