import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isProblemError, type Problem } from '@dawnpress/core'
import { afterEach, describe, expect, it } from 'vitest'
import { article, createProject, type Project } from '../test/project.ts'
import { sniffImage } from './logo.ts'

let project: Project

afterEach(() => project?.dispose())

const SITE = (logo: string) => `{
  "title": "Dawn",
  "description": "Essays.",
  "url": "https://dawn.example/",
  "author": { "name": "Ada" },
  "card": {
    "accent": "#f59e0b",
    "logo": ${JSON.stringify(logo)}
  }
}
`

/** The problem `check()` throws for a site whose logo is `logo`. */
async function logoProblem(
  logo: string,
  files: Record<string, string | Uint8Array> = {},
): Promise<Problem> {
  project = createProject({ 'a.md': article('A', '2025-03-01') }, { site: SITE(logo) })
  for (const [path, contents] of Object.entries(files)) project.write(path, contents)
  const build = await project.open()
  try {
    await build.check()
  } catch (error) {
    if (isProblemError(error) && error.problems[0]) return error.problems[0]
    throw error
  }
  throw new Error('check() found no problem')
}

describe('the site logo', () => {
  it('reports a logo that does not exist at its line in site.json', async () => {
    const problem = await logoProblem('missing.svg')
    expect(problem).toMatchObject({
      code: 'LOGO_INVALID',
      severity: 'error',
      line: 8,
      column: 13,
      path: ['card', 'logo'],
    })
    expect(problem.file).toMatch(/content\/site\.json$/)
    expect(problem.message).toContain('"missing.svg" does not exist')
  })

  it('refuses a logo outside the project, by its path or through a link', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'dawnpress-outside-'))
    try {
      writeFileSync(join(outside, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
      const problem = await logoProblem(join(outside, 'logo.svg'))
      expect(problem).toMatchObject({ code: 'LOGO_INVALID', line: 8 })
      expect(problem.message).toContain('outside the project folder')
      project.dispose()
      project = createProject({ 'a.md': article('A', '2025-03-01') }, { site: SITE('logo.svg') })
      // The project holds Dawn's own logo there: a link out takes its place.
      rmSync(join(project.root, 'content/logo.svg'))
      symlinkSync(join(outside, 'logo.svg'), join(project.root, 'content/logo.svg'))
      await expect((await project.open()).check()).rejects.toMatchObject({
        problems: [expect.objectContaining({ code: 'LOGO_INVALID', line: 8 })],
      })
    } finally {
      rmSync(outside, { recursive: true, force: true })
    }
  })

  it('accepts a logo beside a site.json kept outside the project (regression: dawnpress new --content in a temporary folder)', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'dawnpress-outside-'))
    try {
      writeFileSync(join(outside, 'site.json'), SITE('logo.svg'))
      writeFileSync(join(outside, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
      project = createProject({ 'a.md': article('A', '2025-03-01') })
      project.write(
        'dawnpress.config.ts',
        `export default { site: ${JSON.stringify(join(outside, 'site.json'))} }\n`,
      )
      const result = await (await project.open()).check()
      expect(result.problems.filter((problem) => problem.code === 'LOGO_INVALID')).toEqual([])
    } finally {
      rmSync(outside, { recursive: true, force: true })
    }
  })

  it('refuses a file that is not an image, whatever its name says', async () => {
    const problem = await logoProblem('logo.png', { 'content/logo.png': 'not an image at all' })
    expect(problem).toMatchObject({ code: 'LOGO_INVALID', line: 8 })
    expect(problem.message).toContain('named as PNG but is not an image')
    const text = await logoProblem('logo.txt', { 'content/logo.txt': 'hello' })
    expect(text.message).toContain('not a PNG, JPEG or SVG file')
  })

  it('refuses an SVG that would run a script when served as favicon.svg', async () => {
    const problem = await logoProblem('logo.svg', {
      'content/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
    })
    expect(problem.message).toContain('script, an event handler')
  })

  it('accepts Dawn’s own logo, relative to site.json', async () => {
    project = createProject({ 'a.md': article('A', '2025-03-01') })
    const result = await (await project.open()).check()
    expect(result.ok).toBe(true)
    expect(result.site.logo).toMatchObject({ type: 'svg' })
  })
})

describe('sniffImage', () => {
  it('tells PNG, JPEG and SVG by their first bytes', () => {
    expect(sniffImage(Buffer.from('89504e470d0a1a0a', 'hex'))).toBe('png')
    expect(sniffImage(Buffer.from('ffd8ffe0', 'hex'))).toBe('jpeg')
    expect(
      sniffImage(
        Buffer.from('\uFEFF<?xml version="1.0"?>\n<!-- a sun -->\n<svg viewBox="0 0 1 1"/>'),
      ),
    ).toBe('svg')
    expect(sniffImage(Buffer.from('<html><svg/></html>'))).toBeUndefined()
  })
})
