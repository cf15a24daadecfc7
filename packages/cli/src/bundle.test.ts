import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { FIXTURES, runCli } from '../test/run-cli.ts'

describe('dawnpress bundle', () => {
  it('writes a package that both module systems load, with bodies loaded on demand', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dawnpress-bundle-'))
    const { code, stdout } = runCli(['bundle', '--out', join(root, 'pkg')])
    expect(code).toBe(0)
    expect(stdout).toMatch(/Bundled 1 article/)
    const manifest = JSON.parse(readFileSync(join(root, 'pkg/package.json'), 'utf8'))
    expect(manifest).toMatchObject({ name: 'content', type: 'module', files: ['dist'] })
    const out = join(root, 'pkg/dist')

    const esm = await import(pathToFileURL(join(out, 'index.js')).href)
    expect(esm.articles.map((article: { slug: string }) => article.slug)).toEqual([
      'the-dawn-of-large-language-models',
    ])
    expect(esm.articles[0].html).toBeUndefined()
    const full = await esm.loadArticle('the-dawn-of-large-language-models')
    expect(full.html).toContain('<h1 id="the-dawn-of-large-language-models">')

    const cjs = createRequire(import.meta.url)(join(out, 'index.cjs'))
    expect(cjs.getArticle('the-dawn-of-large-language-models').title).toBe(
      'The Dawn of Large Language Models',
    )
  })

  it('writes nothing when an article has an error', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dawnpress-bundle-bad-')), 'pkg')
    const { code, stderr } = runCli(['bundle', '--content', join(FIXTURES, 'broken'), '--out', out])
    expect(code).toBe(1)
    expect(stderr).toMatch(/No package was written/)
    expect(existsSync(out)).toBe(false)
  })

  it('works in a project outside this repository, with nothing but its own install', () => {
    // Regression: it needed the user to install typescript, printed a stack twice and left
    // half an output. Everything it needs comes from dawnpress's own dependencies.
    const project = mkdtempSync(join(tmpdir(), 'dawnpress-outside-'))
    mkdirSync(join(project, 'articles'))
    writeFileSync(
      join(project, 'articles/hello.md'),
      '---\ntitle: Hello\ndescription: A first article.\ndate: 2025-05-01\n---\n\nHello.\n',
    )
    const { code, stdout, stderr } = runCli(['bundle', '--content', '.'], { cwd: project })
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toMatch(/Bundled 1 article into content-package/)
    expect(readdirSync(join(project, 'content-package')).sort()).toEqual([
      '.dawnpress-output',
      'README.md',
      'dist',
      'package.json',
    ])
  })
})
