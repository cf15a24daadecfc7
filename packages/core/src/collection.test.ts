import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { assembleCollection, sortArticles } from './assemble.ts'
import {
  defineCollection,
  listCollectionFiles,
  loadCollection,
  parseCollectionFiles,
} from './collection.ts'
import { hasErrors, type Problem } from './problems.ts'

const PACKAGE = fileURLToPath(new URL('..', import.meta.url))
const REPOSITORY = fileURLToPath(new URL('../../..', import.meta.url))

function where(problem: Problem) {
  const { file, code, severity, line, column, path } = problem
  return { file, code, severity, line, column, path }
}

const temporary: string[] = []
afterAll(() => {
  for (const folder of temporary) rmSync(folder, { recursive: true, force: true })
})

/** A fresh folder outside any git repository, with the given files. */
function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'dawnpress-core-'))
  temporary.push(folder)
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true })
    writeFileSync(join(folder, name), text)
  }
  return folder
}

const article = (title: string, extra = '') =>
  `---\ntitle: ${title}\ndescription: About ${title}.\n${extra}---\n\nSome text about ${title}.\n`

describe('loadCollection', () => {
  it('returns every problem of every file in one run, sorted, and keeps the valid articles', async () => {
    const collection = defineCollection({ directory: 'test/fixtures/broken-folder' })
    const { articles, problems } = await loadCollection(collection, { cwd: PACKAGE })
    const base = 'test/fixtures/broken-folder'
    expect(problems.map(where)).toEqual([
      {
        file: `${base}/b-types.md`,
        code: 'FIELD_UNKNOWN',
        severity: 'warning',
        line: 4,
        column: 1,
        path: ['tagz'],
      },
      {
        file: `${base}/b-types.md`,
        code: 'FIELD_INVALID',
        severity: 'error',
        line: 5,
        column: 8,
        path: ['draft'],
      },
      {
        file: `${base}/c-yaml.md`,
        code: 'FRONTMATTER_YAML',
        severity: 'error',
        line: 3,
        column: 44,
        path: [],
      },
      {
        file: `${base}/c-yaml.md`,
        code: 'BODY_EMPTY',
        severity: 'error',
        line: 4,
        column: 1,
        path: [],
      },
      {
        file: `${base}/d-missing.md`,
        code: 'FIELD_REQUIRED',
        severity: 'error',
        line: 1,
        column: 1,
        path: ['description'],
      },
      {
        file: `${base}/nested/e-valid-newer.md`,
        code: 'FIELD_UNKNOWN',
        severity: 'warning',
        line: 5,
        column: 1,
        path: ['subtitle'],
      },
    ])
    expect(problems[0]?.hint).toContain('"tags"')
    // The quote opened on line 2 is still open where the frontmatter ends.
    expect(problems[2]?.message).toContain('missing closing "quote')
    // Newest first; the draft is checked but not published; hidden folders are skipped.
    expect(articles.map((entry) => entry.path)).toEqual(['nested/e-valid-newer.md', 'a-valid.md'])
    expect(articles.map((entry) => entry.slug)).toEqual(['e-valid-newer', 'a-valid'])
    expect(hasErrors(problems)).toBe(true)
  })

  it('includes drafts when asked to', async () => {
    const collection = defineCollection({ directory: 'test/fixtures/broken-folder', drafts: true })
    const { articles } = await loadCollection(collection, { cwd: PACKAGE })
    expect(articles.map((entry) => entry.slug)).toEqual(['f-draft', 'e-valid-newer', 'a-valid'])
  })

  it('gives the same result on every run', async () => {
    const collection = defineCollection({ directory: 'test/fixtures/broken-folder' })
    const first = await loadCollection(collection, { cwd: PACKAGE })
    const second = await loadCollection(collection, { cwd: PACKAGE })
    expect(second).toEqual(first)
  })

  it('names both files of a duplicate slug, at the slug where one is set', async () => {
    const collection = defineCollection({ directory: 'test/fixtures/duplicate-slugs' })
    const { articles, problems } = await loadCollection(collection, { cwd: PACKAGE })
    const first = 'test/fixtures/duplicate-slugs/first.md'
    const second = 'test/fixtures/duplicate-slugs/shared.md'
    expect(problems.map(where)).toEqual([
      {
        file: first,
        code: 'SLUG_DUPLICATE',
        severity: 'error',
        line: 5,
        column: 7,
        path: ['slug'],
      },
      {
        file: second,
        code: 'SLUG_DUPLICATE',
        severity: 'error',
        line: 1,
        column: 1,
        path: ['slug'],
      },
    ])
    for (const problem of problems) {
      expect(problem.message).toContain(first)
      expect(problem.message).toContain(second)
      expect(problem.message).toContain('"shared"')
    }
    expect(articles).toEqual([])
  })

  it('gives the seed article exactly one problem: its far-off read_time, with both figures', async () => {
    // The seed's layout may change (fields may be added), so find its read_time line.
    const seedFile = 'content/articles/the-dawn-of-large-language-models.md'
    const seedLines = readFileSync(join(REPOSITORY, seedFile), 'utf8').split('\n')
    const readTimeLine = seedLines.findIndex((line) => line.startsWith('read_time:')) + 1
    expect(readTimeLine).toBeGreaterThan(1)
    const collection = defineCollection({ directory: 'content/articles' })
    const { articles, problems } = await loadCollection(collection, { cwd: REPOSITORY })
    const [seed] = articles
    expect(articles).toHaveLength(1)
    expect(seed?.slug).toBe('the-dawn-of-large-language-models')
    expect(seed?.readingTime.minutes).toBe(2)
    expect(problems.map(where)).toEqual([
      {
        file: seedFile,
        code: 'READ_TIME_MISMATCH',
        severity: 'warning',
        line: readTimeLine,
        column: 12,
        path: ['read_time'],
      },
    ])
    expect(problems[0]?.message).toContain('says 10 min')
    expect(problems[0]?.message).toContain(`${seed?.readingTime.words} words take about 2 min`)
    expect(problems[0]?.hint).toContain("'2 min read'")
  })

  it('reads any number of files without running out of file handles', async () => {
    const files: Record<string, string> = {}
    for (let index = 0; index < 300; index++) {
      const day = String((index % 28) + 1).padStart(2, '0')
      files[`post-${index}.md`] = article(`Post ${index}`, `date: 2025-01-${day}\n`)
    }
    const { articles, problems } = await loadCollection(
      defineCollection({ directory: folderWith(files) }),
    )
    expect(problems).toEqual([])
    expect(articles).toHaveLength(300)
    const dates = articles.map((entry) => entry.date ?? '')
    expect(dates).toEqual([...dates].sort().reverse())
  })

  it('throws a clear error for a collection folder that does not exist', async () => {
    const collection = defineCollection({ directory: 'no/such/folder' })
    await expect(loadCollection(collection, { cwd: PACKAGE })).rejects.toThrow(
      /collection folder .*no\/such\/folder cannot be read \(ENOENT\)/,
    )
  })
})

