import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURES, REPO_ROOT, runCli } from '../test/run-cli.ts'

function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `dawnpress-${prefix}-`))
}

describe('dawnpress build', () => {
  it('writes the articles, pages, feeds and cards of a content folder', () => {
    const out = join(tempDir('out'), 'site')
    const cache = tempDir('cache')
    const { code, stdout } = runCli(['build', '--out', out, '--cache', cache])
    expect(code).toBe(0)
    expect(stdout).toMatch(/Built 1 article into .* in [\d.]+ s/)
    const articles = JSON.parse(readFileSync(join(out, 'articles.json'), 'utf8'))
    expect(articles.map((article: { slug: string }) => article.slug)).toEqual([
      'the-dawn-of-large-language-models',
    ])
    for (const file of [
      'index.html',
      'articles/the-dawn-of-large-language-models/index.html',
      'rss.xml',
      'atom.xml',
      'feed.json',
      'og/the-dawn-of-large-language-models.png',
    ]) {
      expect(existsSync(join(out, file)), file).toBe(true)
    }
    const png = readFileSync(join(out, 'og/the-dawn-of-large-language-models.png'))
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630])
  })

  it('takes the base URL from --site-url', () => {
    const out = join(tempDir('url'), 'site')
    const args = [
      'build',
      '--out',
      out,
      '--skip',
      'cards,pages',
      '--site-url',
      'https://b.example/x/',
    ]
    expect(runCli(args).code).toBe(0)
    const feed = JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8'))
    expect(feed.home_page_url).toBe('https://b.example/x/')
    expect(existsSync(join(out, 'index.html'))).toBe(false)
  })

  it('leaves the previous output as it was when an article has an error', () => {
    const out = join(tempDir('kept'), 'site')
    const cache = tempDir('kept-cache')
    expect(runCli(['build', '--out', out, '--cache', cache, '--skip', 'cards']).code).toBe(0)
    const before = readFileSync(join(out, 'index.html'), 'utf8')
    const { code, stderr } = runCli([
      'build',
      '--content',
      join(FIXTURES, 'broken'),
      '--out',
      out,
      '--cache',
      cache,
    ])
    expect(code).toBe(1)
    expect(stderr).toMatch(/Build stopped; .* was left as it was/)
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(before)
  })

  it('refuses with exit 2 to replace a folder holding files it did not write', () => {
    const out = tempDir('precious')
    writeFileSync(join(out, 'thesis.txt'), 'four years of work')
    const { code, stderr } = runCli(['build', '--out', out, '--skip', 'cards'])
    expect(code).toBe(2)
    expect(stderr).toMatch(
      /holds files that dawnpress did not write \("thesis\.txt"\).*\[OUTPUT_NOT_OWNED\]/,
    )
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(readFileSync(join(out, 'thesis.txt'), 'utf8')).toBe('four years of work')
  })

  it.each([
    ['bundle', ['bundle', '--out']],
    ['og', ['og', 'the-dawn-of-large-language-models', '--out']],
  ])('%s refuses with exit 2 to replace a folder holding files it did not write', (_, args) => {
    const out = tempDir('precious')
    writeFileSync(join(out, 'thesis.txt'), 'four years of work')
    const { code, stderr } = runCli([...args, out])
    expect(code).toBe(2)
    expect(stderr).toMatch(/dawnpress did not write \("thesis\.txt"\).*\[OUTPUT_NOT_OWNED\]/s)
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(readFileSync(join(out, 'thesis.txt'), 'utf8')).toBe('four years of work')
  })

  it('refuses the working directory itself as --out', () => {
    const cwd = tempDir('cwd')
    writeFileSync(join(cwd, 'notes.txt'), 'mine')
    const { code, stderr } = runCli(
      ['build', '--content', join(REPO_ROOT, 'content'), '--out', '.', '--skip', 'cards'],
      { cwd },
    )
    expect(code).toBe(2)
    expect(stderr).toMatch(/OUTPUT_NOT_OWNED/)
    expect(readFileSync(join(cwd, 'notes.txt'), 'utf8')).toBe('mine')
  })

  it('leaves search and icons out with --skip search,icons, and keeps the pages', () => {
    const out = join(tempDir('skip'), 'site')
    const skip = runCli(['build', '--out', out, '--skip', 'cards,search,icons'])
    expect(skip.code, skip.stderr).toBe(0)
    expect(existsSync(join(out, 'index.html'))).toBe(true)
    expect(existsSync(join(out, 'pagefind'))).toBe(false)
    expect(existsSync(join(out, 'favicon.ico'))).toBe(false)
  })

  it.each([
    { what: 'without a config file', config: undefined },
    { what: 'with a config file', config: 'export default { outputs: { search: false } }\n' },
  ])(
    'finds a build with nothing to do current before loading the engine, $what, and rebuilds after an edit',
    ({ config }) => {
      const cwd = tempDir('current')
      cpSync(join(REPO_ROOT, 'content'), join(cwd, 'content'), { recursive: true })
      if (config !== undefined) writeFileSync(join(cwd, 'dawnpress.config.mjs'), config)
      const file = join(cwd, 'content/articles/the-dawn-of-large-language-models.md')
      // Without the seed's read_time, whose warning would be shown again with core's printer.
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^read_time: .*\n/m, ''))
      // Node's module hooks, writing each module loaded to a file.
      const loaded = join(cwd, 'loaded.txt')
      const hooks = join(cwd, 'hooks.mjs')
      writeFileSync(
        hooks,
        `import { appendFileSync } from 'node:fs'\nexport async function load(url, context, next) {\n  appendFileSync(${JSON.stringify(loaded)}, url + '\\n')\n  return next(url, context)\n}\n`,
      )
      const register = join(cwd, 'register.mjs')
      writeFileSync(
        register,
        `import { register } from 'node:module'\nregister(${JSON.stringify(`file://${hooks}`)})\n`,
      )
      const build = () => {
        rmSync(loaded, { force: true })
        const run = runCli(['build', '--skip', 'cards'], { cwd, nodeArgs: ['--import', register] })
        expect(run.code, run.stderr).toBe(0)
        return { stdout: run.stdout, modules: readFileSync(loaded, 'utf8') }
      }
      const first = build()
      expect(first.stdout).toMatch(/Built 1 article into dist/)
      // The test can fail: a build loads the engine, zod with it.
      expect(first.modules).toMatch(/\/zod\//)
      const second = build()
      expect(second.stdout).toMatch(/Nothing changed since the last build; dist is up to date/)
      expect(second.modules).not.toMatch(/\/zod\/|markdown-it|@dawnpress\/core|dist\/index\.js/)
      writeFileSync(file, `${readFileSync(file, 'utf8')}\nOne more line.\n`)
      expect(build().stdout).toMatch(/Built 1 article into dist/)
      expect(readFileSync(join(cwd, 'dist/articles.json'), 'utf8')).toContain('One more line.')
    },
  )

  it('rejects an unknown output kind in --skip', () => {
    expect(runCli(['build', '--skip', 'everything']).code).toBe(2)
  })
})

