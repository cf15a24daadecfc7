import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { detectHighlighting, findHighlightOption } from './highlight.ts'

describe('detectHighlighting', () => {
  it('finds markdown.highlight in the built engine (regression: its config types moved to dist/config.d.ts and the row went unmeasured)', async () => {
    const benchRoot = fileURLToPath(new URL('..', import.meta.url))
    const found = await detectHighlighting(benchRoot)
    expect(found).toMatchObject({ ok: true, option: 'markdown.highlight' })
  })
})

describe('findHighlightOption', () => {
  it("finds a highlighting property of the engine's MarkdownConfig", () => {
    const declarations = `
interface MarkdownConfig {
    /** Longest excerpt. */
    excerptLength?: number;
    /** Highlight code blocks with Shiki. */
    highlight?: boolean | HighlightConfig;
}`
    expect(findHighlightOption(declarations)).toEqual(['markdown', 'highlight'])
  })

  it('finds a highlighting option at the top of the config', () => {
    const declarations = `
interface MarkdownConfig { excerptLength?: number }
interface DawnpressConfig<S extends FrontmatterSchema = typeof articleSchema> {
    markdown?: MarkdownConfig;
    shikiTheme?: string;
}`
    expect(findHighlightOption(declarations)).toEqual(['shikiTheme'])
  })

  it('finds none in the config as it is before highlighting is built', () => {
    const declarations = `
interface FeedsOutputConfig { limit?: number }
interface MarkdownConfig {
    excerptLength?: number;
    nested?: { highlight?: boolean };
}
interface Other { highlight?: boolean }`
    expect(findHighlightOption(declarations)).toBeUndefined()
  })
})
