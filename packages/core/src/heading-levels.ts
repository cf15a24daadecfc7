import type { Heading } from './markdown.ts'
import { quote } from './problems.ts'

/**
 * How an article's body sits under its title on a page, where the title is the one `<h1>`:
 * whether a leading `# Title` only repeats the title (and is left out), and how many levels
 * every other heading of the body is shown lower (1 when the body has a level-1 heading of
 * its own, so `#` is shown as `##`, `##` as `###`; `######` stays the lowest level).
 */
export interface BodyHeadings {
  /** The body opens with a level-1 heading that reads as the title: the page leaves it out. */
  repeatsTitle: boolean
  /** Levels each heading of the body is shown lower: 0, or 1 when it has a level-1 heading. */
  shift: 0 | 1
}

/** Text compared as readers see it: one space between words, in any case. */
function comparable(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase()
}

/**
 * The rule for an article's headings on its page (see `BodyHeadings`), from its rendered
 * `html`, its `headings` and its title. The page applies it; `parseArticle` warns about
 * each level-1 heading it moves, so that the author knows.
 *
 * @example
 * planBodyHeadings('<h1 id="a">A</h1><p>…</p>', [{ depth: 1, text: 'A', id: 'a' }], 'A')
 * // { repeatsTitle: true, shift: 0 }
 */
export function planBodyHeadings(
  html: string,
  headings: readonly Pick<Heading, 'depth' | 'text'>[],
  title: string,
): BodyHeadings {
  const first = headings[0]
  const repeatsTitle =
    first !== undefined &&
    first.depth === 1 &&
    /^\s*<h1[\s>]/.test(html) &&
    comparable(first.text) === comparable(title)
  const rest = repeatsTitle ? headings.slice(1) : headings
  return { repeatsTitle, shift: rest.some((heading) => heading.depth === 1) ? 1 : 0 }
}

/** The depth a heading is shown at on the page, after `shift`; never below 6. */
export function shiftedDepth(depth: Heading['depth'], shift: 0 | 1): Heading['depth'] {
  return Math.min(6, depth + shift) as Heading['depth']
}

/**
 * The warning for a body with level-1 headings of its own: where the first is, how many
 * there are, and that the page shows every heading one level lower.
 */
export function shiftedHeadingsNote(
  headings: readonly Pick<Heading, 'depth' | 'text'>[],
  plan: BodyHeadings,
): { index: number; message: string; hint: string } | undefined {
  if (plan.shift === 0) return undefined
  const start = plan.repeatsTitle ? 1 : 0
  const index = headings.findIndex((heading, at) => at >= start && heading.depth === 1)
  const first = headings[index]
  if (first === undefined) return undefined
  const count = headings.slice(start).filter((heading) => heading.depth === 1).length
  const others = count > 1 ? ` and ${count - 1} other${count > 2 ? 's' : ''}` : ''
  return {
    index,
    message: `The level-1 heading ${quote(`# ${first.text}`)}${others} would be a second title: the article's page has its title as its one level-1 heading, so it shows every heading of the body one level lower ("#" as "##", "##" as "###").`,
    hint: 'Start the sections at "##", and leave the title to the frontmatter.',
  }
}
