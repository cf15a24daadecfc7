export { createFeeds } from './create-feeds.ts'
export type { FeedFileRenderer, FeedPlan } from './feed-files.ts'
export { createFeedFileRenderer, createFeedFiles, generateFeedFiles } from './feed-files.ts'
export { JSON_FEED_VERSION } from './json-feed.ts'
export { DEFAULT_FEED_LIMIT, DEFAULT_FEED_PATHS } from './model.ts'
export type {
  FeedArticle,
  FeedContentCache,
  FeedDocuments,
  FeedFile,
  FeedFilesOptions,
  FeedOptions,
  FeedPaths,
} from './types.ts'
