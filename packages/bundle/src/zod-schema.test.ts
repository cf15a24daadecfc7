import { articleSchema } from '@dawnpress/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { z as z3 } from 'zod3'
import { z as z3v4 } from 'zod3/v4'
import { type extendedSchema, loadFixture } from '../test/fixture.ts'
import { renderContentPackage } from './render-content-package.ts'
import { renderTypes } from './render-types.ts'
import { toOutputJsonSchema } from './schema-types.ts'

// A schema from the user's own zod 3 (zod is a peer dependency), as a JavaScript user may
// pass it: TypeScript already refuses it.
const zod3Schema = z3.object({
  title: z3.string(),
  description: z3.string(),
}) as unknown as typeof extendedSchema

const zod3Message = (subject: string) =>
  new RegExp(
    `^${subject} is a zod 3 schema, but dawnpress needs a zod 4 schema\\. Install zod 4 \\(\`npm i zod@\\^4\`\\)`,
  )

let fixture: Awaited<ReturnType<typeof loadFixture>>
beforeAll(async () => {
  fixture = await loadFixture()
})

describe('a zod 3 schema', () => {
  it('is refused by renderContentPackage with a TypeError that says how to install zod 4', () => {
    const render = () => renderContentPackage({ ...fixture, schema: zod3Schema })
    expect(render).toThrow(TypeError)
    expect(render).toThrow(zod3Message('The `schema` given to renderContentPackage'))
  })

  it('is refused by renderTypes and toOutputJsonSchema', () => {
    expect(() => renderTypes(zod3Schema, [])).toThrow(
      zod3Message('The schema given to renderTypes'),
    )
    expect(() => toOutputJsonSchema(zod3Schema)).toThrow(
      zod3Message('The schema given to toOutputJsonSchema'),
    )
  })
})

describe("a schema from zod 3.25's zod/v4", () => {
  it('prints its fields into the types', () => {
    const schema = articleSchema.extend({
      series: z3v4.enum(['dawn', 'dusk']).optional(),
      featured: z3v4.boolean().default(false),
    })
    const types = renderContentPackage({ ...fixture, schema }).find(
      (file) => file.path === 'dist/index.d.ts',
    )?.contents
    expect(types).toContain("  series?: 'dawn' | 'dusk' | undefined")
    expect(types).toContain('  featured: boolean')
  })
})
