// content-collections, configured like dawnpress: the same frontmatter schema as
// @dawnpress/core's articleSchema, and each body rendered to HTML by its Markdown package.
// The benchmark points it at a corpus through BENCH_ARTICLES (relative to this folder).
import { defineCollection, defineConfig } from '@content-collections/core'
import { compileMarkdown } from '@content-collections/markdown'
import { z } from 'zod'

const articles = defineCollection({
  name: 'articles',
  directory: process.env.BENCH_ARTICLES ?? 'articles',
  include: '**/*.md',
  schema: z.object({
    title: z.string().trim().min(1).max(300),
    description: z.string().trim().min(1),
    read_time: z
      .string()
      .regex(/^\d+ min read$/)
      .optional(),
    date: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
    tags: z.array(z.string().trim().min(1).max(60)).default([]),
    content: z.string(),
  }),
  transform: async (document, context) => ({
    ...document,
    html: await compileMarkdown(context, document),
  }),
})

export default defineConfig({ content: [articles] })
