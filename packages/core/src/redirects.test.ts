import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { defineCollection, loadCollection } from './collection.ts'
import { parseArticle } from './parse.ts'
import type { Problem } from './problems.ts'
import { articleIdPath } from './routes.ts'

const folders: string[] = []
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'dawnpress-redirects-'))
  folders.push(folder)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text)
  return folder
}

const article = (redirects: string) =>
  `---\ntitle: T\ndescription: D.\ndate: 2025-01-01\nredirect_from: ${redirects}\n---\n\nText.\n`

const where = ({ file, code, severity, line, column }: Problem) => ({
  file,
  code,
  severity,
  line,
  column,
})

describe('redirect_from', () => {
  it('keeps the old slugs of a renamed article, oldest first', () => {
    const { article: parsed, problems } = parseArticle(article('[first-name, second-name]'), {
      file: 'new-name.md',
    })
    expect(problems).toEqual([])
    expect(parsed?.redirect_from).toEqual(['first-name', 'second-name'])
    expect(articleIdPath(parsed as { slug: string })).toBe('/articles/first-name/')
    expect(articleIdPath({ slug: 'plain' })).toBe('/articles/plain/')
  })

  it('refuses an old slug that is not a slug, at its item, suggesting the slug', () => {
    const { article: parsed, problems } = parseArticle(article('\n  - /articles/Old Name/'), {
      file: 'a.md',
    })
    expect(parsed).toBeUndefined()
    expect(problems.map(where)).toEqual([
      { file: 'a.md', code: 'FIELD_INVALID', severity: 'error', line: 6, column: 5 },
    ])
    expect(problems[0]?.hint).toContain('"old-name"')
  })

  it("refuses the article's own slug, whose redirect would replace its page", () => {
    const { article: parsed, problems } = parseArticle(article('[a]'), { file: 'a.md' })
    expect(parsed).toBeUndefined()
    expect(problems.map(where)).toEqual([
      { file: 'a.md', code: 'REDIRECT_CONFLICT', severity: 'error', line: 5, column: 17 },
    ])
  })

  it('warns at an old slug listed twice and keeps it once', () => {
    const { article: parsed, problems } = parseArticle(article('[old, old]'), { file: 'a.md' })
    expect(parsed?.redirect_from).toEqual(['old'])
    expect(problems.map(where)).toEqual([
      { file: 'a.md', code: 'REDIRECT_CONFLICT', severity: 'warning', line: 5, column: 22 },
    ])
  })

  it("refuses an old slug that is another article's slug or redirect, and leaves those articles out", async () => {
    const directory = folderWith({
      'a.md': article('[b]'),
      'b.md': article('[gone]'),
      'c.md': article('\n  - gone'),
      'd.md': article('[fine]'),
    })
    const { articles, problems } = await loadCollection(
      defineCollection({ directory, gitDates: false }),
      { cwd: directory, threads: 1 },
    )
    expect(problems.map(where)).toEqual([
      { file: 'a.md', code: 'REDIRECT_CONFLICT', severity: 'error', line: 5, column: 17 },
      { file: 'b.md', code: 'REDIRECT_CONFLICT', severity: 'error', line: 5, column: 17 },
      { file: 'c.md', code: 'REDIRECT_CONFLICT', severity: 'error', line: 6, column: 5 },
    ])
    expect(problems[0]?.message).toContain('is the slug of b.md')
    expect(problems[1]?.message).toContain('c.md also redirects from "gone"')
    expect(articles.map((entry) => entry.slug)).toEqual(['d'])
  })
})
