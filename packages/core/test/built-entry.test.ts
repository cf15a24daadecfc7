import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type BuiltEntryRun,
  ENTRY_MODES,
  expectEntry,
  runBuiltEntry,
  WITH_V8_FLAGS,
} from '../../../test/built-entry.ts'

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url))
const FIXTURE = fileURLToPath(new URL('./fixtures/built-entry/', import.meta.url))

// What a user's code does first; `threads: 2` starts dist/parse-worker.js, which both formats use.
const CHECKS = {
  loadCollection: `
    const collection = pkg.defineCollection({ directory: args.fixture, gitDates: false })
    const { articles, problems } = await pkg.loadCollection(collection, { threads: 1 })
    return {
      problems: problems.map((problem) => problem.code),
      articles: articles.map((article) => ({
        slug: article.slug,
        path: article.path,
        tags: article.tags,
        headings: article.headings.map((heading) => heading.id),
        footnote: article.html.includes('class="footnotes"'),
        highlighted: article.html.includes('<span style="--shiki-light:#d73a49;--shiki-dark:#f97583">const</span>'),
      })),
    }`,
  loadCollectionOnThreads: `
    const collection = pkg.defineCollection({ directory: args.fixture, gitDates: false })
    const one = await pkg.loadCollection(collection, { threads: 1 })
    const two = await pkg.loadCollection(collection, { threads: 2 })
    return { same: JSON.stringify(one) === JSON.stringify(two), count: two.articles.length }`,
  slugifyTag: `return ['Machine Learning', 'Café & Crème', '???'].map(pkg.slugifyTag)`,
  parseArticle: `
    const source = '---\\ntitle: Hello\\ndescription: A test.\\ntags: [News]\\n---\\n\\n## A heading\\n\\n- [x] done\\n'
    const { article, problems } = pkg.parseArticle(source, { file: 'content/hello.md', path: 'hello.md' })
    return {
      problems,
      slug: article.slug,
      tags: article.tags,
      headings: article.headings,
      taskList: article.html.includes('type="checkbox"'),
      sanitized: pkg.sanitizeHtml('<p onclick="x()">Hi<script>alert(1)</script></p>'),
    }`,
}

describe.each(ENTRY_MODES)('@dawnpress/core, loaded with $title', (mode) => {
  let run: BuiltEntryRun
  beforeAll(async () => {
    run = await runBuiltEntry(PACKAGE_DIR, mode, CHECKS, { fixture: FIXTURE })
  })

  it('resolves to the built file of its format', () => {
    expectEntry(run, PACKAGE_DIR, mode)
  })

  it('loads a collection, with heading ids from github-slugger (regression: "import_github_slugger.default is not a constructor") and code highlighted by Shiki', () => {
    expect(run.value('loadCollection')).toEqual({
      problems: [],
      articles: [
        {
          slug: 'first-light',
          path: 'first-light.md',
          tags: ['Machine Learning', 'Café & Crème'],
          headings: ['why-it-matters', 'why-it-matters-1'],
          footnote: false,
          highlighted: false,
        },
        {
          slug: 'second-wind',
          path: 'notes/second-wind.md',
          tags: ['Machine Learning'],
          headings: [],
          footnote: true,
          highlighted: true,
        },
      ],
    })
  })

  it('loads the same collection on worker threads, code highlighted there as here', () => {
    expect(run.value('loadCollectionOnThreads')).toEqual({ same: true, count: 2 })
  })

  it('slugifies tags (regression: "import_github_slugger.default is not a constructor")', () => {
    expect(run.value('slugifyTag')).toEqual(['machine-learning', 'cafe-creme', 'u3f-u3f-u3f'])
  })

  it('parses an article and sanitises HTML', () => {
    expect(run.value('parseArticle')).toEqual({
      problems: [],
      slug: 'hello',
      tags: ['News'],
      headings: [{ depth: 2, id: 'a-heading', text: 'A heading' }],
      taskList: true,
      sanitized: '<p>Hi</p>',
    })
  })
})

describe(`@dawnpress/core, loaded with ${WITH_V8_FLAGS.title}`, () => {
  it('parses on worker threads (regression: ERR_WORKER_INVALID_EXEC_ARGV)', async () => {
    const { loadCollectionOnThreads } = CHECKS
    const run = await runBuiltEntry(
      PACKAGE_DIR,
      WITH_V8_FLAGS,
      { loadCollectionOnThreads },
      {
        fixture: FIXTURE,
      },
    )
    expect(run.value('loadCollectionOnThreads')).toEqual({ same: true, count: 2 })
  })
})
