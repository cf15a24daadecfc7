export type { ContentSourcesOptions, GeneratedFile } from './render-content-sources.ts'
export { renderContentSources } from './render-content-sources.ts'
export { renderTypes } from './render-types.ts'
export type { JsonSchema } from './schema-types.ts'
export { toOutputJsonSchema } from './schema-types.ts'
export type {
  ContentTsupOptions,
  ContentTsupOptionsInput,
  ContentTsupPlugin,
  WrittenFile,
} from './tsup-options.ts'
export { contentTsupOptions } from './tsup-options.ts'
export type {
  WriteContentPackageOptions,
  WriteContentPackageResult,
} from './write-content-package.ts'
export { writeContentPackage } from './write-content-package.ts'
