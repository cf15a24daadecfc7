export type {
  CardsOutputConfig,
  DawnpressConfig,
  FeedsOutputConfig,
  MarkdownConfig,
  OutputKind,
  OutputsConfig,
  PackageOutputConfig,
  PagesOutputConfig,
  SiteSettings,
} from './config.ts'
export { defineConfig } from './config.ts'
export type { Build, CreateBuildOptions, WatchOptions } from './create-build.ts'
export { createBuild } from './create-build.ts'
export type { DevServer, DevServerOptions } from './dev-server.ts'
export { startDevServer } from './dev-server.ts'
export { OUTPUT_MARKER } from './output-folder.ts'
export type { PreviewServerOptions, RunningServer } from './preview-server.ts'
export { startPreviewServer } from './preview-server.ts'
export { CONFIG_FILES } from './project-paths.ts'
export type {
  BuildMode,
  ConfigOverrides,
  ResolvedConfig,
  ResolvedOutputs,
  SiteSource,
} from './resolve-config.ts'
export type { BuildResult, CheckResult } from './run-build.ts'
export type { Timing } from './timings.ts'
export { formatTimings } from './timings.ts'
export type { Watcher } from './watch.ts'
