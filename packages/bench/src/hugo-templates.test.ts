import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { parse } from 'node-html-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeCorpus } from './corpus.ts'
import { findOnPath } from './hugo.ts'
import { createHugo, dawnpressCli } from './tools.ts'

// The Hugo peer is only fair if its templates write the pages dawnpress writes: this builds a
// small corpus with both and compares what they wrote, page for page.
const hugo = findOnPath('hugo')
const benchRoot = join(import.meta.dirname, '..')
const cli = dawnpressCli(benchRoot)
const SIZE = 12
let scratch = ''

describe.skipIf(!hugo || !existsSync(cli))(
  "Hugo's templates against dawnpress's pages (skipped without hugo on PATH or a built CLI)",
  () => {
    beforeAll(async () => {
      scratch = await mkdtemp(join(tmpdir(), 'bench-hugo-'))
      const corpus = join(scratch, 'corpus')
      await writeCorpus(corpus, { size: SIZE, seed: 'hugo' })
      const built = spawnSync(
        process.execPath,
        [
          cli,
          'build',
          '--content',
          corpus,
          '--out',
          join(scratch, 'dawnpress'),
          '--cache',
          join(scratch, 'cache'),
          '--skip',
          'cards,search',
        ],
        { cwd: scratch, encoding: 'utf8' },
      )
      expect(built.status, built.stderr).toBe(0)
      const tool = createHugo({ benchRoot, corpusDir: corpus, workDir: scratch }, hugo as string)
      const ran = spawnSync(tool.command.command, tool.command.args, {
        cwd: tool.command.cwd,
        env: { ...process.env, ...tool.command.env },
        encoding: 'utf8',
      })
      expect(ran.status, ran.stderr).toBe(0)
    }, 60_000)
    afterAll(() => rm(scratch, { recursive: true, force: true }))

    const dawnpress = (path: string) => join(scratch, 'dawnpress', path)
    const hugoOut = (path: string) => join(scratch, 'hugo', 'public', path)
    const html = async (file: string) => parse(await readFile(file, 'utf8'))
    const xml = async (file: string) =>
      new XMLParser({
        ignoreAttributes: false,
        isArray: (name) => ['item', 'url'].includes(name),
      }).parse(await readFile(file, 'utf8'))

    /** The folders of a folder: the article slugs, the tag slugs. */
    const folders = async (dir: string) =>
      (await readdir(dir, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    /** The slugs of the articles a page links to, its links resolved against its own path. */
    const linked = async (file: string) => {
      const page = new URL(file.replace(/^.*?\/(?:dawnpress|public)\//, ''), 'https://x/')
      return new Set(
        (await html(file))
          .querySelectorAll('a')
          .map((a) => new URL(a.getAttribute('href') ?? '', page).pathname)
          .filter((path) => /^\/articles\/[^/]+\/$/.test(path))
          .map((path) => path.slice('/articles/'.length, -1)),
      )
    }

    it('writes a page for every article and every tag, and both indexes, at the same paths', async () => {
      const articles = await folders(dawnpress('articles'))
      expect(articles).toHaveLength(SIZE)
      expect(await folders(hugoOut('articles'))).toEqual(articles)
      const tags = (await folders(dawnpress('tags'))).filter((tag) => tag !== 'page')
      expect((await folders(hugoOut('tags'))).filter((tag) => tag !== 'page')).toEqual(tags)
      for (const tag of tags) expect(existsSync(hugoOut(`tags/${tag}/index.html`)), tag).toBe(true)
      for (const index of ['articles/index.html', 'tags/index.html']) {
        expect(existsSync(dawnpress(index)), index).toBe(true)
        expect(existsSync(hugoOut(index)), index).toBe(true)
      }
    })

    it('lists the same ten newest articles on the home page, the rest on /page/2/, and all on /articles/', async () => {
      const home = await linked(dawnpress('index.html'))
      expect(home.size).toBe(10)
      expect(await linked(hugoOut('index.html'))).toEqual(home)
      expect(await linked(hugoOut('page/2/index.html'))).toEqual(
        await linked(dawnpress('page/2/index.html')),
      )
      expect((await linked(hugoOut('articles/index.html'))).size).toBe(SIZE)
      expect((await linked(dawnpress('articles/index.html'))).size).toBe(SIZE)
    })

    it("puts the article's body on its page: the same sections, tables and code blocks", async () => {
      for (const slug of (await folders(dawnpress('articles'))).slice(0, 4)) {
        const ours = await html(dawnpress(`articles/${slug}/index.html`))
        const theirs = await html(hugoOut(`articles/${slug}/index.html`))
        const count = (page: typeof ours, selector: string) =>
          page.querySelectorAll(selector).length
        expect(count(theirs, 'article h2'), slug).toBe(count(ours, '.prose h2'))
        expect(count(theirs, 'article table'), slug).toBe(count(ours, '.prose table'))
        expect(count(theirs, 'article pre'), slug).toBe(count(ours, '.prose pre'))
      }
    })

    it('writes RSS with the full content for the site and for each tag, and a sitemap of every article', async () => {
      const ours = await xml(dawnpress('rss.xml'))
      const theirs = await xml(hugoOut('index.xml'))
      expect(theirs.rss.channel.item).toHaveLength(ours.rss.channel.item.length)
      for (const item of theirs.rss.channel.item) {
        expect(String(item['content:encoded'])).toMatch(/<h2 id=/)
      }
      for (const tag of (await folders(dawnpress('tags'))).filter((tag) => tag !== 'page')) {
        const feed = await xml(hugoOut(`tags/${tag}/index.xml`))
        const own = await xml(dawnpress(`tags/${tag}/rss.xml`))
        expect(feed.rss.channel.item?.length ?? 0, tag).toBe(own.rss.channel.item?.length ?? 0)
      }
      const sitemap = await xml(hugoOut('sitemap.xml'))
      const urls = sitemap.urlset.url.map((url: { loc: string }) => url.loc)
      for (const slug of await folders(dawnpress('articles'))) {
        expect(urls).toContain(`https://bench.dawnpress.example/articles/${slug}/`)
      }
    })
  },
)
