import { describe, expect, it } from 'vitest'
import { createMarkdownRenderer } from './markdown.ts'
import { parseArticle } from './parse.ts'

const renderer = createMarkdownRenderer({ highlight: false })
const notes = (markdown: string) =>
  renderer
    .render(markdown)
    .changes.filter((note) => note.code === 'IMAGE_ALT_MISSING')
    .map(({ line, column }) => ({ line, column }))

describe('an image without a text alternative', () => {
  it('is a warning at the image, for empty brackets and for an <img> with no alt', () => {
    const body =
      'Intro.\n\nSee ![](./a.png) and ![Described](./b.png).\n\n<img src="c.png">\n\nAnd <img src="d.png"> inline, ![](./e.png) again.\n'
    expect(notes(body)).toEqual([
      { line: 3, column: 5 },
      { line: 5, column: 1 },
      { line: 7, column: 5 },
      { line: 7, column: 31 },
    ])
  })

  it('is shown as written: nothing is added or removed', () => {
    expect(renderer.render('![](./a.png)').html).toBe('<p><img src="./a.png" alt=""></p>\n')
  })

  it('is not one when written alt="" on purpose, or when described', () => {
    expect(notes('<img src="a.png" alt="">\n\n![A chart](./b.png)\n')).toEqual([])
  })

  it("reaches check at the article file's line", () => {
    const source = '---\ntitle: A\ndescription: B.\ndate: 2025-01-01\n---\n\n![](./chart.png)\n'
    const { problems } = parseArticle(source, { file: 'a.md' })
    expect(
      problems.map(({ code, line, column, severity }) => ({ code, line, column, severity })),
    ).toEqual([{ code: 'IMAGE_ALT_MISSING', line: 7, column: 1, severity: 'warning' }])
  })
})
