import type { Problem } from './problems.ts'
import { quote } from './problems.ts'
import { createTagSlugger, groupByTag, MAX_TAG_LENGTH, MAX_TAGS_PER_ARTICLE } from './tags.ts'
import type { SourcePosition } from './yaml.ts'

/** A problem of one article's tags, before it is given its file. */
export type TagProblem = Omit<Problem, 'file'>

/** One article's tags after `checkArticleTags`: one per slug, with their positions. */
export interface CheckedTags {
  /** The tags, the first spelling of each slug, in order. */
  tags: string[]
  /** Where each of `tags` is in the file. */
  positions: SourcePosition[]
  problems: TagProblem[]
}

/**
 * Checks the tags of one article, whatever schema it has: a tag with nothing visible (no
 * page can be made for it) or longer than `MAX_TAG_LENGTH` is an error, and so is a list of
 * more than `MAX_TAGS_PER_ARTICLE`, at the first one over (an error, not a warning that
 * drops the rest: the article would lose pages and feeds its author asked for, silently,
 * and other bounds of the schema are errors too). Two tags with one slug
 * (`AI` and `ai`, or `ai` twice) are one: the first spelling is kept, with a
 * `TAG_DUPLICATE` warning at the other. `locate(index)` gives the position of the tag at
 * `index` of `tags`.
 */
export function checkArticleTags(
  tags: readonly string[],
  locate: (index: number) => SourcePosition,
): CheckedTags {
  const slugOf = createTagSlugger()
  const checked: CheckedTags = { tags: [], positions: [], problems: [] }
  const report = (index: number, problem: Omit<TagProblem, 'line' | 'column' | 'path'>) =>
    checked.problems.push({ ...locate(index), path: ['tags', index], ...problem })
  const firstBySlug = new Map<string, string>()
  // Past the limit nothing more is checked: 2,000 tags give one error, not 2,000 problems.
  for (let index = 0; index < Math.min(tags.length, MAX_TAGS_PER_ARTICLE + 1); index++) {
    if (index === MAX_TAGS_PER_ARTICLE) {
      report(index, {
        code: 'TAGS_TOO_MANY',
        severity: 'error',
        message: `The article lists ${tags.length} tags, but at most ${MAX_TAGS_PER_ARTICLE} are allowed, since each tag is a page and three feeds; this is the first one over.`,
        hint: `Keep the ${MAX_TAGS_PER_ARTICLE} tags that say best what the article is about.`,
      })
      break
    }
    const raw = tags[index] as string
    const tag = raw.trim()
    const slug = slugOf(tag)
    if (slug === '') {
      report(index, {
        code: 'FIELD_INVALID',
        severity: 'error',
        message: `The tag ${quote(raw)} has nothing visible in it, so it can have no page or feed.`,
        hint: 'Remove it, or write the tag in letters, digits or emoji.',
      })
      continue
    }
    // Counted as zod counts `max`, in UTF-16 code units, so both checks agree.
    if (tag.length > MAX_TAG_LENGTH) {
      report(index, {
        code: 'FIELD_INVALID',
        severity: 'error',
        message: `The tag ${quote(tag)} has ${tag.length} characters; a tag may have at most ${MAX_TAG_LENGTH}.`,
        hint: 'Shorten the tag to a few words.',
      })
    }
    const first = firstBySlug.get(slug)
    if (first !== undefined) {
      report(index, {
        code: 'TAG_DUPLICATE',
        severity: 'warning',
        message:
          first === tag
            ? `The tag ${quote(tag)} is listed twice; the article has it once.`
            : `The tags ${quote(first)} and ${quote(tag)} are one tag (tags/${slug}/), so the article has it once, as ${quote(first)}.`,
        hint: 'Remove this one.',
      })
      continue
    }
    firstBySlug.set(slug, tag)
    checked.tags.push(tag)
    checked.positions.push(locate(index))
  }
  return checked
}

/** What `findTagVariants` needs of an article: its tags and where they are. */
export interface TaggedEntry {
  /** The source file, as problems name it. */
  file: string
  tags: readonly string[]
  /** Where each of `tags` is in the file; the top of the file when not known. */
  positions: readonly SourcePosition[] | undefined
}

/**
 * A `TAG_VARIANT` warning for each tag that is spelled otherwise than the name its tag page
 * shows (the spelling most articles use, as `groupByTag` chooses it): `ai` where most
 * articles say `AI`. Both spellings share one page and feed; the warning points at the tag.
 */
export function findTagVariants(entries: readonly TaggedEntry[]): Problem[] {
  const names = new Map(groupByTag(entries).map((group) => [group.slug, group.name]))
  const slugOf = createTagSlugger()
  const problems: Problem[] = []
  for (const entry of entries) {
    for (const [index, raw] of entry.tags.entries()) {
      const tag = raw.trim()
      const slug = slugOf(tag)
      const name = names.get(slug)
      if (name === undefined || name === tag) continue
      problems.push({
        file: entry.file,
        ...(entry.positions?.[index] ?? { line: 1, column: 1 }),
        path: ['tags', index],
        code: 'TAG_VARIANT',
        severity: 'warning',
        message: `The tag ${quote(tag)} is shown as ${quote(name)}, the spelling most articles use: both are the one tag tags/${slug}/.`,
        hint: `Write ${quote(name)} here, so the tag reads the same everywhere.`,
      })
    }
  }
  return problems
}