describe('dawnpress new', () => {
  it('creates a draft that passes check, and refuses to overwrite it', () => {
    const content = tempDir('new')
    cpSync(join(REPO_ROOT, 'content/site.json'), join(content, 'site.json'))
    // Dawn's site.json names its logo beside it.
    cpSync(join(REPO_ROOT, 'content/logo.svg'), join(content, 'logo.svg'))
    mkdirSync(join(content, 'articles'))
    const created = runCli(['new', 'Café: a "new" article', '--content', content])
    expect(created.code).toBe(0)
    const file = join(content, 'articles/cafe-a-new-article.md')
    const source = readFileSync(file, 'utf8')
    expect(source).toMatch(/^---\ntitle: 'Café: a "new" article'\n/)

    const check = runCli(['check', '--content', content, '--format', 'json'])
    expect(check.code).toBe(0)
    expect(JSON.parse(check.stdout)).toEqual([])

    const again = runCli(['new', 'Café: a "new" article', '--content', content])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already exists/)
    expect(readFileSync(file, 'utf8')).toBe(source)
  })

  it('refuses a --slug that would write outside the articles folder (regression: ../../x)', () => {
    const content = tempDir('new-escape')
    mkdirSync(join(content, 'articles'))
    const result = runCli(['new', 'Escape', '--slug', '../../x', '--content', content])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--slug "\.\.\/\.\.\/x" is not a slug/)
    expect(existsSync(join(content, '..', 'x.md'))).toBe(false)
    expect(existsSync(join(content, 'x.md'))).toBe(false)
  })

  it('asks for a slug when the title has no letters or digits to make one', () => {
    const content = tempDir('new-slug')
    // Only invisible characters: nothing a slug can be made of (emoji get code points).
    const result = runCli(['new', '\u200b\u2060', '--content', content])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--slug/)
  })
})

describe('dawnpress og', () => {
  it('writes one card and prints its path', () => {
    const out = tempDir('og')
    const { code, stdout } = runCli(['og', 'the-dawn-of-large-language-models', '--out', out])
    expect(code).toBe(0)
    const file = stdout.trim()
    const png = readFileSync(file.startsWith('/') ? file : join(REPO_ROOT, file))
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630])
  })

  it('says so when no article has the slug', () => {
    const result = runCli(['og', 'no-such-article', '--out', tempDir('og-missing')])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/no valid article has the slug "no-such-article"/)
  })
})
