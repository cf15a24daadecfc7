import { escapeHtml } from '@dawnpress/core'

// Re-exported: the site's templates and its users escape text exactly as core does.
export { escapeHtml }

const SAFE = Symbol('dawnpress.safe-html')

/** Markup that is already safe to place in a page: produced by `html` or vouched for by `raw`. */
export interface SafeHtml {
  readonly [SAFE]: true
  readonly value: string
}

/** What may stand in a `${}` of the `html` template. Arrays are joined without separators. */
export type HtmlValue =
  | SafeHtml
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly HtmlValue[]

/**
 * Marks markup as safe. Only for markup this package produced itself or that went through
 * `sanitizeHtml`: the one way around escaping, so every call is easy to find and review.
 */
export function raw(markup: string): SafeHtml {
  return { [SAFE]: true, value: markup }
}

/** True when a value is markup from `html` or `raw` rather than text. */
export function isSafeHtml(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && SAFE in value
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return ''
  if (isSafeHtml(value)) return value.value
  if (Array.isArray(value)) return value.map(render).join('')
  return escapeHtml(String(value))
}

/**
 * A tagged template that escapes every interpolation unless it is already `SafeHtml`.
 * `null`, `undefined` and `false` render as nothing, so `${cond && html`...`}` works.
 *
 * @example
 * html`<h1>${article.title}</h1>` // a title of `<script>` stays text
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? ''
  for (let index = 0; index < values.length; index++) {
    out += render(values[index] as HtmlValue) + (strings[index + 1] ?? '')
  }
  return raw(out)
}