describe('loadCollection: dates from git', () => {
  const git = (cwd: string, args: string[], date?: string) =>
    execFileSync('git', args, {
      cwd,
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.com',
        ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
      },
    })

  it('dates an article by the commit that added it, through renames', async () => {
    const folder = folderWith({
      'articles/first.md': article('First'),
      'articles/dated.md': article('Dated', 'date: 2020-01-01\n'),
    })
    git(folder, ['init', '--quiet'])
    git(folder, ['add', '.'])
    git(folder, ['commit', '--quiet', '-m', 'Add articles'], '2024-03-05T10:20:30+02:00')
    git(folder, ['mv', 'articles/first.md', 'articles/renamed.md'])
    git(folder, ['commit', '--quiet', '-m', 'Rename'], '2024-06-01T00:00:00Z')
    writeFileSync(join(folder, 'articles/second.md'), article('Second'))
    git(folder, ['add', '.'])
    git(folder, ['commit', '--quiet', '-m', 'Add second'], '2024-07-01T12:00:00Z')
    writeFileSync(join(folder, 'articles/uncommitted.md'), article('Uncommitted'))

    const { articles, problems } = await loadCollection(
      defineCollection({ directory: 'articles' }),
      { cwd: folder },
    )
    expect(articles.map((entry) => [entry.slug, entry.date])).toEqual([
      ['second', '2024-07-01T12:00:00.000Z'],
      ['renamed', '2024-03-05T08:20:30.000Z'],
      ['dated', '2020-01-01T00:00:00.000Z'],
      ['uncommitted', undefined],
    ])
    expect(problems.map(where)).toEqual([
      {
        file: 'articles/uncommitted.md',
        code: 'DATE_MISSING',
        severity: 'warning',
        line: 1,
        column: 1,
        path: ['date'],
      },
    ])
  })

  it('warns about a missing date outside git, and lists undated articles last', async () => {
    const folder = folderWith({ 'b.md': article('B'), 'a.md': article('A', 'date: 2025-05-05\n') })
    const { articles, problems } = await loadCollection(defineCollection({ directory: folder }))
    expect(articles.map((entry) => entry.slug)).toEqual(['a', 'b'])
    expect(problems.map((problem) => [problem.code, problem.severity])).toEqual([
      ['DATE_MISSING', 'warning'],
    ])
    expect(problems[0]?.file.endsWith('/b.md')).toBe(true)
    expect(problems[0]?.message).toContain('no "date"')
    expect(problems[0]?.hint).toContain('date: YYYY-MM-DD')
  })
})

