import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { articleSchema } from '@dawnpress/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { typeCheck } from '../test/type-check.ts'
import { renderTypes } from './render-types.ts'

let temp: string

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'dawnpress-types-'))
})

afterAll(async () => {
  await rm(temp, { recursive: true, force: true })
})

describe('renderTypes', () => {
  it('lists the slugs as a sorted union of literals, and never when there are none', () => {
    expect(renderTypes(articleSchema, ['a-post', 'b-post'])).toContain(
      "export type Slug =\n  | 'a-post'\n  | 'b-post'\n",
    )
    expect(renderTypes(articleSchema, [])).toContain('export type Slug = never\n')
  })

  it('replaces the frontmatter date, slug and authors with the computed ones in ArticleMeta', () => {
    const types = renderTypes(articleSchema, ['a-post'])
    const meta = types.slice(types.indexOf('export interface ArticleMeta'))
    expect(meta).toContain('  date: string | undefined\n')
    expect(meta).toContain('  slug: Slug\n')
    expect(meta).toContain('  authors: Author[]\n')
    expect(meta).not.toContain('date?:')
    expect(meta).not.toMatch(/authors\?:/)
  })

  it('keeps a union schema a union in ArticleMeta, so narrowing on a field works', async () => {
    const schema = z.union([
      articleSchema.extend({ kind: z.literal('essay') }),
      articleSchema.extend({ kind: z.literal('link'), target: z.url() }),
    ])
    const dir = join(temp, 'union')
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }')
    await writeFile(join(dir, 'types.ts'), renderTypes(schema, ['a-post']))
    await writeFile(
      join(dir, 'use.ts'),
      [
        "import type { ArticleMeta, Article } from './types.js'",
        'export function describe(meta: ArticleMeta): string {',
        "  const kind: 'essay' | 'link' = meta.kind",
        "  if (meta.kind === 'link') return meta.target",
        "  return kind + ' ' + meta.slug + ' ' + (meta.date ?? '')",
        '}',
        'export const html = (article: Article): string => article.html',
      ].join('\n'),
    )
    expect(typeCheck(dir, ['use.ts'])).toEqual([])
  }, 60_000)
})
