import { mkdirSync, readFileSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { parse } from 'node-html-parser'
import { afterEach, describe, expect, it } from 'vitest'
import { article, createProject, type Project } from '../test/project.ts'
import { importedPackages } from './config-file.ts'

const require = createRequire(import.meta.url)
// The built engine, as a user runs it: parse workers load the config from dist/worker-setup.js.
// Its types are the sources' (typecheck runs before this package's own build).
const { createBuild } = (await import(
  new URL('../dist/index.js', import.meta.url).href
)) as typeof import('./index.ts')
let project: Project

afterEach(() => project?.dispose())

/** Enough articles for two parse workers (one per 400 files). */
const COUNT = 820

/** A project whose config imports core as a user's does, from its own node_modules. */
function projectWith(config: string, articles: Record<string, string>): Project {
  const created = createProject(articles)
  created.write('dawnpress.config.ts', config)
  const target = join(created.root, 'node_modules', '@dawnpress/core')
  mkdirSync(dirname(target), { recursive: true })
  symlinkSync(dirname(require.resolve('@dawnpress/core/package.json')), target)
  return created
}

/** A markdown-it plugin as a package in the project's node_modules, at a version. */
function writePluginPackage(target: Project, version: string): void {
  target.write(
    'node_modules/markdown-it-rule-mark/package.json',
    JSON.stringify({ name: 'markdown-it-rule-mark', version, type: 'module', main: 'index.js' }),
  )
  target.write(
    'node_modules/markdown-it-rule-mark/index.js',
    `import { threadId } from 'node:worker_threads'
export default function ruleMark(md, label) {
  md.renderer.rules.hr = () => '<hr class="' + label + '" title="thread ' + threadId + '">\\n'
}
`,
  )
}

const PLUGIN_CONFIG = `import ruleMark from 'markdown-it-rule-mark'

export default {
  markdown: { plugins: [[ruleMark, 'marked']] },
  outputs: { cards: false, pages: false, feeds: false },
}
`

const withRule = (index: number) =>
  article(`Article ${index}`, '2025-03-01', ['notes'], '\nAbove.\n\n---\n\nBelow.\n')

describe('markdown plugins from the config', () => {
  it('run on every parse worker, each loading the config', async () => {
    const articles: Record<string, string> = {}
    for (let index = 0; index < COUNT; index++) {
      articles[`a${String(index).padStart(4, '0')}.md`] = withRule(index)
    }
    project = projectWith(PLUGIN_CONFIG, articles)
    writePluginPackage(project, '1.0.0')
    const build = await createBuild({ root: project.root })
    const result = await build.build()
    await build.dispose()
    expect(result.problems).toEqual([])
    const json = JSON.parse(project.read('dist/articles.json')) as { html: string }[]
    expect(json).toHaveLength(COUNT)
    const threads = new Set(
      json.map((entry) => /<hr class="marked" title="thread (\d+)">/.exec(entry.html)?.[1]),
    )
    expect(threads.has(undefined)).toBe(false)
    expect(threads.has('0')).toBe(false)
    expect(threads.size).toBeGreaterThanOrEqual(2)
  })

  it('are part of the cache key: a new version of a plugin package parses every article again', async () => {
    project = projectWith(PLUGIN_CONFIG, { 'a.md': withRule(1), 'b.md': withRule(2) })
    writePluginPackage(project, '1.0.0')
    const first = await createBuild({ root: project.root })
    expect((await first.build()).parsed).toBe(2)
    expect((await first.build()).status).toBe('current')
    await first.dispose()
    writePluginPackage(project, '1.0.1')
    const second = await createBuild({ root: project.root })
    const rebuilt = await second.build()
    await second.dispose()
    expect(rebuilt).toMatchObject({ status: 'built', parsed: 2 })
  })

  it('are part of the cache key: changed plugin options parse every article again', async () => {
    project = projectWith(PLUGIN_CONFIG, { 'a.md': withRule(1) })
    writePluginPackage(project, '1.0.0')
    const first = await createBuild({ root: project.root })
    await first.build()
    await first.dispose()
    project.write('dawnpress.config.ts', PLUGIN_CONFIG.replace("'marked'", "'other'"))
    const second = await createBuild({ root: project.root })
    const rebuilt = await second.build()
    await second.dispose()
    expect(rebuilt).toMatchObject({ status: 'built', parsed: 1 })
    const [json] = JSON.parse(project.read('dist/articles.json')) as { html: string }[]
    expect(json?.html).toContain('<hr class="other"')
  })
})

describe('the Markdown options of the config', () => {
  const iframe = (src: string) => `<iframe src="${src}" width="560" height="315"></iframe>`

  it('extend the raw-HTML allow-list, and what is still removed is a warning at its line', async () => {
    const body = `\n${iframe('https://www.youtube-nocookie.com/embed/abc')}\n\n${iframe('https://evil.example/')}\n`
    project = projectWith(
      `export default {
  markdown: {
    html: {
      allow: {
        iframe: {
          attributes: ['src', 'width', 'height'],
          require: { src: { pattern: /^https:\\/\\/www\\.youtube-nocookie\\.com\\/embed\\//, description: 'a YouTube embed URL' } },
        },
      },
    },
  },
  outputs: { cards: false },
}
`,
      { 'a.md': article('Video', '2025-03-01', ['notes'], body) },
    )
    const build = await createBuild({ root: project.root })
    const result = await build.build()
    await build.dispose()
    const [json] = JSON.parse(project.read('dist/articles.json')) as { html: string }[]
    const allowed = '<iframe src="https://www.youtube-nocookie.com/embed/abc"'
    expect(json?.html).toContain(allowed)
    expect(json?.html).not.toContain('evil.example')
    // Regression: the feeds sanitised again with the default list and dropped it without a word.
    const page = parse(project.read('dist/articles/a/index.html'))
    expect(page.querySelector('.prose iframe')?.getAttribute('src')).toBe(
      'https://www.youtube-nocookie.com/embed/abc',
    )
    const rss = new XMLParser({ htmlEntities: true }).parse(project.read('dist/rss.xml'))
    expect(rss.rss.channel.item['content:encoded']).toContain(allowed)
    const atom = new XMLParser({ htmlEntities: true }).parse(project.read('dist/atom.xml'))
    expect(atom.feed.entry.content).toContain(allowed)
    const jsonFeed = JSON.parse(project.read('dist/feed.json')) as {
      items: { content_html: string }[]
    }
    expect(jsonFeed.items[0]?.content_html).toContain(allowed)
    expect(result.problems.map(({ code, line }) => ({ code, line }))).toEqual([
      { code: 'HTML_ELEMENT_REMOVED', line: 14 },
    ])
  })

  it('turn highlighting off, or choose its themes', async () => {
    const body = '\n```ts\nconst a = 1\n```\n'
    project = projectWith(
      `export default { markdown: { highlight: false }, outputs: { cards: false, pages: false, feeds: false } }\n`,
      { 'a.md': article('Code', '2025-03-01', ['notes'], body) },
    )
    const plain = await createBuild({ root: project.root })
    await plain.build()
    await plain.dispose()
    expect(project.read('dist/articles.json')).toContain(
      '<pre><code class=\\"language-ts\\">const a = 1\\n',
    )
    project.write(
      'dawnpress.config.ts',
      `export default { markdown: { highlight: { themes: { dark: 'dracula' } } }, outputs: { cards: false, pages: false, feeds: false } }\n`,
    )
    const themed = await createBuild({ root: project.root })
    await themed.build()
    await themed.dispose()
    expect(project.read('dist/articles.json')).toContain('--shiki-dark-bg:#282a36')
  })

  it('refuse a theme that does not exist, as a configuration mistake at markdown', async () => {
    project = projectWith(
      `export default { markdown: { highlight: { themes: { dark: 'no-such-theme' } } } }\n`,
      { 'a.md': article('A', '2025-03-01') },
    )
    const build = await createBuild({ root: project.root }).catch((error: unknown) => error)
    const problems = (build as { problems?: { code: string; path: unknown[]; message: string }[] })
      .problems
    expect(problems?.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'CONFIG_INVALID', path: ['markdown'] },
    ])
    expect(problems?.[0]?.message).toContain('no-such-theme')
  })
})

describe('importedPackages', () => {
  it('names the packages a config imports, by package, leaving out relative paths and Node’s own', () => {
    project = createProject()
    project.write(
      'dawnpress.config.ts',
      `import a from 'markdown-it-container'\nimport { b } from "@scope/plugin/sub"\nimport 'node:fs'\nimport path from 'path'\nimport c from './local.ts'\nconst d = await import('katex')\nexport { e } from 'markdown-it-footnote'\n`,
    )
    expect(importedPackages([join(project.root, 'dawnpress.config.ts')])).toEqual([
      '@scope/plugin',
      'katex',
      'markdown-it-container',
      'markdown-it-footnote',
    ])
    expect(readFileSync(join(project.root, 'dawnpress.config.ts'), 'utf8')).toContain('katex')
  })
})
