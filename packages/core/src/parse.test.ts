import { describe, expect, it } from 'vitest'
import { onlyProblem, parseFixture, where } from '../test/support.ts'
import { parseArticle } from './parse.ts'
import type { Problem } from './problems.ts'

describe('parseArticle: fields with wrong values', () => {
  it('reports each field of the wrong type at its value, with a hint for the fix', () => {
    const { article, problems } = parseFixture('wrong-types/article.md')
    expect(article).toBeUndefined()
    expect(problems.map(where)).toEqual([
      { code: 'FIELD_INVALID', severity: 'error', line: 2, column: 8, path: ['title'] },
      { code: 'FIELD_INVALID', severity: 'error', line: 4, column: 7, path: ['tags'] },
      { code: 'FIELD_INVALID', severity: 'error', line: 5, column: 8, path: ['draft'] },
    ])
    const [title, tags, draft] = problems as [Problem, Problem, Problem]
    expect(title.message).toBe('The field "title" must be text, but it is the number 42.')
    expect(title.hint).toContain('title: "42"')
    expect(tags.message).toBe('The field "tags" must be a list, but it is the text "x".')
    expect(tags.hint).toContain('tags: ["x"]')
    expect(draft.message).toBe('The field "draft" must be true or false, but it is the text "yes".')
    expect(draft.hint).toContain('without quotes')
  })

  it('points a nested field error at the value inside the list', () => {
    const problem = onlyProblem('nested-field/article.md')
    expect(where(problem)).toEqual({
      code: 'FIELD_INVALID',
      severity: 'error',
      line: 8,
      column: 12,
      path: ['authors', 1, 'email'],
    })
    expect(problem.message).toBe(
      'The field "authors[1].email" is invalid: it is not an e-mail address.',
    )
    expect(problem.hint).toContain('"not-an-email"')
  })

  it('warns about an unknown field at its key and names the closest known field', () => {
    const { article, problems } = parseFixture('unknown-field/article.md')
    expect(problems.map(where)).toEqual([
      { code: 'FIELD_UNKNOWN', severity: 'warning', line: 2, column: 1, path: ['titel'] },
    ])
    expect(problems[0]?.message).toContain('"titel"')
    expect(problems[0]?.hint).toMatch(/^Did you mean "title"\?/)
    expect(article?.title).toBe('The real title')
    expect(article).not.toHaveProperty('titel')
  })

  it('suggests renaming a misspelt key when the field it stands for is missing', () => {
    const { problems } = parseArticle('---\ntitle: x\ndescripton: y\n---\nBody\n', { file: 'a.md' })
    expect(problems.map(where)).toEqual([
      { code: 'FIELD_REQUIRED', severity: 'error', line: 1, column: 1, path: ['description'] },
      { code: 'FIELD_UNKNOWN', severity: 'warning', line: 3, column: 1, path: ['descripton'] },
    ])
    expect(problems[0]?.hint).toBe('Rename "descripton" to "description".')
    expect(problems[1]?.hint).toContain('"description"')
  })

  it('rejects an unknown key inside an author as an error, with the closest name', () => {
    const source =
      '---\ntitle: x\ndescription: y\nauthors:\n  - name: A\n    emial: a@b.co\n---\nB\n'
    const { problems } = parseArticle(source, { file: 'a.md' })
    expect(problems.map(where)).toEqual([
      {
        code: 'FIELD_UNKNOWN',
        severity: 'error',
        line: 6,
        column: 5,
        path: ['authors', 0, 'emial'],
      },
    ])
    expect(problems[0]?.hint).toContain('"email"')
  })

  it('names a day that is not in the calendar', () => {
    const problem = onlyProblem('invalid-date/calendar.md')
    expect(where(problem)).toEqual({
      code: 'FIELD_INVALID',
      severity: 'error',
      line: 4,
      column: 7,
      path: ['date'],
    })
    expect(problem.message).toContain('2025-02-30 is not a day of the calendar')
    expect(problem.message).toContain('February 2025 has 28 days')
    expect(problem.hint).toContain('YYYY-MM-DD')
  })

  it('rejects a word where a date belongs', () => {
    const problem = onlyProblem('invalid-date/word.md')
    expect(where(problem)).toEqual({
      code: 'FIELD_INVALID',
      severity: 'error',
      line: 4,
      column: 7,
      path: ['date'],
    })
    expect(problem.message).toContain('expected a date like 2025-01-15')
  })

  it('reports an empty body at the closing delimiter', () => {
    const problem = onlyProblem('empty-body/article.md')
    expect(where(problem)).toEqual({
      code: 'BODY_EMPTY',
      severity: 'error',
      line: 4,
      column: 1,
      path: [],
    })
    expect(problem.hint).toContain('below the closing "---"')
  })
})

