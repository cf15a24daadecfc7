import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createMarkdownRenderer } from './markdown.ts'

const FIXTURES = new URL('../test/fixtures/highlight/', import.meta.url)
const read = (name: string) =>
  JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as Record<string, string>

// expected.json is what the highlighter wrote when it tokenized every line once per theme,
// with each theme's own grammar instance (before it tokenized once and coloured the tokens'
// scopes in both themes); the single pass must colour every character alike.
describe('tokenizing once for both themes', () => {
  const samples = read('samples.json')
  const expected = read('expected.json')
  const renderer = createMarkdownRenderer()

  it.each(Object.keys(samples))('colours %s as tokenizing once per theme did', (language) => {
    const html = renderer.render(`\`\`\`${language}\n${samples[language]}\`\`\`\n`).html
    expect(html).toBe(expected[language])
    expect(html).toContain('--shiki-dark:')
  })
})