describe('sortArticles', () => {
  it('puts the newest first, undated last, and breaks ties by slug', () => {
    const sorted = sortArticles([
      { slug: 'b', date: '2025-01-01T00:00:00.000Z' },
      { slug: 'undated', date: undefined },
      { slug: 'a', date: '2025-01-01T00:00:00.000Z' },
      { slug: 'newest', date: '2025-06-01T00:00:00.000Z' },
    ])
    expect(sorted.map((entry) => entry.slug)).toEqual(['newest', 'a', 'b', 'undated'])
  })
})

describe('loadCollection in steps', () => {
  it('gives the same result when some files are parsed and the rest are light records', async () => {
    const folder = folderWith({
      'a.md': article('A', 'date: 2025-01-01\n'),
      'b.md': article('B', 'date: 2025-02-01\nslug: shared\n'),
      'c.md': article('C', 'date: 2025-03-01\nslug: shared\n'),
      'd.md': article('D', 'date: 2025-04-01\ndraft: true\n'),
      'e.md': '---\ntitle: 3\n---\n',
      '.hidden/f.md': article('F'),
    })
    const collection = defineCollection({ directory: folder, gitDates: false })
    const whole = await loadCollection(collection)

    const files = await listCollectionFiles(collection)
    expect(files).toEqual(['a.md', 'b.md', 'c.md', 'd.md', 'e.md'])
    const parsed = await parseCollectionFiles(collection, files)
    // What an incremental build keeps of a file it does not parse again: no HTML at all.
    const light = parsed.map((entry) => ({
      ...entry,
      article: entry.article && {
        slug: entry.article.slug,
        path: entry.article.path,
        date: entry.article.date,
        draft: entry.article.draft,
      },
    }))
    const assembled = await assembleCollection(collection, [
      parsed[0] as (typeof parsed)[number],
      ...light.slice(1),
    ])
    expect(assembled.problems).toEqual(whole.problems)
    expect(assembled.articles.map((entry) => entry.slug)).toEqual(
      whole.articles.map((entry) => entry.slug),
    )
    expect(whole.problems.map((problem) => problem.code)).toContain('SLUG_DUPLICATE')
    expect(whole.articles.map((entry) => entry.slug)).toEqual(['a'])
  })
})

describe('problem paths', () => {
  it('names a file below the working directory relatively, and one outside it absolutely', async () => {
    const folder = folderWith({ 'bad.md': '---\ntitle: 3\n---\n' })
    const collection = defineCollection({ directory: folder })
    const outside = await loadCollection(collection, { cwd: PACKAGE })
    expect(outside.problems[0]?.file).toBe(join(folder, 'bad.md').split('\\').join('/'))
    const inside = await loadCollection(collection, { cwd: join(folder, '..') })
    expect(inside.problems[0]?.file).toMatch(/^dawnpress-core-[^/]+\/bad\.md$/)
  })
})
