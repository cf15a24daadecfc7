import { assertZodSchema } from '@dawnpress/core'
import { z } from 'zod'

/** A JSON Schema (draft 2020-12) as zod emits it: an object, or `true`/`false`. */
export type JsonSchema = boolean | { [keyword: string]: unknown }

/**
 * The JSON Schema of what a zod schema outputs (after defaults), as the bundle stores it.
 * Values JSON cannot hold are mapped to what they become in the bundle: a `Date` is written
 * as its ISO 8601 string, so its type is `string`; transforms, bigints and the like become
 * `unknown` rather than failing the build. Throws a `TypeError` for a schema that is not a
 * zod 4 schema.
 */
export function toOutputJsonSchema(schema: z.ZodType): JsonSchema {
  assertZodSchema(schema, 'The schema given to toOutputJsonSchema')
  return z.toJSONSchema(schema, {
    io: 'output',
    unrepresentable: 'any',
    override(context) {
      if (context.zodSchema._zod.def.type === 'date') {
        context.jsonSchema.type = 'string'
        context.jsonSchema.format = 'date-time'
      }
    },
  }) as JsonSchema
}

/** One property of an object type, ready to be printed. */
export interface TypeProperty {
  name: string
  type: string
  optional: boolean
  description: string | undefined
}

/** Prints JSON Schemas as TypeScript types; `$ref`s resolve against the root's `$defs`. */
export interface TypePrinter {
  /** The type of `schema`, indented for a nesting level of `depth`. */
  print(schema: JsonSchema, depth?: number): string
  /** The properties of an object schema, or undefined when it is not a plain object. */
  properties(schema: JsonSchema, depth?: number): TypeProperty[] | undefined
  /** Named types for the `$defs` the printed types referred to, as `type X = ...` lines. */
  definitions(): string[]
}

/**
 * Creates a printer for the types of one root schema. `rootName` is the type name a
 * self-reference (`$ref: "#"`) prints as, and the prefix of the names given to `$defs`.
 */
