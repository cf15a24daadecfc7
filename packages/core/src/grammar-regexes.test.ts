import { describe, expect, it } from 'vitest'
import { createCodeHighlighter, DEFAULT_CODE_THEMES } from './code-highlight.ts'
import { type CodeLanguage, lookUpLanguage, readGrammars } from './code-languages.ts'
import { createRegexCompiler, precompileGrammar, scannerPatterns } from './grammar-regexes.ts'

const SAMPLES: Record<string, string> = {
  ts: 'export async function load(path: string): Promise<Article[]> {\n  const text = await readFile(path, `utf8`) // read\n  return JSON.parse(text) as Article[]\n}\n',
  python:
    'import json\n\n@dataclass\nclass Article:\n    """An article."""\n    title: str = f"{name!r}"\n\ndef load(path):\n    return [Article(**a) for a in json.load(open(path))]\n',
  bash: 'set -euo pipefail\nfor file in content/*.md; do\n  echo "$file" | tr a-z A-Z\ndone\ncat <<EOF > out.txt\n$HOME\nEOF\n',
  json: '{\n  "title": "The dawn",\n  "tags": ["ai", 1, true, null],\n  "nested": { "a": -1.5e3 }\n}\n',
  html: '<!doctype html>\n<style>p { color: red }</style>\n<p class="x">Hi &amp; bye</p>\n<script>const a = 1 < 2</script>\n',
}

function language(name: string): CodeLanguage {
  const found = lookUpLanguage(name)
  if (found.kind !== 'grammar') throw new Error(`no grammar for ${name}`)
  return found.language
}

/** Highlights every sample with a highlighter of its own, and what its compiler converted. */
function highlightSamples(precompiled: boolean) {
  const converted: string[] = []
  const compiler = createRegexCompiler(precompiled ? precompileGrammar : () => undefined)
  const counting = {
    ...compiler,
    compile(pattern: string) {
      const before = compiler.conversions
      const regex = compiler.compile(pattern)
      if (compiler.conversions > before) converted.push(pattern)
      return regex
    },
  }
  const highlighter = createCodeHighlighter(DEFAULT_CODE_THEMES, counting)
  const html = Object.entries(SAMPLES).map(
    ([name, code]) => highlighter.highlight(code, language(name)).html,
  )
  return { html, converted }
}

describe('precompiled grammar expressions', () => {
  it('are the expressions converting the pattern at run time gives', () => {
    const grammar = readGrammars(language('ts')).at(-1)
    if (grammar === undefined) throw new Error('no TypeScript grammar')
    const precompiled = precompileGrammar(grammar)
    const compiler = createRegexCompiler(() => precompiled)
    const converter = createRegexCompiler(() => undefined)
    compiler.preload([grammar])
    expect(precompiled.regexes.length).toBeGreaterThan(300)
    for (const [pattern] of precompiled.regexes) {
      const made = compiler.compile(pattern)
      const fresh = converter.compile(pattern)
      expect([made.source, made.flags, made.constructor]).toEqual([
        fresh.source,
        fresh.flags,
        fresh.constructor,
      ])
      expect((made as { rawOptions?: unknown }).rawOptions).toEqual(
        (fresh as { rawOptions?: unknown }).rawOptions,
      )
    }
    expect(compiler.conversions).toBe(0)
    expect(converter.conversions).toBe(precompiled.regexes.length)
  })

  it('cover every pattern the tokenizer asks for, but end patterns made per match from back-references', () => {
    const { converted } = highlightSamples(true)
    const known = new Set(
      Object.keys(SAMPLES).flatMap((name) =>
        readGrammars(language(name)).flatMap((grammar) => [...scannerPatterns(grammar)]),
      ),
    )
    // Bash's heredoc ends with the word that opened it: `EOF`, resolved from `\\3`.
    expect(converted.length).toBeGreaterThan(0)
    for (const pattern of converted) expect(known.has(pattern)).toBe(false)
  })

  it('highlight exactly as converting every pattern at run time does', () => {
    const ahead = highlightSamples(true)
    const atRunTime = highlightSamples(false)
    expect(ahead.html).toEqual(atRunTime.html)
    expect(ahead.html.join('')).toContain('--shiki-light:')
    expect(atRunTime.converted.length).toBeGreaterThan(ahead.converted.length * 20)
  })

  it('refuse what the converter refuses, as Shiki then skips the pattern', () => {
    const grammar = { name: 'broken', scopeName: 'source.broken', patterns: [{ match: '(?<' }] }
    const precompiled = precompileGrammar(grammar)
    expect(precompiled.regexes).toEqual([['(?<', null]])
    const compiler = createRegexCompiler(() => precompiled)
    compiler.preload([grammar])
    expect(() => compiler.compile('(?<')).toThrow(SyntaxError)
  })

  it('are ignored when another version of the converter made them', () => {
    const grammar = { name: 'one', scopeName: 'source.one', patterns: [{ match: 'a+' }] }
    const stale = { ...precompileGrammar(grammar), converter: '0.0.1' }
    const compiler = createRegexCompiler(() => stale)
    compiler.preload([grammar])
    expect(compiler.compile('a+').test('aa')).toBe(true)
    expect(compiler.conversions).toBe(1)
  })
})

describe('scannerPatterns', () => {
  it('spells \\z and the disabled \\A and \\G anchors as vscode-textmate does', () => {
    const grammar = {
      name: 'anchors',
      scopeName: 'source.anchors',
      patterns: [{ begin: '\\Ga', end: 'b\\z' }, { match: '\\\\A' }],
    }
    expect([...scannerPatterns(grammar)]).toEqual([
      '\\Ga',
      '\\\uFFFFa',
      'b$(?!\\n)(?<!\\n)',
      '\\\\A',
    ])
  })
})
