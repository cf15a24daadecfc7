import { readdirSync, readFileSync } from 'node:fs'
import { type Article, parseArticle, parseSite, type Site } from '@dawnpress/core'
import type { FeedArticle } from '../../src/types.ts'

const FIXTURES = new URL('../fixtures/', import.meta.url)

/** The test site: served from a sub-path, so that URL resolution has to keep it. */
export const SITE: Site = loadSite()

function loadSite(): Site {
  const file = new URL('site.json', FIXTURES)
  const { site, problems } = parseSite(readFileSync(file, 'utf8'), file.pathname)
  if (!site) throw new Error(`The fixture site is invalid: ${JSON.stringify(problems)}`)
  return site
}

/** Parses one fixture article from `test/fixtures/articles/` with core; throws on errors. */
export function loadArticle(name: string): Article {
  const file = new URL(`articles/${name}.md`, FIXTURES)
  const { article, problems } = parseArticle(readFileSync(file), {
    file: `articles/${name}.md`,
  })
  if (!article) throw new Error(`Fixture ${name} is invalid: ${JSON.stringify(problems)}`)
  return article
}

/** Every fixture article, parsed by core, in file name order. */
export function loadArticles(): Article[] {
  return readdirSync(new URL('articles/', FIXTURES))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => loadArticle(name.slice(0, -3)))
}

let counter = 0

/**
 * An article built directly, for input core's parser would never produce but another
 * source could: the feeds must hold up against anything the type allows.
 */
export function makeArticle(fields: Partial<FeedArticle> = {}): FeedArticle {
  counter++
  return {
    slug: `article-${counter}`,
    title: `Article ${counter}`,
    description: `Description ${counter}.`,
    html: `<p>Body ${counter}.</p>`,
    date: new Date(Date.UTC(2025, 0, 1) + counter * 86_400_000).toISOString(),
    updated: undefined,
    authors: [],
    tags: [],
    ...fields,
  }
}

/** The URL an article's slug is published at on the test site. */
export function articleUrl(slug: string): string {
  return `https://example.com/blog/articles/${slug}/`
}

const HOSTILE = new URL('../fixtures/hostile/', import.meta.url)

/**
 * The hostile corpus (`test/fixtures/hostile/`): titles with `]]>`, `&amp;`, `<script>`,
 * control characters and U+FFFD, right-to-left text and emoji, code samples with
 * `&lt;script&gt;`, alt text with quotes, raw `<source>` and `<wbr>`, the tags `C`, `C++`,
 * `C#`, `AI` and `ai`, a scheduled article and a date without a time, on a site served
 * under a base path (`https://example.org/blog/`), parsed by core.
 */
export function loadHostile(): { site: Site; articles: Article[] } {
  const siteFile = new URL('site.json', HOSTILE)
  const { site, problems } = parseSite(readFileSync(siteFile, 'utf8'), siteFile.pathname)
  if (!site) throw new Error(`The hostile site is invalid: ${JSON.stringify(problems)}`)
  const articles = readdirSync(new URL('articles/', HOSTILE))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const parsed = parseArticle(readFileSync(new URL(`articles/${name}`, HOSTILE)), {
        file: `articles/${name}`,
      })
      if (!parsed.article) throw new Error(`${name} is invalid: ${JSON.stringify(parsed.problems)}`)
      return parsed.article
    })
  return { site, articles }
}
