import { execFileSync } from 'node:child_process'
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT, runCli } from '../test/run-cli.ts'

function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `dawnpress-${prefix}-`))
}

/** Every file below `dir` with its bytes, keyed by relative path. */
function readTree(dir: string): Map<string, Buffer> {
  const tree = new Map<string, Buffer>()
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    tree.set(path.slice(dir.length + 1), readFileSync(path))
  }
  return tree
}

function article(title: string, date: string, tag: string): string {
  return `---\ntitle: ${title}\ndescription: About ${title}.\ndate: ${date}\ntags: [${tag}]\n---\n\n## ${title}\n\nA paragraph about ${title}, with [a link](/articles/first/).\n`
}

describe('incremental builds', () => {
  it('give byte-identical output to a cold build after one article changes', () => {
    const content = tempDir('inc-content')
    cpSync(join(REPO_ROOT, 'content'), content, { recursive: true })
    writeFileSync(join(content, 'articles/first.md'), article('First', '2025-03-01', 'notes'))
    writeFileSync(join(content, 'articles/second.md'), article('Second', '2025-03-02', 'ai'))
    const out = join(tempDir('inc-out'), 'site')
    const cache = tempDir('inc-cache')

    const cold = runCli(['build', '--content', content, '--out', out, '--cache', cache])
    expect(cold.code).toBe(0)
    const warm = runCli(['build', '--content', content, '--out', out, '--cache', cache])
    expect(warm.stdout).toMatch(/Nothing changed since the last build/)

    writeFileSync(
      join(content, 'articles/second.md'),
      article('Second, revised', '2025-03-02', 'ai'),
    )
    const changed = runCli(['build', '--content', content, '--out', out, '--cache', cache])
    expect(changed.code).toBe(0)
    expect(changed.stdout).toMatch(/1 cards? rendered/)

    const fresh = join(tempDir('inc-fresh'), 'site')
    const again = runCli(['build', '--content', content, '--out', fresh, '--cache', tempDir('c')])
    expect(again.code).toBe(0)
    const incremental = readTree(out)
    const reference = readTree(fresh)
    expect([...incremental.keys()].sort()).toEqual([...reference.keys()].sort())
    for (const [path, bytes] of reference) {
      expect(incremental.get(path)?.equals(bytes), path).toBe(true)
    }
    expect(reference.get('articles/second/index.html')?.toString()).toContain('Second, revised')
  })

  it('rebuilds when the output folder was changed by hand', () => {
    const out = join(tempDir('inc-hand'), 'site')
    const cache = tempDir('inc-hand-cache')
    const args = ['build', '--out', out, '--cache', cache, '--skip', 'cards']
    expect(runCli(args).code).toBe(0)
    writeFileSync(join(out, 'rss.xml'), '')
    const second = runCli(args)
    expect(second.stdout).toMatch(/^Built 1 article/)
    expect(readFileSync(join(out, 'rss.xml'), 'utf8')).toMatch(/^<\?xml/)

    // The same size, other bytes: the mtime gives it away, and nothing is copied from it.
    const json = readFileSync(join(out, 'articles.json'), 'utf8')
    const edited = json.replace('"title":"The', '"title":"Teh')
    expect(edited).not.toBe(json)
    expect(edited.length).toBe(json.length)
    writeFileSync(join(out, 'articles.json'), edited)
    const third = runCli(args)
    expect(third.stdout).toMatch(/^Built 1 article/)
    expect(third.stdout).not.toMatch(/reused/)
    expect(readFileSync(join(out, 'articles.json'), 'utf8')).toBe(json)
  })

  it('matches a cold build after each kind of change, parsing only what changed', () => {
    const content = tempDir('steps-content')
    cpSync(join(REPO_ROOT, 'content'), content, { recursive: true })
    const articles = join(content, 'articles')
    const write = (name: string, text: string) => writeFileSync(join(articles, name), text)
    write('first.md', article('First', '2025-03-01', 'notes'))
    write('second.md', article('Second', '2025-03-02', 'ai'))
    write('third.md', article('Third', '2025-03-03', 'notes'))
    const out = join(tempDir('steps-out'), 'site')
    const cache = tempDir('steps-cache')
    const build = (to: string, cacheDir: string) =>
      runCli(['build', '--content', content, '--out', to, '--cache', cacheDir, '--skip', 'cards'])
    expect(build(out, cache).code).toBe(0)

    const steps: { change: string; apply: () => void; parsed?: number; fails?: boolean }[] = [
      {
        change: 'an article is edited',
        apply: () => write('second.md', article('Second, revised', '2025-03-02', 'ai')),
        parsed: 1,
      },
      {
        change: 'an article is added',
        apply: () => write('fourth.md', article('Fourth', '2025-03-04', 'ai')),
        parsed: 1,
      },
      {
        change: 'an article is deleted',
        apply: () => rmSync(join(articles, 'first.md')),
        parsed: 0,
      },
      {
        change: 'an article becomes a draft',
        apply: () =>
          write(
            'third.md',
            article('Third', '2025-03-03', 'notes').replace('---\n\n', 'draft: true\n---\n\n'),
          ),
        parsed: 1,
      },
      {
        change: 'a new file takes the slug of another',
        apply: () =>
          write(
            'clash.md',
            article('Clash', '2025-03-05', 'ai').replace('---\n\n', 'slug: fourth\n---\n\n'),
          ),
        fails: true,
      },
      {
        // The failed build wrote nothing, so this is compared with the last good one.
        change: 'the clash is resolved with a slug of its own',
        apply: () =>
          write(
            'clash.md',
            article('Clash', '2025-03-05', 'ai').replace('---\n\n', 'slug: fifth\n---\n\n'),
          ),
        parsed: 1,
      },
      {
        change: 'the site config changes',
        apply: () => {
          const file = join(content, 'site.json')
          const config = JSON.parse(readFileSync(file, 'utf8')) as { title: string }
          writeFileSync(file, JSON.stringify({ ...config, title: 'Renamed' }))
        },
      },
    ]
    for (const step of steps) {
      const before = readTree(out)
      step.apply()
      const result = build(out, cache)
      if (step.fails) {
        expect(result.code, step.change).toBe(1)
        expect(readTree(out), step.change).toEqual(before)
        continue
      }
      expect(result.code, `${step.change}: ${result.stderr}`).toBe(0)
      if (step.parsed !== undefined) {
        const files = readdirSync(articles).length
        expect(result.stdout, step.change).toContain(
          `${files - step.parsed} unchanged files reused`,
        )
      } else {
        expect(result.stdout, step.change).not.toContain('reused')
      }
      const reference = join(tempDir('steps-cold'), 'site')
      expect(build(reference, tempDir('steps-cold-cache')).code).toBe(0)
      const expected = readTree(reference)
      const actual = readTree(out)
      expect([...actual.keys()].sort(), step.change).toEqual([...expected.keys()].sort())
      for (const [path, bytes] of expected) {
        expect(actual.get(path)?.equals(bytes), `${step.change}: ${path}`).toBe(true)
      }
    }
  })

  it('keeps the files of a feed whose items did not change, and renders one whose did', () => {
    const content = tempDir('feeds-content')
    cpSync(join(REPO_ROOT, 'content'), content, { recursive: true })
    writeFileSync(join(content, 'articles/first.md'), article('First', '2025-03-01', 'notes'))
    writeFileSync(join(content, 'articles/second.md'), article('Second', '2025-03-02', 'ai'))
    const out = join(tempDir('feeds-out'), 'site')
    const args = ['build', '--content', content, '--out', out, '--cache', tempDir('feeds-cache')]
    expect(runCli([...args, '--skip', 'cards']).code).toBe(0)
    const inode = (path: string) => statSync(join(out, path)).ino
    const notes = inode('tags/notes/rss.xml')
    const ai = inode('tags/ai/atom.xml')
    const main = inode('feed.json')

    writeFileSync(
      join(content, 'articles/second.md'),
      article('Second, revised', '2025-03-02', 'ai'),
    )
    expect(runCli([...args, '--skip', 'cards']).code).toBe(0)
    // The same file, linked from the last build: the notes feed lists nothing that changed.
    expect(inode('tags/notes/rss.xml')).toBe(notes)
    expect(inode('tags/ai/atom.xml')).not.toBe(ai)
    expect(inode('feed.json')).not.toBe(main)
    expect(readFileSync(join(out, 'tags/ai/atom.xml'), 'utf8')).toContain('Second, revised')
  })

  it('keeps the date git gave an undated article, identical to a cold build', () => {
    const content = tempDir('git-content')
    cpSync(join(REPO_ROOT, 'content'), content, { recursive: true })
    writeFileSync(join(content, 'articles/first.md'), article('First', '2025-03-01', 'notes'))
    writeFileSync(
      join(content, 'articles/undated.md'),
      article('Undated', '2025-01-01', 'notes').replace('date: 2025-01-01\n', ''),
    )
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: content,
        env: {
          ...process.env,
          GIT_AUTHOR_DATE: '2024-05-06T07:08:09Z',
          GIT_COMMITTER_DATE: '2024-05-06T07:08:09Z',
        },
      })
    git('init', '-q')
    git('-c', 'user.name=T', '-c', 'user.email=t@example.com', 'add', '.')
    git('-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-qm', 'Add articles')
    const out = join(tempDir('git-out'), 'site')
    const build = (to: string, cache: string) =>
      runCli(['build', '--content', content, '--out', to, '--cache', cache, '--skip', 'cards'])
    const cache = tempDir('git-cache')
    expect(build(out, cache).code).toBe(0)

    writeFileSync(
      join(content, 'articles/first.md'),
      article('First, revised', '2025-03-01', 'notes'),
    )
    const changed = build(out, cache)
    expect(changed.stdout).toMatch(/unchanged files reused/)
    const reference = join(tempDir('git-cold'), 'site')
    expect(build(reference, tempDir('git-cold-cache')).code).toBe(0)
    const json = readFileSync(join(out, 'articles.json'))
    expect(json.equals(readFileSync(join(reference, 'articles.json')))).toBe(true)
    const undated = (JSON.parse(json.toString()) as { slug: string; date?: string }[]).find(
      (entry) => entry.slug === 'undated',
    )
    expect(undated?.date).toBe('2024-05-06T07:08:09.000Z')
  })
})
