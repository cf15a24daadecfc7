import { describe, expect, it } from 'vitest'
import { findHighlightOption } from './highlight.ts'

describe('findHighlightOption', () => {
  it("finds a highlighting property of the engine's MarkdownConfig", () => {
    const declarations = `
interface MarkdownConfig {
    /** Longest excerpt. */
    excerptLength?: number;
    /** Highlight code blocks with Shiki. */
    highlight?: boolean | HighlightConfig;
}`
    expect(findHighlightOption(declarations)).toBe('highlight')
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
