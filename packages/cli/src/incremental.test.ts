import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
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
  })
})
