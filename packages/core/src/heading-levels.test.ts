import { describe, expect, it } from 'vitest'
import { planBodyHeadings, shiftedDepth } from './heading-levels.ts'
import { createMarkdownRenderer } from './markdown.ts'
import { parseArticle } from './parse.ts'

const renderer = createMarkdownRenderer({ highlight: false })
const plan = (body: string, title: string) => {
  const { html, headings } = renderer.render(body)
  return planBodyHeadings(html, headings, title)
}
const source = (body: string) => `---\ntitle: First Light\ndescription: D.\n---\n\n${body}`

describe("an article's headings under its title", () => {
  it('leaves out a leading "# Title" that repeats the title, in any case and spacing', () => {
    expect(plan('# First  light\n\n## Part\n', 'First Light')).toEqual({
      repeatsTitle: true,
      shift: 0,
    })
    expect(plan('Intro.\n\n# First Light\n', 'First Light')).toEqual({
      repeatsTitle: false,
      shift: 1,
    })
  })

  it('shows every heading one level lower when the body has a level-1 heading of its own', () => {
    expect(plan('# Intro\n\n## Detail\n', 'First Light')).toEqual({
      repeatsTitle: false,
      shift: 1,
    })
    expect(plan('## Only sections\n', 'First Light').shift).toBe(0)
    expect(shiftedDepth(1, 1)).toBe(2)
    expect(shiftedDepth(6, 1)).toBe(6)
  })

  it('warns at the first level-1 heading of the body, counting the others (regression: a second <h1> in articles whose body starts with one)', () => {
    const { article, problems } = parseArticle(
      source('# First Light\n\nText.\n\n# Intro\n\nMore.\n\n# Outro\n'),
      { file: 'a.md' },
    )
    expect(article).toBeDefined()
    expect(problems.map(({ code, severity, line }) => ({ code, severity, line }))).toEqual([
      { code: 'HEADING_LEVEL_SHIFTED', severity: 'warning', line: 10 },
    ])
    expect(problems[0]?.message).toContain('"# Intro" and 1 other')
  })

  it('says nothing about a body whose only level-1 heading repeats the title', () => {
    const { problems } = parseArticle(source('# First Light\n\n## Part\n'), { file: 'a.md' })
    expect(problems).toEqual([])
  })
})
