import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** Whether dawnpress can highlight code, and the config that turns it on. */
export type HighlightSupport =
  | { ok: true; option: string; on: string; off: string }
  | { ok: false; note: string }

/** The note of the highlighting row until dawnpress has it. */
export const HIGHLIGHT_NOT_BUILT = 'highlighting not built'

/**
 * Looks for a highlighting option in the config of the installed `@dawnpress/build`, in its
 * type declarations (every `dist/*.d.ts`: the config's types live in a file of their own, that
 * the index re-exports): a property whose name says highlight (or shiki) of `MarkdownConfig`
 * (`markdown.highlight`) or of `DawnpressConfig` itself (`highlight`). Returns the contents
 * of two config files, with it on and off.
 */
export async function detectHighlighting(benchRoot: string): Promise<HighlightSupport> {
  let declarations: string
  try {
    const cli = createRequire(join(benchRoot, 'node_modules', 'dawnpress', 'package.json'))
    const dist = join(dirname(cli.resolve('@dawnpress/build/package.json')), 'dist')
    const files = (await readdir(dist)).filter((name) => name.endsWith('.d.ts')).sort()
    if (files.length === 0) throw new Error('no declarations')
    const texts = await Promise.all(files.map((name) => readFile(join(dist, name), 'utf8')))
    declarations = texts.join('\n')
  } catch {
    return { ok: false, note: `${HIGHLIGHT_NOT_BUILT} (@dawnpress/build is not built)` }
  }
  const path = findHighlightOption(declarations)
  if (!path) return { ok: false, note: HIGHLIGHT_NOT_BUILT }
  const option = path.join('.')
  const config = (value: boolean) => {
    const object = path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value)
    return `// Written by the benchmark: a cold build with ${option} ${value ? 'on' : 'off'}.\nexport default ${JSON.stringify(object)}\n`
  }
  return { ok: true, option, on: config(true), off: config(false) }
}

/** The config path of a highlighting option in type declarations, such as `['markdown', 'highlight']`. */
export function findHighlightOption(declarations: string): string[] | undefined {
  const inMarkdown = findOwnProperty(declarations, 'MarkdownConfig')
  if (inMarkdown) return ['markdown', inMarkdown]
  const topLevel = findOwnProperty(declarations, 'DawnpressConfig')
  return topLevel ? [topLevel] : undefined
}

/** A highlighting property of `interface <name> { … }`, its nested object types left out. */
function findOwnProperty(declarations: string, name: string): string | undefined {
  const start = declarations.search(new RegExp(`interface ${name}\\b`))
  if (start === -1) return undefined
  const open = declarations.indexOf('{', start)
  let depth = 0
  let end = open
  for (; end < declarations.length; end++) {
    if (declarations[end] === '{') depth++
    else if (declarations[end] === '}' && --depth === 0) break
  }
  // Only the interface's own properties: nested object types sit one level deeper.
  let level = 0
  let own = ''
  for (const char of declarations.slice(open + 1, end)) {
    if (char === '{') level++
    if (level === 0) own += char
    if (char === '}') level--
  }
  return /^\s*(?:readonly\s+)?(\w*(?:highlight|shiki)\w*)\??:/im.exec(own)?.[1]
}
