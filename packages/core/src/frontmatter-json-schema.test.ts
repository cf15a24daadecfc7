import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { frontmatterJsonSchema } from './frontmatter-json-schema.ts'
import { articleSchema } from './schema.ts'

const SEED = new URL(
  '../../../content/articles/the-dawn-of-large-language-models.md',
  import.meta.url,
)

/** The frontmatter of a Markdown file, as an editor's YAML support reads it. */
function frontmatter(source: string): unknown {
  return load(/^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '', { schema: undefined })
}

function validator(schema = articleSchema) {
  const ajv = new Ajv({ allErrors: true, strict: false })
  return ajv.compile(frontmatterJsonSchema(schema))
}

describe('frontmatterJsonSchema', () => {
  it('accepts the seed article as it is written', () => {
    const validate = validator()
    const data = frontmatter(readFileSync(SEED, 'utf8'))
    expect(validate(JSON.parse(JSON.stringify(data)))).toBe(true)
  })

  it('flags what check flags: a missing title, a wrong type, an unknown field', () => {
    const validate = validator()
    expect(validate({ description: 'D.' })).toBe(false)
    expect(validate.errors?.map((error) => error.params)).toContainEqual({
      missingProperty: 'title',
    })
    expect(validate({ title: 'T', description: 'D.', draft: 'yes' })).toBe(false)
    expect(validate({ title: 'T', description: 'D.', titel: 'typo' })).toBe(false)
    expect(validate.errors?.map((error) => error.params)).toContainEqual({
      additionalProperty: 'titel',
    })
  })

  it('knows the fields of an extended schema, with their descriptions', () => {
    const schema = articleSchema.extend({
      series: z.enum(['dawn', 'dusk']).describe('The series the article belongs to.'),
    })
    const json = frontmatterJsonSchema(schema) as { properties: Record<string, unknown> }
    expect(json.properties.series).toEqual({
      type: 'string',
      enum: ['dawn', 'dusk'],
      description: 'The series the article belongs to.',
    })
    const validate = validator(schema)
    expect(validate({ title: 'T', description: 'D.', series: 'noon' })).toBe(false)
    expect(validate({ title: 'T', description: 'D.', series: 'dawn' })).toBe(true)
  })

  it('leaves a loose schema open to other fields', () => {
    const json = frontmatterJsonSchema(articleSchema.loose())
    expect(json.additionalProperties).not.toBe(false)
  })
})
