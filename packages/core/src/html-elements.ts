// What the HTML standard says about elements, as far as the sanitiser needs it: which have
// no end tag or may leave it out, which the parser reads as raw text, and which start tags
// close open elements first. Names are lower case.

/**
 * Elements whose content the tokenizer reads as text up to their end tag. When such an
 * element has no end tag, the lexer reads on after its start tag as ordinary HTML: the
 * sanitiser never lets an unclosed one through, so that is what the browser will see.
 */
export const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'textarea',
  'title',
  'plaintext',
])

/** Elements that have no end tag. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set(
  (
    'area base basefont bgsound br col embed frame hr image img input keygen link meta param ' +
    'source track wbr'
  ).split(' '),
)

/**
 * Elements whose content is code, a form or embedded content, never text for a reader: when
 * not allowed, the sanitiser removes them whole. Any other tag that is not allowed (`<center>`,
 * a made-up `<Warning>`) it shows as text, so that a name in prose stays visible.
 */
export const NON_TEXT_CONTENT: ReadonlySet<string> = new Set(
  (
    'script style template noscript iframe noembed noframes object applet frameset frame ' +
    'form textarea select option optgroup datalist button svg math title head xmp plaintext'
  ).split(' '),
)

/**
 * Elements a block container's end tag does not close for good: formatting elements, which
 * browsers open again after it, and those that bound the search for it (tables, lists).
 */
export const NOT_CONTAINED: ReadonlySet<string> = new Set(
  'a b big code em font i nobr s small strike strong tt u table caption td th ul ol'.split(' '),
)

/** Elements whose end tag HTML lets authors leave out: closing them silently is no change. */
export const OPTIONAL_END: ReadonlySet<string> = new Set(
  'li dt dd p rt rp rb rtc tr td th thead tbody tfoot colgroup caption option optgroup'.split(' '),
)

/**
 * Start tags that close an open element first, as HTML's parser does, up to the first of
 * `stops`: a new `<li>` ends the previous one, a `<div>` ends an open `<p>`.
 */
export const IMPLIED_ENDS: Readonly<Record<string, ImpliedEnd>> = impliedEnds([
  ['li', 'li', 'ul ol menu'],
  ['dt dd', 'dt dd', 'dl'],
  ['tr', 'tr', 'table thead tbody tfoot'],
  ['td th', 'td th', 'tr table'],
  ['thead tbody tfoot', 'thead tbody tfoot', 'table'],
  ['rt rp', 'rt rp rb', 'ruby rtc'],
  ['rb rtc', 'rb rt rp rtc', 'ruby'],
  [
    'address article aside blockquote details dialog div dl fieldset figcaption figure footer ' +
      'h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section summary table ul',
    'p',
    'table td th caption button',
  ],
])

/** What a start tag closes first, and the open elements that stop the search. */
export interface ImpliedEnd {
  closes: readonly string[]
  stops: readonly string[]
}

/** The table from rows of space-separated names: start tags, what they close, what stops it. */
function impliedEnds(rows: [string, string, string][]): Record<string, ImpliedEnd> {
  const table: Record<string, ImpliedEnd> = {}
  for (const [names, closes, stops] of rows) {
    for (const name of names.split(' ')) {
      table[name] = { closes: closes.split(' '), stops: stops.split(' ') }
    }
  }
  return table
}