describe('parseArticle: slugs', () => {
  it.each([
    ['slash', 'a/b', 'a-b'],
    ['dots', '../escape', 'escape'],
    ['spaces', 'my post', 'my-post'],
    ['uppercase', 'My-Post', 'my-post'],
  ])('rejects a frontmatter slug with %s and suggests a safe one', (name, _slug, safe) => {
    const problem = onlyProblem(`bad-slugs/${name}.md`)
    expect(where(problem)).toEqual({
      code: 'SLUG_INVALID',
      severity: 'error',
      line: 4,
      column: 7,
      path: ['slug'],
    })
    expect(problem.message).toContain('lowercase letters, digits and single hyphens')
    expect(problem.hint).toContain(`slug: ${safe}`)
  })

  it('names a file of punctuation alone by its code points', () => {
    const { article, problems } = parseFixture('bad-slugs/___.md')
    expect(problems).toEqual([])
    expect(article?.slug).toBe('u5f-u5f-u5f')
  })

  it('reports a file name that gives no slug', () => {
    const { problems } = parseArticle('---\ntitle: x\ndescription: y\n---\nB\n', {
      file: 'content/\u200b.md',
    })
    expect(problems.map(where)).toEqual([
      { code: 'SLUG_INVALID', severity: 'error', line: 1, column: 1, path: ['slug'] },
    ])
    expect(problems[0]?.message).toContain('no visible characters')
  })

  it.each([
    ['東京-2025', true],
    ['c-plus-plus', true],
    ['москва', true],
    ['Москва', false],
    ['café', true],
    ['cafe\u0301', false],
    ['a\u200bb', false],
    ['a.b', false],
  ])('takes the hand-set slug %s as valid: %s', (slug, valid) => {
    const { problems } = parseArticle(`---\ntitle: x\ndescription: y\nslug: "${slug}"\n---\nB\n`, {
      file: 'a.md',
    })
    expect(problems.map((problem) => problem.code)).toEqual(valid ? [] : ['SLUG_INVALID'])
  })

  it('rejects an unsafe slug even when a custom schema lets it through', async () => {
    const { z } = await import('zod')
    const schema = z.object({ title: z.string(), description: z.string(), slug: z.string() })
    const { problems } = parseArticle('---\ntitle: x\ndescription: y\nslug: ../../etc\n---\nB\n', {
      file: 'a.md',
      schema,
    })
    expect(problems.map(where)).toEqual([
      { code: 'SLUG_INVALID', severity: 'error', line: 4, column: 7, path: ['slug'] },
    ])
  })

  it('derives the slug from the file name', () => {
    const { article } = parseArticle('---\ntitle: x\ndescription: y\n---\nB\n', {
      file: 'content/Café Crème 2025.md',
    })
    expect(article?.slug).toBe('cafe-creme-2025')
  })
})

describe('parseArticle: encodings and line endings', () => {
  it('reports a file that is not UTF-8 at the first bad byte', () => {
    const problem = onlyProblem('not-utf8/latin1.md')
    // "title: Caf" is 10 characters; the Latin-1 "é" (0xE9) is the 11th.
    expect(where(problem)).toEqual({
      code: 'FILE_ENCODING',
      severity: 'error',
      line: 2,
      column: 11,
      path: [],
    })
    expect(problem.message).toContain('0xE9')
    expect(problem.hint).toContain('UTF-8')
  })

  it('recognises a file saved as UTF-16', () => {
    const bytes = Buffer.from('\ufeff---\ntitle: x\n', 'utf16le')
    const { problems } = parseArticle(bytes, { file: 'a.md' })
    expect(problems.map(where)).toEqual([
      { code: 'FILE_ENCODING', severity: 'error', line: 1, column: 1, path: [] },
    ])
    expect(problems[0]?.message).toContain('UTF-16')
  })

  it('parses a file with a BOM and CRLF line endings like any other', () => {
    const { article, problems } = parseFixture('bom-crlf/valid.md')
    expect(problems.map(where)).toEqual([
      { code: 'FIELD_UNKNOWN', severity: 'warning', line: 4, column: 1, path: ['sumary'] },
      // "# Heading" is not the title: the page shows it as a level-2 heading, and says so.
      { code: 'HEADING_LEVEL_SHIFTED', severity: 'warning', line: 8, column: 1, path: [] },
    ])
    expect(article?.title).toBe('Windows file')
    expect(article?.headings).toEqual([{ depth: 1, text: 'Heading', id: 'heading' }])
    expect(article?.html).not.toContain('\r')
    expect(article?.excerpt).toBe('First paragraph with a soft break.')
  })

  it('keeps positions right in a file with a BOM and CRLF line endings', () => {
    const problem = onlyProblem('bom-crlf/broken.md')
    expect(where(problem)).toEqual({
      code: 'FIELD_INVALID',
      severity: 'error',
      line: 7,
      column: 12,
      path: ['authors', 0, 'email'],
    })
  })

  it('parses a file of several megabytes in reasonable time', { timeout: 30_000 }, () => {
    const section = (index: number) =>
      `## Section ${index}\n\n${'Plain words of prose make up this paragraph, with *emphasis* and a [link](https://example.com). '.repeat(40)}\n\n\`\`\`js\nconst notCounted = ${index}\n\`\`\`\n\n`
    const body = Array.from({ length: 1000 }, (_, index) => section(index)).join('')
    const source = `---\ntitle: Big\ndescription: Several megabytes.\ndate: 2025-01-01\n---\n\n${body}`
    expect(source.length).toBeGreaterThan(3_500_000)
    const started = performance.now()
    const { article, problems } = parseArticle(Buffer.from(source), { file: 'big.md' })
    const elapsed = performance.now() - started
    expect(problems).toEqual([])
    expect(article?.headings).toHaveLength(1000)
    expect(article?.headings.at(-1)?.id).toBe('section-999')
    // 13 words a sentence, 40 sentences, plus the two heading words; code is not counted.
    expect(article?.readingTime.words).toBe(1000 * (13 * 40 + 2))
    // About 0.5 s on an idle laptop; the bound leaves room for a busy CI machine.
    expect(elapsed).toBeLessThan(15_000)
  })
})

