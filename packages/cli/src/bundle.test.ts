import { mkdtempSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { FIXTURES, runCli } from '../test/run-cli.ts'

describe('dawnpress bundle', () => {
  it('writes a package that both module systems load, with bodies loaded on demand', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dawnpress-bundle-'))
    const out = join(root, 'dist')
    const { code, stdout } = runCli(['bundle', '--out', out])
    expect(code).toBe(0)
    expect(stdout).toMatch(/Bundled 1 article/)
    writeFileSync(join(root, 'package.json'), '{"type":"module"}')

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
    const out = join(mkdtempSync(join(tmpdir(), 'dawnpress-bundle-bad-')), 'dist')
    const { code, stderr } = runCli(['bundle', '--content', join(FIXTURES, 'broken'), '--out', out])
    expect(code).toBe(1)
    expect(stderr).toMatch(/No bundle was written/)
  })
})
