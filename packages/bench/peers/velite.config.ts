// Velite, configured like dawnpress: the same frontmatter schema as @dawnpress/core's
// articleSchema, and each body rendered to HTML by Velite's Markdown schema. The benchmark
// points it at a corpus through BENCH_CONTENT and at an output folder through BENCH_OUT.
import { defineCollection, defineConfig, s } from 'velite'

const articles = defineCollection({
  name: 'Article',
  pattern: 'articles/**/*.md',
  schema: s.object({
    title: s.string().trim().min(1).max(300),
    description: s.string().trim().min(1),
    read_time: s
      .string()
      .regex(/^\d+ min read$/)
      .optional(),
    date: s.isodate().optional(),
    tags: s.array(s.string().trim().min(1).max(60)).default([]),
    html: s.markdown(),
  }),
})

const out = process.env.BENCH_OUT ?? '.velite'

export default defineConfig({
  root: process.env.BENCH_CONTENT ?? 'content',
  output: { data: out, assets: `${out}/static`, clean: false },
  collections: { articles },
})
