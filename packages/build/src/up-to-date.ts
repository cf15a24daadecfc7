// `@dawnpress/build/up-to-date`: whether the last build is still current, answered without
// loading the engine (see `findUpToDate`). What `dawnpress build` asks before anything else.

export type { BuildRequest } from './request-record.ts'
export { findUpToDate } from './request-record.ts'
export type { ConfigOverrides } from './resolve-config.ts'
export type { BuildResult } from './run-build.ts'
export type { Timing } from './timings.ts'
export { formatTimings } from './timings.ts'
