export { createFeed, createFeeds, DEFAULT_FEED_PATHS } from './create-feed.ts'
export type { FeedFileRenderer, FeedPlan } from './deprecated.ts'
export { createFeedFileRenderer } from './deprecated.ts'
export { EXTENSION_NAMESPACES } from './extensions.ts'
export { createFeedFiles, generateFeedFiles } from './feed-files.ts'
export { JSON_FEED_VERSION } from './json-feed.ts'
export { renderFeed } from './render-feed.ts'
export { DEFAULT_FEED_LIMIT } from './select.ts'
export { renderFeedStylesheet } from './stylesheet.ts'
export type {
  CardSizes,
  FeedArticle,
  FeedContent,
  FeedContentCache,
  FeedDocuments,
  FeedFile,
  FeedFilesOptions,
  FeedItem,
  FeedOptions,
  FeedPaths,
  FeedSourceOptions,
} from './types.ts'
