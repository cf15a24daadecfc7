import { GENERATED_HEADER } from './render-types.ts'

/** The module format of a generated file: `.js` (ESM) or `.cjs` (CommonJS). */
export type ModuleFormat = 'esm' | 'cjs'

/** The file extension of a format. */
export function extensionOf(format: ModuleFormat): 'js' | 'cjs' {
  return format === 'esm' ? 'js' : 'cjs'
}

/**
 * The expression that loads a sibling module on demand: `import()` in ESM, a deferred
 * `require()` in CommonJS. Always a literal path, so that bundlers see every chunk.
 */
export function lazyImport(format: ModuleFormat, path: string): string {
  const module = JSON.stringify(path)
  return format === 'esm' ? `import(${module})` : `Promise.resolve().then(() => require(${module}))`
}

/**
 * A module of named constants, each the result of `JSON.parse` of one string: V8 parses a
 * JSON string far faster than the same object literal, which counts at 10,000 articles.
 */
export function renderDataModule(format: ModuleFormat, values: Record<string, unknown>): string {
  const lines = Object.entries(values).map(([name, value]) => {
    const parse = jsonExpression(value, name)
    return format === 'esm' ? `export const ${name} = ${parse}` : `exports.${name} = ${parse}`
  })
  return `${lines.join('\n')}\n`
}

/** `JSON.parse('…')` of the value: the fastest way to hand V8 a large piece of data. */
export function jsonExpression(value: unknown, what: string): string {
  return `JSON.parse(${singleQuotedLiteral(toJson(value, what))})`
}

/**
 * A module with its header, its code and, in CommonJS, `exports.<name> = <name>` for each
 * name given (ESM code carries `export` in place).
 */
export function renderModule(
  format: ModuleFormat,
  code: readonly string[],
  exported: readonly string[],
): string {
  const cjs = format === 'cjs'
  return [
    GENERATED_HEADER,
    ...(cjs ? ["'use strict'", ''] : ['']),
    ...code,
    ...(cjs ? ['', ...exported.map((name) => `exports.${name} = ${name}`)] : []),
    '',
  ].join('\n')
}

/** `export ` in ESM, nothing in CommonJS, before a declaration that is exported. */
export function exportKeyword(format: ModuleFormat): string {
  return format === 'esm' ? 'export ' : ''
}

/**
 * JSON text as a single-quoted JavaScript string: only backslashes and single quotes need
 * escaping (JSON text has no raw line breaks), so the text stays readable and small.
 */
export function singleQuotedLiteral(json: string): string {
  return `'${json.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

/** `JSON.stringify`, with a message that says what could not be written and what to do. */
export function toJson(value: unknown, what: string, indent?: number): string {
  try {
    return JSON.stringify(value, undefined, indent)
  } catch (cause) {
    throw new TypeError(
      `The ${what} cannot be written as JSON: ${(cause as Error).message}. Map such values (a BigInt, a cycle) to plain data in the schema.`,
      { cause },
    )
  }
}
