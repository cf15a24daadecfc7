import type { Site } from '@dawnpress/core'

/**
 * The entries of a content package besides `"."`: each is `dist/<name>.js` and `.cjs` with
 * its declarations, and loads only what its name says.
 */
export const CONTENT_PACKAGE_SUBPATHS = ['article', 'pages', 'summaries', 'tags'] as const

type Conditions = { types: string; default: string }

/**
 * The `exports` map of a content package: `"."`, every subpath of
 * `CONTENT_PACKAGE_SUBPATHS` and `"./package.json"`, each with `import` and `require` and
 * `types` first in both. A package whose manifest you keep (`@dawnpress/content`) copies it.
 */
export function contentPackageExports(): Record<string, string | Record<string, Conditions>> {
  const entry = (name: string) => ({
    import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
    require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
  })
  return {
    '.': entry('index'),
    ...Object.fromEntries(CONTENT_PACKAGE_SUBPATHS.map((name) => [`./${name}`, entry(name)])),
    './package.json': './package.json',
  }
}

/**
 * The `typesVersions` of a content package: the subpaths' CommonJS declarations, for
 * TypeScript with `moduleResolution` `node10`, which does not read `exports`.
 */
export function contentPackageTypesVersions(): Record<'*', Record<string, string[]>> {
  return {
    '*': Object.fromEntries(
      CONTENT_PACKAGE_SUBPATHS.map((name) => [name, [`./dist/${name}.d.cts`]]),
    ),
  }
}

/** The `package.json` of a content package of its own. */
export function renderManifest(manifest: { name: string; version: string }, site: Site): string {
  return `${JSON.stringify(
    {
      name: manifest.name,
      version: manifest.version,
      description: `The articles of ${site.title} as typed data: metadata up front, each body loaded on demand. ESM and CommonJS.`,
      type: 'module',
      sideEffects: false,
      exports: contentPackageExports(),
      main: './dist/index.cjs',
      module: './dist/index.js',
      types: './dist/index.d.cts',
      typesVersions: contentPackageTypesVersions(),
      files: ['dist'],
    },
    null,
    2,
  )}\n`
}
