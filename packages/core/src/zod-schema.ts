import type { z } from 'zod'

const INSTALL = "Install zod 4 (`npm i zod@^4`) and build the schema with `import { z } from 'zod'`"

/**
 * Throws a `TypeError` unless `schema` is a zod 4 schema, saying what it is instead and how to
 * fix it. zod is a peer dependency, so a schema comes from the user's own zod: one made with
 * zod 3 (which has `_def` and `safeParse` but no `_zod`) would otherwise fail later, with an
 * error that says nothing of zod. `defineCollection`, `parseArticle` and `loadCollection`
 * check the schemas they are given; so can a tool that takes a user's schema, as
 * `@dawnpress/bundle` does. `subject` names the schema, as the start of a sentence.
 *
 * @example
 * assertZodSchema(options.schema, 'The `schema` given to renderContentPackage')
 * // TypeError: The `schema` given to renderContentPackage is a zod 3 schema, but dawnpress
 * // needs a zod 4 schema. Install zod 4 (`npm i zod@^4`) and build the schema with ...
 */
export function assertZodSchema(schema: unknown, subject: string): asserts schema is z.ZodType {
  const candidate = schema as { _zod?: unknown; _def?: unknown; safeParse?: unknown } | null
  const parses = typeof candidate?.safeParse === 'function'
  // zod 4 keeps its internals in `_zod`, zod Mini schemas included; zod 3 in `_def`.
  if (typeof candidate?._zod === 'object' && candidate._zod !== null && parses) return
  if (parses && candidate?._def !== undefined) {
    throw new TypeError(
      `${subject} is a zod 3 schema, but dawnpress needs a zod 4 schema. ${INSTALL}; with zod 3.25 installed, \`import { z } from 'zod/v4'\` gives zod 4 as well.`,
    )
  }
  throw new TypeError(
    `${subject} is ${describe(schema)}, not a zod 4 schema such as \`articleSchema.extend({ ... })\`. ${INSTALL}.`,
  )
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') {
    const keys = Object.keys(value)
    if (keys.length === 0) return 'an empty object'
    return `an object with ${keys.slice(0, 3).join(', ')}${keys.length > 3 ? ', …' : ''}`
  }
  return `${/^[aeiou]/.test(typeof value) ? 'an' : 'a'} ${typeof value}`
}
