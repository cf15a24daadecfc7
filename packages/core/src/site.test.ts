import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseSite } from './site.ts'

const SITE = readFileSync(new URL('../../../content/site.json', import.meta.url), 'utf8')

function where(problem: { code: string; line: number; column: number; path: unknown[] }) {
  const { code, line, column, path } = problem
  return { code, line, column, path }
}

describe('parseSite', () => {
  it('accepts the repository site.json', () => {
    const { site, problems } = parseSite(SITE, 'content/site.json')
    expect(problems).toEqual([])
    expect(site?.url).toBe('https://dawnpress.example/')
    expect(site?.language).toBe('en')
  })

  it("takes the publication's and the author's X handles, and refuses one without its @", () => {
    const site = (twitter: string) =>
      `{ "title": "D", "description": "D.", "url": "https://d.example/", "twitter": "${twitter}",\n  "author": { "name": "Ada", "twitter": "@ada_l" } }`
    const good = parseSite(site('@dawn'), 'site.json')
    expect(good.problems).toEqual([])
    expect([good.site?.twitter, good.site?.author.twitter]).toEqual(['@dawn', '@ada_l'])
    const bad = parseSite(site('dawn'), 'site.json')
    expect(bad.problems.map(where)).toEqual([
      { code: 'FIELD_INVALID', line: 1, column: 78, path: ['twitter'] },
    ])
    expect(bad.problems[0]?.message).toContain('"@dawn"')
  })

  it('lets overrides such as --site-url win over the file', () => {
    const { site } = parseSite(SITE, 'site.json', { url: 'https://example.com/blog/' })
    expect(site?.url).toBe('https://example.com/blog/')
  })

  it('points at every invalid setting with its own code, nested ones included (regression: all were SITE_CONFIG)', () => {
    const text = [
      '{',
      '  "title": "Dawn",',
      '  "url": "ftp://dawn.example",',
      '  "author": { "name": "Ada", "emial": "a@b.co" },',
      '  "card": { "accent": "orange" }',
      '}',
    ].join('\n')
    const { site, problems } = parseSite(text, 'site.json')
    expect(site).toBeUndefined()
    expect(problems.map(where)).toEqual([
      { code: 'FIELD_REQUIRED', line: 1, column: 1, path: ['description'] },
      { code: 'FIELD_INVALID', line: 3, column: 10, path: ['url'] },
      { code: 'FIELD_UNKNOWN', line: 4, column: 30, path: ['author', 'emial'] },
      { code: 'FIELD_INVALID', line: 5, column: 23, path: ['card', 'accent'] },
    ])
    expect(problems[0]?.hint).toBe('Add "description": … to site.json.')
    expect(problems[2]?.hint).toContain('"email"')
    expect(problems[3]?.message).toContain('hex colour')
  })

  it('reports JSON syntax errors at their position', () => {
    const text = '{\n  "title": "Dawn"\n  "url": "https://dawn.example"\n}\n'
    const { problems } = parseSite(text, 'site.json')
    expect(problems.map(where)).toEqual([{ code: 'SITE_CONFIG', line: 3, column: 3, path: [] }])
    expect(problems[0]?.message).toBe(
      'The site config is not valid JSON: Missing , between flow map items.',
    )
    expect(problems[0]?.hint).toContain('comma')
  })

  it('refuses a config that is not an object', () => {
    const { problems } = parseSite('[1, 2]', 'site.json')
    expect(problems.map((problem) => problem.message)).toEqual([
      'The site config must be a JSON object of settings, but it is a list of 2 items.',
    ])
  })
})
