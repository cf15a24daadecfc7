import { fileURLToPath } from 'node:url'
import { articleSchema, defineCollection, loadCollection, loadSite } from '@dawnpress/core'
import { z } from 'zod'

/** The core schema with two fields of the fixture publication's own. */
export const extendedSchema = articleSchema.extend({
  series: z.enum(['dawn', 'dusk']).optional().describe('The series the article belongs to.'),
  featured: z.boolean().default(false),
})

const root = fileURLToPath(new URL('./fixtures/extended/', import.meta.url))

/** Loads the fixture publication through core, drafts included, as a build would see them. */
export async function loadFixture() {
  const collection = defineCollection({
    directory: `${root}articles`,
    schema: extendedSchema,
    drafts: true,
    gitDates: false,
  })
  const [{ articles, problems }, { site }] = await Promise.all([
    loadCollection(collection),
    loadSite(`${root}site.json`),
  ])
  const errors = problems.filter((problem) => problem.severity === 'error')
  if (errors.length > 0 || !site)
    throw new Error(`The fixture has problems: ${JSON.stringify(errors)}`)
  return { articles, site }
}
