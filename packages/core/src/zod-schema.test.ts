import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as zm from 'zod/mini'
import { z as z3 } from 'zod3'
import { z as z3v4 } from 'zod3/v4'
import { defineCollection, loadCollection } from './collection.ts'
import { parseArticle } from './parse.ts'
import { articleSchema } from './schema.ts'
import { assertZodSchema } from './zod-schema.ts'

const SOURCE = '---\ntitle: Hello\ndescription: A test.\nseries: dawn\n---\n\nBody.\n'

// A schema from the user's own zod 3 (zod is a peer dependency), as a JavaScript user may
// pass it: TypeScript already refuses it.
const zod3Schema = z3.object({ title: z3.string(), description: z3.string() }) as never

// zod 3.25's zod/v4 and zod Mini make zod 4 schemas, which work at run time; their types are
// not those of the `zod` package's `ZodType`, which the peer dependency gives TypeScript users.
const asZodType = (schema: unknown) => schema as typeof articleSchema

const ZOD_3_MESSAGE =
  /is a zod 3 schema, but dawnpress needs a zod 4 schema\. Install zod 4 \(`npm i zod@\^4`\) and build the schema with `import \{ z \} from 'zod'`/

describe('a schema that is not a zod 4 schema', () => {
  it('is refused by defineCollection with a TypeError that says how to install zod 4', () => {
    const define = () => defineCollection({ directory: 'content', schema: zod3Schema })
    expect(define).toThrow(TypeError)
    expect(define).toThrow(ZOD_3_MESSAGE)
    expect(define).toThrow(/^The `schema` given to defineCollection is a zod 3 schema/)
  })

  it('is refused by parseArticle', () => {
    expect(() => parseArticle(SOURCE, { file: 'a.md', schema: zod3Schema })).toThrow(
      /^The `schema` option of parseArticle is a zod 3 schema/,
    )
  })

  it('is refused by loadCollection in a collection not made by defineCollection', async () => {
    const collection = { ...defineCollection({ directory: folder }), schema: zod3Schema }
    await expect(loadCollection(collection)).rejects.toThrow(
      /^The collection's `schema` is a zod 3 schema/,
    )
  })

  it('names a value that is no schema at all', () => {
    const plain = { title: 'string', description: 'string', tags: [], draft: false }
    expect(() => assertZodSchema(plain, 'The schema')).toThrow(
      "The schema is an object with title, description, tags, …, not a zod 4 schema such as `articleSchema.extend({ ... })`. Install zod 4 (`npm i zod@^4`) and build the schema with `import { z } from 'zod'`.",
    )
    expect(() => assertZodSchema('article', 'The schema')).toThrow(/^The schema is a string, not/)
    expect(() => assertZodSchema(null, 'The schema')).toThrow(/^The schema is null, not/)
  })
})

describe('a zod 4 schema from another copy of zod, or from zod Mini', () => {
  it("is accepted from zod 3.25's zod/v4, and validates with the usual problems", () => {
    const schema = asZodType(
      z3v4.object({
        title: z3v4.string(),
        description: z3v4.string(),
        series: z3v4.enum(['dawn', 'dusk']),
      }),
    )
    expect(defineCollection({ directory: 'content', schema }).schema).toBe(schema)
    const { article, problems } = parseArticle(SOURCE, { file: 'a.md', schema })
    expect(problems).toEqual([])
    expect(article).toMatchObject({ slug: 'a', title: 'Hello', series: 'dawn' })

    const wrong = parseArticle(SOURCE.replace('dawn', 'noon'), { file: 'a.md', schema })
    expect(wrong.problems.map((problem) => [problem.code, problem.path, problem.line])).toEqual([
      ['FIELD_INVALID', ['series'], 4],
    ])
  })

  it("extends articleSchema with fields from zod 3.25's zod/v4", () => {
    const schema = articleSchema.extend({ series: z3v4.string() })
    const { article, problems } = parseArticle(SOURCE, { file: 'a.md', schema })
    expect(problems).toEqual([])
    expect(article?.series).toBe('dawn')
  })

  it('is accepted from zod Mini', () => {
    const schema = asZodType(zm.object({ title: zm.string(), description: zm.string() }))
    expect(parseArticle(SOURCE, { file: 'a.md', schema }).article).toMatchObject({ title: 'Hello' })
  })

  it('drives loadCollection', async () => {
    const schema = articleSchema.extend({ series: z3v4.string() })
    const { articles, problems } = await loadCollection(
      defineCollection({ directory: folder, schema, gitDates: false }),
    )
    expect(problems.map((problem) => problem.code)).toEqual([])
    expect(articles.map((article) => article.series)).toEqual(['dawn'])
  })
})

let folder: string
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'dawnpress-zod-'))
  await writeFile(
    join(folder, 'hello.md'),
    SOURCE.replace('description', 'date: 2026-01-02\ndescription'),
  )
})
afterAll(() => rm(folder, { recursive: true, force: true }))
