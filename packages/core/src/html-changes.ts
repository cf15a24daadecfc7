import { quote } from './problems.ts'

/** The problem codes of changes the sanitiser makes to raw HTML; all are warnings. */
export type HtmlChangeCode =
  | 'HTML_ELEMENT_REMOVED'
  | 'HTML_TAG_ESCAPED'
  | 'HTML_ELEMENT_UNCLOSED'
  | 'HTML_ATTRIBUTE_REMOVED'
  | 'HTML_URL_REMOVED'

/** Something the renderer removed from or changed in an article's raw HTML, and where. */
export interface HtmlChange {
  code: HtmlChangeCode
  /** 1-based line in the Markdown that was rendered. */
  line: number
  /** 1-based column in that line. */
  column: number
  /** What happened and why. */
  message: string
  /** What to do about it. */
  hint: string
}

/** An `HtmlChange` before it has a position. */
export type HtmlChangeText = Omit<HtmlChange, 'line' | 'column'>

// Why an element is not allowed, by element; anything else is simply not on the list.
const REASONS: [readonly string[], string][] = [
  [['script', 'noscript'], 'articles may not run scripts'],
  [['style', 'link'], 'articles may not restyle the page'],
  [
    ['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'noembed', 'noframes'],
    'articles may not embed other pages or plugins',
  ],
  [
    ['form', 'input', 'button', 'select', 'option', 'optgroup', 'textarea', 'datalist'],
    'articles may not contain forms',
  ],
  [['fieldset', 'legend', 'output', 'keygen'], 'articles may not contain forms'],
  [['svg', 'math'], 'inline SVG and MathML cannot be checked (use <img> for an SVG file)'],
  [['html', 'head', 'body', 'title', 'meta', 'base'], 'it belongs to the page, not to an article'],
  [['template', 'slot'], 'articles may not define templates'],
]

/** Why `<name>` is not allowed, as the end of a sentence starting with "because". */
export function reasonNotAllowed(name: string): string {
  for (const [names, reason] of REASONS) if (names.includes(name)) return reason
  return `<${name}> is not one of the elements an article may use`
}

const backticks = (name: string) => `Write \`<${name}>\` in backticks to show it as code`

/** A disallowed element, start tag to end tag, was removed with its content. */
export function elementRemoved(name: string, reason: string): HtmlChangeText {
  return {
    code: 'HTML_ELEMENT_REMOVED',
    message: `The <${name}> element was removed with everything inside it, because ${reason}.`,
    hint: `${backticks(name)}, or delete the element.`,
  }
}

/**
 * A disallowed start tag with no end tag was shown as text. `hides` says that as HTML it
 * would have hidden the rest of the article (raw-text elements such as `<textarea>`).
 */
export function tagShownAsText(
  tag: string,
  name: string,
  reason: string,
  hides: boolean,
): HtmlChangeText {
  const hidden = hides ? '; left as HTML, it would hide everything after it' : ''
  return {
    code: 'HTML_TAG_ESCAPED',
    message: `${quote(tag)} is shown as text, because ${reason}${hidden}.`,
    hint: `${backticks(name)}, or remove it.`,
  }
}

/** An end tag that closes nothing opened before it in the same block was shown as text. */
export function strayEndTag(tag: string, name: string, within: string): HtmlChangeText {
  return {
    code: 'HTML_TAG_ESCAPED',
    message: `${quote(tag)} is shown as text, because no <${name}> is open before it in the same ${within}.`,
    hint: `Remove it, or open the element in the same ${within}; write \`</${name}>\` in backticks to show it as code.`,
  }
}

/** A `<` that opens a tag or comment that never ends was shown as text. */
export function unendedMarkup(text: string, what: 'tag' | 'comment'): HtmlChangeText {
  return what === 'comment'
    ? {
        code: 'HTML_TAG_ESCAPED',
        message: `The comment ${quote(text)} is shown as text, because it is never closed with "-->" and would hide everything after it.`,
        hint: 'Close the comment with "-->", or write it in backticks to show it as code.',
      }
    : {
        code: 'HTML_TAG_ESCAPED',
        message: `${quote(text)} is shown as text, because the tag never ends with ">" and would swallow what follows it.`,
        hint: 'End the tag with ">", or write it in backticks to show it as code.',
      }
}

/** An element without its end tag was closed; `how` ends the sentence ("at the end of…"). */
export function elementUnclosed(name: string, how: string): HtmlChangeText {
  return {
    code: 'HTML_ELEMENT_UNCLOSED',
    message: `The <${name}> element is never closed, so it was closed ${how}.`,
    hint: `Add </${name}> where the element should end.`,
  }
}

/** An attribute the allow-list does not allow on this element was removed. */
export function attributeRemoved(name: string, attribute: string): HtmlChangeText {
  const handler = attribute.startsWith('on')
  return {
    code: 'HTML_ATTRIBUTE_REMOVED',
    message: `The attribute "${attribute}" was removed from <${name}>, because ${
      handler
        ? 'event handlers could run code'
        : attribute === 'style'
          ? 'only table cells may have a style, and only text-align'
          : `<${name}> may not have it in an article`
    }.`,
    hint:
      attribute === 'style' ? 'Use a class instead, or remove the style.' : 'Remove the attribute.',
  }
}

/** Declarations of a `style` attribute that the allow-list does not allow were removed. */
export function styleRemoved(name: string, dropped: string): HtmlChangeText {
  return {
    code: 'HTML_ATTRIBUTE_REMOVED',
    message: `The style ${quote(dropped)} was removed from <${name}>, because only text-align is allowed.`,
    hint: 'Use a class instead, or remove the style.',
  }
}

/** A URL with a scheme the allow-list does not allow was removed with its attribute. */
export function urlRemoved(
  name: string,
  attribute: string,
  url: string,
  scheme: string,
  allowed: readonly string[],
): HtmlChangeText {
  const runs = ['javascript', 'vbscript', 'data'].includes(scheme)
  return {
    code: 'HTML_URL_REMOVED',
    message: `The URL ${quote(url)} was removed from <${name} ${attribute}>, because ${
      runs ? `a ${scheme}: URL could run code` : `${scheme}: URLs are not allowed`
    }; only relative URLs and ${allowed.join(', ')} ones are.`,
    hint: 'Use an https:// address or a relative path.',
  }
}
