import { describe, expect, it } from 'vitest'
import { createMarkdownRenderer } from './markdown.ts'
import { parseSource } from './parse.ts'
import { isRelativeReference } from './references.ts'

const FRONTMATTER = '---\ntitle: A\ndescription: B.\ndate: 2025-01-01\nimage: ./cover.png\n---\n'

describe('isRelativeReference', () => {
  it.each([
    ['./images/a.png', true],
    ['../b.md#setup', true],
    ['diagram.png', true],
    ['data/results.csv', true],
    ['/articles/a/', false],
    ['//cdn.example.org/x.png', false],
    ['#setup', false],
    ['?page=2', false],
    ['https://example.org/x.png', false],
    ['mailto:a@example.org', false],
    ['', false],
  ])('%s is relative: %s', (url, relative) => {
    expect(isRelativeReference(url)).toBe(relative)
  })
})

describe('the references of an article', () => {
  it('lists the relative images and links of Markdown, raw HTML and the frontmatter, at their places', () => {
    const body = [
      '# Intro',
      '',
      'See ![The loop](./images/loop.png) and [part one](./part-one.md#setup).',
      '',
      '<img src="raw.png" alt="Raw"> and <a href="../notes/data.csv">the data</a>.',
      '',
      '![Twice](./images/loop.png) and ![twice](./images/loop.png)',
      '',
      '[Web](https://example.org/) [site](/about/) [here](#intro)',
    ].join('\n')
    const { article, references } = parseSource(`${FRONTMATTER}\n${body}\n`, {
      file: 'a.md',
      renderer: createMarkdownRenderer(),
    })
    expect(article).toBeDefined()
    expect(references).toEqual([
      { kind: 'image', url: './cover.png', line: 5, column: 8, field: 'image' },
      { kind: 'image', url: './images/loop.png', line: 10, column: 17 },
      { kind: 'link', url: './part-one.md#setup', line: 10, column: 51 },
      { kind: 'image', url: 'raw.png', line: 12, column: 11 },
      { kind: 'link', url: '../notes/data.csv', line: 12, column: 44 },
      { kind: 'image', url: './images/loop.png', line: 14, column: 10 },
      { kind: 'image', url: './images/loop.png', line: 14, column: 42 },
    ])
  })

  it('finds a URL Markdown percent-encoded where the author wrote it', () => {
    const { references } = parseSource(`${FRONTMATTER}\nA ![x](<./my diagram.png>).\n`, {
      file: 'a.md',
    })
    expect(references.at(-1)).toEqual({
      kind: 'image',
      url: './my%20diagram.png',
      line: 8,
      column: 9,
    })
  })

  it('keeps the relative URL in the HTML for the build to resolve', () => {
    const { html } = createMarkdownRenderer().render('![Loop](./images/loop.png)')
    expect(html).toContain('src="./images/loop.png"')
  })
})
