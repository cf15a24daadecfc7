import { resolve } from 'node:path'
import { buildTime, isScheduled } from './build-time.ts'
import type { Collection } from './collection.ts'
import { readGitDates } from './dates.ts'
import type { FrontmatterSchema } from './parse.ts'
import { reportedPath } from './parse-files.ts'
import { compareStrings, type Problem, sortProblems } from './problems.ts'
import { findRedirectConflicts } from './redirects.ts'
import { findTagVariants } from './tag-problems.ts'
import type { SourcePosition } from './yaml.ts'

/**
 * What `assembleCollection` needs of an article: a full `Article`, or a lighter record of
 * the same fields (an incremental build keeps only these for files that did not change).
 */
export interface AssemblableArticle {
  slug: string
  /** The source file, relative to the collection directory. */
  path: string
  date: string | undefined
  draft?: boolean | undefined
  /** The article's tags, for `TAG_VARIANT` warnings. */
  tags?: readonly string[] | undefined
  /** The article's old slugs, for `REDIRECT_CONFLICT` errors. */
  redirect_from?: readonly string[] | undefined
}

/** One file's outcome, as `parseCollectionFiles` returns it, or as a tool kept it. */
export interface ParsedEntry<T> {
  /** The article, when the file has no errors. */
  article: T | undefined
  /** The problems of this file alone. */
  problems: Problem[]
  /** Where a duplicate-slug problem points: the `slug` field, or the top of the file. */
  slugPosition: SourcePosition
  /**
   * Where each of `article.tags` is in the file, as `parseCollectionFiles` gives it. A
   * `TAG_VARIANT` warning points at its tag; without these, at the top of the file.
   */
  tagPositions?: readonly SourcePosition[] | undefined
  /** Where each of `article.redirect_from` is; without these, at the top of the file. */
  redirectPositions?: readonly SourcePosition[] | undefined
}

/**
 * The last step of `loadCollection`: rejects slugs used by more than one file, fills in
 * missing dates from git, leaves out drafts unless the collection shows them and scheduled
 * articles (dated after `now`) unless it shows those, warns about tags spelled otherwise
 * than their tag page (`TAG_VARIANT`, over the articles it returns), and sorts articles
 * newest first and problems by file and position. `parsed` must be in file order. Missing
 * dates are filled in place.
 */
export async function assembleCollection<T extends AssemblableArticle>(
  collection: Collection<FrontmatterSchema>,
  parsed: readonly ParsedEntry<T>[],
  options: { cwd?: string; now?: Date } = {},
): Promise<{ articles: T[]; problems: Problem[]; scheduled: T[] }> {
  const cwd = options.cwd ?? process.cwd()
  const directory = resolve(cwd, collection.directory)
  // Asked for each article three or four times: 10,000 path.relative calls cost 20 ms each round.
  const reported = new Map<string, string>()
  const report = (file: string) => {
    let path = reported.get(file)
    if (path === undefined) {
      path = reportedPath({ directory, cwd }, file)
      reported.set(file, path)
    }
    return path
  }
  const problems: Problem[] = []
  for (const result of parsed) problems.push(...result.problems)

  const valid = parsed.filter(
    (entry): entry is ParsedEntry<T> & { article: T } => entry.article !== undefined,
  )
  const unique = rejectDuplicateSlugs(valid, report, problems)
  // Over drafts and scheduled articles too, so that publishing one never breaks the site.
  const redirectPositions = new Map(valid.map((entry) => [entry.article, entry.redirectPositions]))
  const conflicts = findRedirectConflicts(
    unique.map((article) => ({
      file: report(article.path),
      slug: article.slug,
      redirects: textList(article.redirect_from),
      positions: redirectPositions.get(article),
    })),
  )
  problems.push(...conflicts.problems)
  const articles = unique.filter((article) => !conflicts.files.has(report(article.path)))
  const readable = collection.drafts ? articles : articles.filter((article) => !article.draft)
  const now = options.now ?? buildTime()
  // Dates from frontmatter only: an article git dates was committed, so it is not ahead.
  const scheduled = readable.filter((article) => !article.draft && isScheduled(article, now))
  const published = collection.scheduled
    ? readable
    : readable.filter((article) => !scheduled.includes(article))
  const tagPositions = new Map(valid.map((entry) => [entry.article, entry.tagPositions]))
  const tagged = published.map((article) => ({
    file: report(article.path),
    tags: textList(article.tags),
    positions: tagPositions.get(article),
  }))
  for (const problem of findTagVariants(tagged)) problems.push(problem)
  if (collection.gitDates && published.some((article) => article.date === undefined)) {
    const gitDates = await readGitDates(directory)
    for (const article of published) article.date ??= gitDates.get(article.path)
  }
  for (const article of published) {
    if (article.date !== undefined) continue
    problems.push({
      file: report(article.path),
      line: 1,
      column: 1,
      path: ['date'],
      code: 'DATE_MISSING',
      severity: 'warning',
      message: collection.gitDates
        ? 'The article has no "date", and git has no commit that added the file, so it is listed last and feeds show no date.'
        : 'The article has no "date" (git dates are turned off), so it is listed last and feeds show no date.',
      hint: collection.gitDates
        ? 'Add "date: YYYY-MM-DD" to the frontmatter, or commit the file.'
        : 'Add "date: YYYY-MM-DD" to the frontmatter.',
    })
  }
  return {
    articles: sortArticles(published),
    problems: sortProblems(problems),
    scheduled: sortArticles(scheduled),
  }
}

/** Newest first; undated articles last; ties broken by slug so the order never varies. */
export function sortArticles<T extends { date: string | undefined; slug: string }>(
  articles: readonly T[],
): T[] {
  return [...articles].sort(
    (a, b) => compareStrings(b.date ?? '', a.date ?? '') || compareStrings(a.slug, b.slug),
  )
}

function rejectDuplicateSlugs<T extends AssemblableArticle>(
  parsed: readonly { article: T; slugPosition: SourcePosition }[],
  report: (file: string) => string,
  problems: Problem[],
): T[] {
  const bySlug = new Map<string, { article: T; slugPosition: SourcePosition }[]>()
  for (const entry of parsed) {
    const group = bySlug.get(entry.article.slug)
    if (group) group.push(entry)
    else bySlug.set(entry.article.slug, [entry])
  }
  const kept: T[] = []
  for (const [slug, group] of bySlug) {
    // Every article of a clash has an error, so none of them is published.
    if (group.length === 1) {
      kept.push((group[0] as { article: T }).article)
      continue
    }
    const files = group.map((entry) => report(entry.article.path))
    for (const [index, entry] of group.entries()) {
      const others = files.filter((_, other) => other !== index)
      problems.push({
        file: files[index] as string,
        ...entry.slugPosition,
        path: ['slug'],
        code: 'SLUG_DUPLICATE',
        severity: 'error',
        message: `The slug "${slug}" of ${files[index]} is also the slug of ${others.join(' and ')}; each article needs its own folder and URL.`,
        hint: 'Rename one of the files, or give one of them a different "slug:" in its frontmatter.',
      })
    }
  }
  return kept
}

/** Tags as a list of text; a custom schema may give something else, which has no tag pages. */
function textList(value: unknown): readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : []
}
