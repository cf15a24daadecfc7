import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { assembleCollection } from './assemble.ts'
import { defineCollection, loadCollection, parseCollectionFiles } from './collection.ts'
import { parseArticle } from './parse.ts'
import type { Problem } from './problems.ts'
import { MAX_TAGS_PER_ARTICLE } from './tags.ts'

const folders: string[] = []
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'dawnpress-tags-'))
  folders.push(folder)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text)
  return folder
}

const article = (tags: string, extra = '') =>
  `---\ntitle: T\ndescription: D.\ndate: 2025-01-01\n${extra}tags: ${tags}\n---\n\nText.\n`

const where = ({ file, code, severity, line, column, path }: Problem) => ({
  file,
  code,
  severity,
  line,
  column,
  path,
})

describe('tag spellings across articles', () => {
  it('warns at each tag spelled otherwise than its page, naming both spellings', async () => {
    const directory = folderWith({
      'a.md': article('[AI, Rust]'),
      'b.md': article('\n  - history\n  - AI'),
      'c.md': article('[ai]'),
      'd.md': article('["Rust", "A.I."]'),
    })
    const collection = defineCollection({ directory, gitDates: false })
    const { articles, problems } = await loadCollection(collection, { cwd: directory })
    expect(articles).toHaveLength(4)
    expect(problems.map(where)).toEqual([
      {
        file: 'c.md',
        code: 'TAG_VARIANT',
        severity: 'warning',
        line: 5,
        column: 8,
        path: ['tags', 0],
      },
    ])
    expect(problems[0]?.message).toBe(
      'The tag "ai" is shown as "AI", the spelling most articles use: both are the one tag tags/ai/.',
    )
    expect(problems[0]?.hint).toBe('Write "AI" here, so the tag reads the same everywhere.')
    // "A.I." is a tag of its own (tags/a-i/), so it is no variant.
  })

  it('points at block-list and JSON tags, and at the top of the file without positions', async () => {
    const directory = folderWith({
      'a.md': article('[Web]'),
      'b.md': article('[Web]'),
      'c.md': article('\n  - history\n  - web'),
      'd.md':
        '---JSON\n{"title": "T", "description": "D.", "date": "2025-01-01",\n "tags": ["x", "WEB"]}\n---\n\nText.\n',
    })
    const collection = defineCollection({ directory, gitDates: false })
    const { problems } = await loadCollection(collection, { cwd: directory })
    expect(problems.map((problem) => [problem.file, problem.line, problem.column])).toEqual([
      ['c.md', 7, 5],
      ['d.md', 3, 16],
    ])
    // An entry kept by a tool without its tag positions: the warning points at the top.
    const parsed = await parseCollectionFiles(collection, ['a.md', 'b.md', 'c.md'], {
      cwd: directory,
    })
    const kept = parsed.map(({ tagPositions: _positions, ...entry }) => entry)
    const assembled = await assembleCollection(collection, kept, { cwd: directory })
    expect(
      assembled.problems.map((problem) => [problem.file, problem.line, problem.column]),
    ).toEqual([['c.md', 1, 1]])
  })
})

describe('tags within one article', () => {
  it('keeps one tag per slug, the first spelling, and warns at the others', () => {
    const { article: parsed, problems } = parseArticle(article('[AI, Rust, ai, AI]'), {
      file: 'a.md',
    })
    expect(parsed?.tags).toEqual(['AI', 'Rust'])
    expect(problems.map(where)).toEqual([
      {
        file: 'a.md',
        code: 'TAG_DUPLICATE',
        severity: 'warning',
        line: 5,
        column: 18,
        path: ['tags', 2],
      },
      {
        file: 'a.md',
        code: 'TAG_DUPLICATE',
        severity: 'warning',
        line: 5,
        column: 22,
        path: ['tags', 3],
      },
    ])
    expect(problems[0]?.message).toBe(
      'The tags "AI" and "ai" are one tag (tags/ai/), so the article has it once, as "AI".',
    )
    expect(problems[1]?.message).toBe('The tag "AI" is listed twice; the article has it once.')
  })

  it(`refuses more than ${MAX_TAGS_PER_ARTICLE} tags, at the first one over (regression: 2,000 tags on a 13 KB article wrote 611 MB)`, () => {
    const tags = Array.from({ length: 2000 }, (_, index) => `t${index}`)
    const started = performance.now()
    const { article: parsed, problems } = parseArticle(
      article(`\n${tags.map((tag) => `  - ${tag}`).join('\n')}`),
      {
        file: 'a.md',
      },
    )
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(parsed).toBeUndefined()
    expect(problems.map(where)).toEqual([
      {
        file: 'a.md',
        code: 'TAGS_TOO_MANY',
        severity: 'error',
        line: 26,
        column: 5,
        path: ['tags', 20],
      },
    ])
    expect(problems[0]?.message).toContain('lists 2000 tags, but at most 20 are allowed')
  })

  it(`takes exactly ${MAX_TAGS_PER_ARTICLE} tags`, () => {
    const tags = Array.from({ length: MAX_TAGS_PER_ARTICLE }, (_, index) => `t${index}`)
    const { article: parsed, problems } = parseArticle(article(`[${tags.join(', ')}]`), {
      file: 'a.md',
    })
    expect(problems).toEqual([])
    expect(parsed?.tags).toEqual(tags)
  })

  it('checks tags whatever the schema: nothing visible, too long, too many', () => {
    const schema = z.object({
      title: z.string(),
      description: z.string(),
      date: z.string(),
      tags: z.array(z.string()),
    })
    const codes = (tags: string) =>
      parseArticle(article(tags), { file: 'a.md', schema }).problems.map((problem) => [
        problem.code,
        problem.path,
        problem.message,
      ])
    expect(codes(`["\u200b", "${'x'.repeat(61)}"]`)).toEqual([
      [
        'FIELD_INVALID',
        ['tags', 0],
        'The tag "\u200b" has nothing visible in it, so it can have no page or feed.',
      ],
      [
        'FIELD_INVALID',
        ['tags', 1],
        expect.stringContaining('has 61 characters; a tag may have at most 60.'),
      ],
    ])
    const many = Array.from({ length: 21 }, (_, index) => `t${index}`)
    expect(codes(`[${many.join(', ')}]`)).toEqual([
      ['TAGS_TOO_MANY', ['tags', 20], expect.stringContaining('lists 21 tags')],
    ])
  })

  it('finds the same tag positions whether or not the YAML needs the slower positioned reader', () => {
    const tags = '\n  - a\n  - "b"\n  - c d\n  - A\n  - "B"'
    const duplicates = (extra: string) =>
      parseArticle(article(tags, extra), { file: 'a.md' })
        .problems.filter((problem) => problem.code === 'TAG_DUPLICATE')
        .map(where)
    // An anchor (&) sends the whole frontmatter through the positioned reader.
    expect(duplicates('x: 1\n')).toEqual(duplicates('x: &anchor 1\n'))
    expect(duplicates('x: 1\n').map((problem) => [problem.line, problem.column])).toEqual([
      [10, 5],
      [11, 5],
    ])
  })
})
