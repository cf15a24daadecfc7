import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isProblemError } from '@dawnpress/core'
import { parseJsonFeed, parseRssFeed } from 'feedsmith'
import { afterEach, describe, expect, it } from 'vitest'
import { article, createProject, type Project } from '../test/project.ts'

let project: Project

afterEach(() => project?.dispose())

const out = (path: string) => join(project.root, 'dist', path)
const renamed = (redirects: string) =>
  article('Renamed', '2025-03-05').replace('---\n\n', `redirect_from: ${redirects}\n---\n\n`)

function articles(count: number): Record<string, string> {
  const files: Record<string, string> = {}
  for (let day = 1; day <= count; day++) {
    files[`a-${day}.md`] = article(`Article ${day}`, `2025-03-${String(day).padStart(2, '0')}`)
  }
  return files
}

describe('the pages a build writes', () => {
  it('paginate the home page and tag pages by outputs.pages.pageSize', async () => {
    project = createProject(articles(5))
    const build = await project.open({
      overrides: { skip: ['cards'] },
      config: { outputs: { pages: { pageSize: 2 } } },
    })
    expect((await build.build()).ok).toBe(true)
    for (const path of ['page/2/index.html', 'page/3/index.html', 'tags/notes/page/3/index.html']) {
      expect(existsSync(out(path)), path).toBe(true)
    }
    expect(existsSync(out('page/1/index.html'))).toBe(false)
    expect(existsSync(out('page/4/index.html'))).toBe(false)
    expect(readFileSync(out('sitemap.xml'), 'utf8')).toContain('/page/3/</loc>')
  })

  it('write a redirect page at each old slug, and keep the feed id of the first one', async () => {
    project = createProject({ 'renamed.md': renamed('[first-name, second-name]') })
    await (await project.open({ overrides: { skip: ['cards'] } })).build()
    const redirect = readFileSync(out('articles/first-name/index.html'), 'utf8')
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=../renamed/">')
    expect(existsSync(out('articles/second-name/index.html'))).toBe(true)
    const item = parseRssFeed(readFileSync(out('rss.xml'), 'utf8')).items?.[0]
    expect(item?.guid?.value).toBe('https://dawnpress.example/articles/first-name/')
    expect(item?.link).toBe('https://dawnpress.example/articles/renamed/')
    const json = parseJsonFeed(readFileSync(out('feed.json'), 'utf8')).items?.[0]
    expect(json?.id).toBe('https://dawnpress.example/articles/first-name/')
  })

  it('report an old slug that another article has at its line, also after an incremental rebuild', async () => {
    project = createProject({
      'first.md': article('First', '2025-03-01'),
      'renamed.md': renamed('[first]'),
    })
    const build = await project.open({ overrides: { skip: ['cards'] } })
    const where = (result: Awaited<ReturnType<typeof build.build>>) =>
      result.problems.map(({ file, code, line, column }) => ({
        file: file.replace(`${project.root}/`, ''),
        code,
        line,
        column,
      }))
    const expected = [
      { file: 'content/articles/renamed.md', code: 'REDIRECT_CONFLICT', line: 6, column: 17 },
    ]
    const first = await build.build()
    expect(first.ok).toBe(false)
    expect(where(first)).toEqual(expected)
    // Only first.md changes: renamed.md's positions come from the build's cache.
    project.write('content/articles/first.md', article('First, edited', '2025-03-01'))
    expect(where(await build.build())).toEqual(expected)
  })

  it('refuse a page size that is not a whole number from 1', async () => {
    project = createProject(articles(1))
    for (const pages of [{ pageSize: 0 }, { pageSize: 2.5 }, { size: 2 }]) {
      const codes = await project.open({ config: { outputs: { pages } } as never }).then(
        () => [],
        (error: unknown) =>
          isProblemError(error) ? error.problems.map((entry) => entry.code) : [error],
      )
      expect(codes, JSON.stringify(pages)).toEqual(['CONFIG_INVALID'])
    }
  })
})
