import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createTypePrinter, propertyKey, singleQuoted, toOutputJsonSchema } from './schema-types.ts'

function printed(schema: z.ZodType): string {
  const root = toOutputJsonSchema(schema)
  return createTypePrinter(root, 'Root').print(root)
}

describe('toOutputJsonSchema and the type printer', () => {
  it('prints primitives, literals and enums as their TypeScript types', () => {
    expect(printed(z.string())).toBe('string')
    expect(printed(z.number().int())).toBe('number')
    expect(printed(z.boolean())).toBe('boolean')
    expect(printed(z.literal('a'))).toBe("'a'")
    expect(printed(z.enum(['dawn', 'dusk']))).toBe("'dawn' | 'dusk'")
    expect(printed(z.string().nullable())).toBe('string | null')
  })

  it('types a Date field as string, because the bundle stores it as an ISO 8601 string', () => {
    expect(printed(z.date())).toBe('string')
    expect(printed(z.coerce.date())).toBe('string')
  })

  it('types what JSON Schema cannot express as unknown instead of failing', () => {
    expect(printed(z.string().transform((value) => value.length))).toBe('unknown')
    expect(printed(z.bigint())).toBe('unknown')
  })

  it('parenthesises a union before [] and prints tuples and records', () => {
    expect(printed(z.array(z.union([z.string(), z.number()])))).toBe('(string | number)[]')
    expect(printed(z.array(z.object({ a: z.string() }).nullable()))).toBe(
      '({\n  a: string\n} | null)[]',
    )
    expect(printed(z.tuple([z.string(), z.number()]))).toBe('[string, number]')
    expect(printed(z.record(z.string(), z.number()))).toBe('{\n  [key: string]: number\n}')
  })

  it('marks optional fields optional and required defaults required', () => {
    const schema = z.object({
      kept: z.array(z.string()).default([]),
      maybe: z.string().optional(),
      'odd-name': z.string().describe('Has a */ in it'),
    })
    expect(printed(schema)).toMatchInlineSnapshot(`
      "{
        kept: string[]
        maybe?: string | undefined
        /** Has a *\\/ in it */
        'odd-name': string
      }"
    `)
  })

  it('names recursive schemas instead of printing them forever', () => {
    interface Tree {
      name: string
      children: Tree[]
    }
    const tree: z.ZodType<Tree> = z.object({
      name: z.string(),
      get children() {
        return z.array(tree)
      },
    })
    const root = toOutputJsonSchema(z.object({ tree }))
    const printer = createTypePrinter(root, 'Root')
    const text = printer.print(root)
    const definitions = printer.definitions()
    expect(definitions).toHaveLength(1)
    const name = /^type (\w+) = /.exec(definitions[0] ?? '')?.[1]
    expect(text).toBe(`{\n  tree: ${name}\n}`)
    expect(definitions[0]).toContain(`children: ${name}[]`)
  })
})

describe('propertyKey and singleQuoted', () => {
  it('quotes only names that are not identifiers, and escapes quotes', () => {
    expect(propertyKey('title')).toBe('title')
    expect(propertyKey('read-time')).toBe("'read-time'")
    expect(singleQuoted(`it's "x"\n`)).toBe(`'it\\'s "x"\\n'`)
  })
})
