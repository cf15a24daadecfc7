import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT, runCli } from '../test/run-cli.ts'

const COMMANDS = ['check', 'build', 'new', 'dev', 'preview', 'bundle', 'og', 'schema']

describe('the command line', () => {
  it.each(COMMANDS)('prints the usage of %s for --help and help <command>, exit 0', (command) => {
    const help = runCli([command, '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(new RegExp(`^Usage: dawnpress ${command} `))
    expect(help.stdout).toMatch(/--help +show this help/)
    const viaHelp = runCli(['help', command])
    expect(viaHelp.code).toBe(0)
    expect(viaHelp.stdout).toBe(help.stdout)
  })

  it('lists every command for --help, exit 0, and for no command at all, exit 2', () => {
    const help = runCli(['--help'])
    expect(help.code).toBe(0)
    for (const command of COMMANDS) expect(help.stdout).toMatch(new RegExp(`\\n  ${command} `))
    const bare = runCli([])
    expect(bare.code).toBe(2)
    expect(bare.stderr).toContain('Usage: dawnpress <command>')
  })

  it.each(COMMANDS)(
    'answers an unknown option of %s with its usage, exit 2, no stack',
    (command) => {
      const result = runCli([command, '--frobnicate'])
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/^dawnpress: Unknown option '--frobnicate'/)
      expect(result.stderr).toContain(`Usage: dawnpress ${command} `)
      expect(result.stderr).not.toMatch(/\n\s+at /)
    },
  )

  it('prints content as text, never as terminal escapes (regression: "\\e[31m" in a field name)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dawnpress-escape-'))
    mkdirSync(join(dir, 'articles'))
    writeFileSync(
      join(dir, 'articles/evil.md'),
      '---\ntitle: Evil\ndescription: D.\ndate: 2025-01-01\n"\\e[31mred\\e[0m": 1\n---\n\nBody \u001b]0;owned\u0007 text.\n',
    )
    const { stdout } = runCli(['check', '--content', dir])
    expect(stdout).toContain('FIELD_UNKNOWN')
    expect(stdout.includes('\u001b')).toBe(false)
    expect(stdout).toContain('\\x1b[31mred\\x1b[0m')
  })

  it('prints the JSON Schema of the frontmatter, and writes it only over a file it wrote', () => {
    const printed = runCli(['schema'])
    expect(printed.code).toBe(0)
    const schema = JSON.parse(printed.stdout)
    expect(schema.required).toEqual(['title', 'description'])
    expect(Object.keys(schema.properties)).toContain('read_time')
    const dir = mkdtempSync(join(tmpdir(), 'dawnpress-schema-'))
    const file = join(dir, 'frontmatter.schema.json')
    expect(runCli(['schema', '--out', file]).code).toBe(0)
    expect(runCli(['schema', '--out', file]).code).toBe(0)
    writeFileSync(join(dir, 'mine.json'), '{"my": "schema"}')
    const refused = runCli(['schema', '--out', join(dir, 'mine.json')])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('was not written by dawnpress')
  })

  it("gives a pipe only its own output from the repository root (regression: turbo's banner broke jq)", () => {
    const execPath = process.env.npm_execpath ?? ''
    const [command, ...prefix] = /pnpm\.[cm]?js$/.test(execPath)
      ? [process.execPath, execPath]
      : ['pnpm']
    const result = spawnSync(
      command ?? 'pnpm',
      [...prefix, 'dawnpress', 'check', '--format', 'json'],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      },
    )
    expect(result.status).toBe(0)
    const problems = JSON.parse(result.stdout) as { code: string }[]
    expect(problems.map((problem) => problem.code)).toEqual(['READ_TIME_MISMATCH'])
  })

  it('says that a port is in use instead of printing a stack', async () => {
    const { createServer } = await import('node:net')
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    try {
      const result = runCli(['preview', '--out', 'content', '--port', String(port)])
      expect(result.code).toBe(2)
      expect(result.stderr).toContain(`Port ${port} is in use`)
      expect(result.stderr).toContain('--port')
      expect(result.stderr).not.toMatch(/\n\s+at /)
    } finally {
      server.close()
    }
  })
})
