export type {
  CardsOutputConfig,
  DawnpressConfig,
  FeedsOutputConfig,
  MarkdownConfig,
  OutputsConfig,
  PackageOutputConfig,
  SiteSettings,
} from '@dawnpress/build'
export { defineConfig } from '@dawnpress/build/config'
