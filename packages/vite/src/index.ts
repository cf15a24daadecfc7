export type { DawnpressPluginOptions } from './options.ts'
export { DEFAULT_CARDS_DIR, DEFAULT_CONTENT_ALIAS, DEFAULT_CONTENT_DIR } from './options.ts'
export { dawnpress } from './plugin.ts'
