import { listPagePath, pageCount } from '@dawnpress/core'
import { html, type SafeHtml } from './html.ts'

/**
 * Articles on one page of a paginated list when `renderPages` is not told otherwise: a
 * page a reader scrolls through in a minute, and small enough that 10,000 articles stay
 * light pages.
 */
export const DEFAULT_PAGE_SIZE = 10

/** One page of a paginated list: its items, its number and its neighbours' paths. */
export interface ListPage<T> {
  items: readonly T[]
  /** From 1. */
  number: number
  /** How many pages the list has; at least 1. */
  count: number
  /** The page's site path: the list's own path for page 1, `<list>page/N/` after. */
  path: string
  /** The page of newer items, if any. */
  previous: string | undefined
  /** The page of older items, if any. */
  next: string | undefined
}

/**
 * Cuts a list into pages of `pageSize` items at `first` (the path of page 1), each with
 * the paths of its neighbours (core's `listPagePath`). An empty list has one empty page.
 *
 * @example
 * paginate(articles, '/', 10) // pages at '/', '/page/2/', …
 */
export function paginate<T>(items: readonly T[], first: string, pageSize: number): ListPage<T>[] {
  const count = pageCount(items.length, pageSize)
  return Array.from({ length: count }, (_, index) => {
    const number = index + 1
    return {
      items: items.slice(index * pageSize, number * pageSize),
      number,
      count,
      path: listPagePath(first, number),
      previous: number > 1 ? listPagePath(first, number - 1) : undefined,
      next: number < count ? listPagePath(first, number + 1) : undefined,
    }
  })
}

/** "Page 2 of 5" for a page after the first, else nothing: the words of a page's eyebrow. */
export function pageLabel(page: Pick<ListPage<unknown>, 'number' | 'count'>): string | undefined {
  return page.number > 1 ? `Page ${page.number} of ${page.count}` : undefined
}

/**
 * The links between the pages of a list, below it: newer and older, where there are any,
 * the page's place, and a way to every article at once.
 */
export function renderPagination(
  page: ListPage<unknown>,
  href: (path: string) => string,
  archive: string,
): SafeHtml {
  if (page.count === 1) return html``
  return html`<nav class="pagination" aria-label="Pages">
${page.previous ? html`<a class="pagination__link" rel="prev" href="${href(page.previous)}">← Newer</a>` : html`<span class="pagination__link" aria-hidden="true"></span>`}
<span class="pagination__place">Page ${page.number} of ${page.count} · <a href="${href(archive)}">All articles</a></span>
${page.next ? html`<a class="pagination__link pagination__link--next" rel="next" href="${href(page.next)}">Older →</a>` : html`<span class="pagination__link" aria-hidden="true"></span>`}
</nav>`
}
