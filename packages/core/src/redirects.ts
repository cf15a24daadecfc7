import type { Problem } from './problems.ts'
import type { SourcePosition } from './yaml.ts'

/** A problem of one article's `redirect_from`, before it is given its file. */
export type RedirectProblem = Omit<Problem, 'file'>

/** One article's old slugs after `checkArticleRedirects`: each once, with its position. */
export interface CheckedRedirects {
  /** The old slugs, each once, in the order written (oldest first). */
  redirects: string[]
  /** Where each of `redirects` is in the file. */
  positions: SourcePosition[]
  problems: RedirectProblem[]
}

/**
 * Checks the old slugs of one article (`redirect_from`): an old slug that is the article's
 * own slug is an error, since its redirect page would replace the article's page; a slug
 * listed twice is one, with a warning at the second. `locate(index)` gives the position of
 * the item at `index`. Slugs that clash with other articles are found by
 * `findRedirectConflicts`, once every file is parsed.
 */
export function checkArticleRedirects(
  redirects: readonly string[],
  slug: string,
  locate: (index: number) => SourcePosition,
): CheckedRedirects {
  const checked: CheckedRedirects = { redirects: [], positions: [], problems: [] }
  for (const [index, old] of redirects.entries()) {
    const at = { ...locate(index), path: ['redirect_from', index] }
    if (old === slug) {
      checked.problems.push({
        ...at,
        code: 'REDIRECT_CONFLICT',
        severity: 'error',
        message: `"${old}" is the article's own slug, so a redirect page from it would replace the article's page.`,
        hint: 'Remove it from "redirect_from": list only the slugs the article had before.',
      })
      continue
    }
    if (checked.redirects.includes(old)) {
      checked.problems.push({
        ...at,
        code: 'REDIRECT_CONFLICT',
        severity: 'warning',
        message: `"${old}" is listed twice in "redirect_from"; the article redirects from it once.`,
        hint: 'Remove this one.',
      })
      continue
    }
    checked.redirects.push(old)
    checked.positions.push(locate(index))
  }
  return checked
}

/** What `findRedirectConflicts` needs of an article. */
export interface RedirectEntry {
  /** The source file, as problems name it. */
  file: string
  slug: string
  /** Its old slugs, as `checkArticleRedirects` kept them. */
  redirects: readonly string[]
  /** Where each of `redirects` is in the file; the top of the file when not known. */
  positions: readonly SourcePosition[] | undefined
}

/**
 * Errors for old slugs that another article also claims: one that is the slug of an
 * article (its page would be replaced by a redirect), or that two articles redirect from
 * (one URL cannot lead to both). Each error is at the old slug in `redirect_from`, and the
 * set of files with one is returned, so that the caller can leave those articles out, as
 * it does for any article with an error. Entries must be in a stable (file) order.
 */
export function findRedirectConflicts(entries: readonly RedirectEntry[]): {
  problems: Problem[]
  files: Set<string>
} {
  const owners = new Map<string, string>()
  for (const entry of entries) owners.set(entry.slug, entry.file)
  const claims = new Map<string, RedirectEntry[]>()
  for (const entry of entries) {
    for (const old of entry.redirects) {
      const claimed = claims.get(old)
      if (claimed) claimed.push(entry)
      else claims.set(old, [entry])
    }
  }
  const problems: Problem[] = []
  const files = new Set<string>()
  for (const entry of entries) {
    for (const [index, old] of entry.redirects.entries()) {
      const owner = owners.get(old)
      const others = (claims.get(old) ?? []).filter((other) => other !== entry)
      if (owner === undefined && others.length === 0) continue
      files.add(entry.file)
      problems.push({
        file: entry.file,
        ...(entry.positions?.[index] ?? { line: 1, column: 1 }),
        path: ['redirect_from'],
        code: 'REDIRECT_CONFLICT',
        severity: 'error',
        message:
          owner !== undefined
            ? `"${old}" is the slug of ${owner}, so a redirect page from it would replace that article's page.`
            : `${others.map((other) => other.file).join(' and ')} also ${others.length === 1 ? 'redirects' : 'redirect'} from "${old}"; one old URL can lead to one article only.`,
        hint:
          owner !== undefined
            ? 'Remove it from "redirect_from", or give the other article another slug.'
            : 'Keep "' +
              old +
              '" in the "redirect_from" of the article that had it, and remove it from the others.',
      })
    }
  }
  return { problems, files }
}