describe('parseArticle: computed fields', () => {
  const source = [
    '---',
    'title: Computed',
    'description: Fields dawnpress fills in.',
    'date: 2025-01-15',
    'updated: 2025-02-01T10:30:00+02:00',
    'author: Ada',
    'tags: [ai]',
    '---',
    '',
    'Hello **world**.',
  ].join('\n')

  it('fills in slug, path, dates as UTC timestamps and authors', () => {
    const { article, problems } = parseArticle(source, { file: 'content/a.md', path: 'a.md' })
    expect(problems).toEqual([])
    expect(article).toMatchObject({
      title: 'Computed',
      slug: 'a',
      path: 'a.md',
      date: '2025-01-15T00:00:00.000Z',
      updated: '2025-02-01T08:30:00.000Z',
      authors: [{ name: 'Ada' }],
      tags: ['ai'],
      draft: false,
      excerpt: 'Hello world.',
      readingTime: { minutes: 1, words: 2 },
    })
    expect(article?.html).toBe('<p>Hello <strong>world</strong>.</p>\n')
  })

  it('warns when "updated" is before "date"', () => {
    const { problems } = parseArticle(source.replace('2025-02-01T10:30:00+02:00', '2024-12-01'), {
      file: 'a.md',
    })
    expect(problems.map(where)).toEqual([
      { code: 'UPDATED_BEFORE_DATE', severity: 'warning', line: 5, column: 10, path: ['updated'] },
    ])
  })
})

describe('parseArticle: raw HTML', () => {
  it('warns at its place in the file about each tag the sanitiser showed as text or removed', () => {
    const source =
      '\ufeff---\r\ntitle: T\r\ndescription: D\r\n---\r\n\r\nUse a <textarea> here.\r\n\r\n> <b onclick="x()">quoted</b>\r\n'
    const { article, problems } = parseArticle(Buffer.from(source), { file: 'a.md' })
    expect(problems.map(where)).toEqual([
      { code: 'HTML_TAG_ESCAPED', severity: 'warning', line: 6, column: 7, path: [] },
      { code: 'HTML_ATTRIBUTE_REMOVED', severity: 'warning', line: 8, column: 6, path: [] },
    ])
    expect(problems[0]?.hint).toBe(
      'Write `<textarea>` in backticks to show it as code, or remove it.',
    )
    expect(article?.html).toBe(
      '<p>Use a &lt;textarea&gt; here.</p>\n<blockquote>\n<p><b>quoted</b></p>\n</blockquote>\n',
    )
    expect(article?.readingTime.words).toBe(5)
  })
})

describe('parseArticle: what the body renders', () => {
  it('warns about a code block in an unknown language at its name in the file, and keeps the article', () => {
    const source = '---\ntitle: T\ndescription: D.\n---\n\nText.\n\n```nosuchlang\ngraph TD\n```\n'
    const { article, problems } = parseArticle(source, { file: 'a.md' })
    expect(article?.html).toContain('<code class="language-nosuchlang">graph TD</code>')
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'CODE_LANGUAGE_UNKNOWN',
        severity: 'warning',
        file: 'a.md',
        line: 8,
        column: 4,
      }),
    ])
  })
})
