export type { ContentPackageOptions, GeneratedFile } from './render-content-package.ts'
export { renderContentPackage } from './render-content-package.ts'
export {
  CONTENT_PACKAGE_SUBPATHS,
  contentPackageExports,
  contentPackageTypesVersions,
} from './render-manifest.ts'
export { GENERATED_HEADER, renderTypes } from './render-types.ts'
export type { JsonSchema } from './schema-types.ts'
export { toOutputJsonSchema } from './schema-types.ts'
export { DEFAULT_PAGE_SIZE, SUMMARY_FIELDS } from './summaries.ts'