export function createTypePrinter(root: JsonSchema, rootName: string): TypePrinter {
  const defs = (typeof root === 'object' ? root.$defs : undefined) as
    | Record<string, JsonSchema>
    | undefined
  const used = new Map<string, string>()

  const refName = (ref: string): string => {
    if (ref === '#') return rootName
    const key = /^#\/\$defs\/(.+)$/.exec(ref)?.[1]
    if (key === undefined || defs?.[key] === undefined) return 'unknown'
    let name = used.get(key)
    if (name === undefined) {
      name = `${rootName}${pascalCase(key)}`
      used.set(key, name)
    }
    return name
  }

  const properties = (schema: JsonSchema, depth = 0): TypeProperty[] | undefined => {
    if (typeof schema !== 'object' || !isPlainObjectSchema(schema)) return undefined
    const required = new Set((schema.required as string[] | undefined) ?? [])
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>
    return Object.entries(props).map(([name, value]) => ({
      name,
      type: print(value, depth + 1),
      optional: !required.has(name),
      description:
        typeof value === 'object' && typeof value.description === 'string'
          ? value.description
          : undefined,
    }))
  }

  const print = (schema: JsonSchema, depth = 0): string => printNode(schema, depth).text

  // `composite` marks a top-level union or intersection, which needs parentheses before `[]`.
  const printNode = (schema: JsonSchema, depth: number): Printed => {
    if (schema === true) return atom('unknown')
    if (schema === false) return atom('never')
    if (typeof schema.$ref === 'string') return atom(refName(schema.$ref))
    if ('const' in schema) return atom(literal(schema.const))
    if (Array.isArray(schema.enum)) return union(schema.enum.map(literal))
    if (Array.isArray(schema.anyOf)) return union(schema.anyOf.map((s) => print(s, depth)))
    if (Array.isArray(schema.oneOf)) return union(schema.oneOf.map((s) => print(s, depth)))
    if (Array.isArray(schema.allOf)) {
      const parts = unique(schema.allOf.map((s) => wrapped(s, depth)))
      return parts.length > 1
        ? { text: parts.join(' & '), composite: true }
        : atom(parts[0] ?? 'unknown')
    }
    if (schema.not !== undefined && Object.keys(schema).length === 1) return atom('never')
    const type = schema.type
    if (Array.isArray(type)) {
      return union(type.map((single) => print({ ...schema, type: single }, depth)))
    }
    switch (type) {
      case 'string':
        return atom('string')
      case 'number':
      case 'integer':
        return atom('number')
      case 'boolean':
        return atom('boolean')
      case 'null':
        return atom('null')
      case 'array':
        return atom(printArray(schema, depth))
      case 'object':
        return atom(printObject(schema, depth))
      default:
        return atom('unknown')
    }
  }

  const wrapped = (schema: JsonSchema, depth: number): string => {
    const printed = printNode(schema, depth)
    return printed.composite ? `(${printed.text})` : printed.text
  }

  const printArray = (schema: { [keyword: string]: unknown }, depth: number): string => {
    if (Array.isArray(schema.prefixItems)) {
      const items = schema.prefixItems.map((item: JsonSchema) => print(item, depth))
      const rest = schema.items === false || schema.items === undefined ? [] : [schema.items]
      const tail = rest.map((item) => `...${wrapped(item as JsonSchema, depth)}[]`)
      return `[${[...items, ...tail].join(', ')}]`
    }
    const items = schema.items === undefined ? true : (schema.items as JsonSchema)
    return `${wrapped(items, depth)}[]`
  }

  const printObject = (schema: { [keyword: string]: unknown }, depth: number): string => {
    const lines = (properties(schema, depth) ?? []).map((property) =>
      printProperty(property, depth + 1),
    )
    const extra = schema.additionalProperties
    if (extra !== undefined && extra !== false) {
      // An index signature must admit every named property's type, hence `unknown` beside them.
      const value = print(extra as JsonSchema, depth + 1)
      const index = lines.length > 0 ? 'unknown' : value
      lines.push(`${indent(depth + 1)}[key: string]: ${index}`)
    }
    if (lines.length === 0) return extra === false ? 'Record<string, never>' : '{}'
    return `{\n${lines.join('\n')}\n${indent(depth)}}`
  }

  return {
    print,
    properties,
    definitions() {
      const printed: string[] = []
      // Printing a definition may use further ones, so walk until no new names appear.
      for (let index = 0; index < used.size; index++) {
        const [key, name] = [...used.entries()][index] as [string, string]
        printed.push(`type ${name} = ${print(defs?.[key] as JsonSchema)}`)
      }
      return printed
    },
  }
}

/** Prints one property line, with its description as a JSDoc comment. */
export function printProperty(property: TypeProperty, depth: number): string {
  const pad = indent(depth)
  const doc = property.description ? `${pad}/** ${escapeComment(property.description)} */\n` : ''
  const type = property.optional ? `${property.type} | undefined` : property.type
  return `${doc}${pad}${propertyKey(property.name)}${property.optional ? '?' : ''}: ${type}`
}

/** True for `{ type: "object", properties }` with nothing that changes its shape. */
function isPlainObjectSchema(schema: { [keyword: string]: unknown }): boolean {
  return (
    schema.type === 'object' &&
    schema.anyOf === undefined &&
    schema.oneOf === undefined &&
    schema.allOf === undefined &&
    schema.$ref === undefined
  )
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** A property name as TypeScript needs it: bare when it is an identifier, else quoted. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : singleQuoted(name)
}

/** A string literal in single quotes, escaped for TypeScript. */
export function singleQuoted(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`
}

function literal(value: unknown): string {
  if (typeof value === 'string') return singleQuoted(value)
  if (value === null || typeof value === 'number' || typeof value === 'boolean') {
    return String(value)
  }
  return 'unknown'
}

interface Printed {
  text: string
  composite: boolean
}

function atom(text: string): Printed {
  return { text, composite: false }
}

function union(types: string[]): Printed {
  const members = unique(types)
  if (members.includes('unknown')) return atom('unknown')
  const kept = members.filter((member) => member !== 'never')
  if (kept.length === 0) return atom('never')
  return { text: kept.join(' | '), composite: kept.length > 1 }
}

function unique(values: string[]): string[] {
  return [...new Set(values)]
}

function indent(depth: number): string {
  return '  '.repeat(depth)
}

function pascalCase(key: string): string {
  return key
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
}

function escapeComment(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/\s+/g, ' ').trim()
}
