import { decodeHTML, decodeHTMLAttribute } from 'entities'

/**
 * The CommonMark spec runner's normalisation (`test/normalize.py` in commonmark-spec), ported:
 * what it treats as the same HTML is the same here.
 * - Whitespace runs become one space outside `<pre>`, and whitespace next to a block tag
 *   (its list) goes; newlines right after `<br>` go.
 * - Tag and attribute names are lower case, attributes sorted, values double-quoted with
 *   `& < > "` escaped; `<br />` is `<br>`.
 * - Character references become the characters, except `& < > "`, which stay references.
 * - Comments, declarations and processing instructions are kept as written.
 */
export function normalizeHtml(html: string): string {
  const normalizer = createNormalizer()
  for (const match of html.matchAll(TOKEN)) normalizer.feed(match)
  return normalizer.output()
}

const BLOCK_TAGS = new Set(
  (
    'article header aside hgroup blockquote hr iframe body li map button object canvas ol ' +
    'caption output col p colgroup pre dd progress div section dl table td dt tbody embed ' +
    'textarea fieldset tfoot figcaption th figure thead footer tr form ul h1 h2 h3 h4 h5 h6 ' +
    'video script style'
  ).split(' '),
)

const ATTRIBUTE = /([^\s/>=][^\s/>=]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?/g

// One token at a time: comment, declaration, processing instruction, end tag, start tag,
// character reference, text. A lone `<` or `&` is text, as Python's parser reads it.
const TOKEN = new RegExp(
  [
    '<!--(?<comment>[\\s\\S]*?)-->',
    '<!(?<declaration>[^>]*)>',
    '<\\?(?<pi>[^>]*)>',
    '</(?<end>[a-zA-Z][^\\s>]*)\\s*>',
    '<(?<start>[a-zA-Z][^\\s/>]*)(?<attributes>(?:\\s*[^\\s/>=]+(?:\\s*=\\s*(?:"[^"]*"|\'[^\']*\'|[^\\s>]*))?)*)\\s*(?<selfClosing>/?)>',
    '(?<reference>&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);)',
    '(?<text>[^<&]+|[<&])',
  ].join('|'),
  'g',
)

function createNormalizer() {
  let output = ''
  let last: 'starttag' | 'endtag' | 'data' | 'other' = 'starttag'
  let lastTag = ''
  let inPre = false

  const data = (text: string) => {
    let value = text
    const afterTag = last === 'starttag' || last === 'endtag'
    if (afterTag && lastTag === 'br') value = value.replace(/^\n+/, '')
    if (!inPre) value = value.replace(/\s+/g, ' ')
    if (afterTag && BLOCK_TAGS.has(lastTag) && !inPre) {
      value = last === 'starttag' ? value.trimStart() : value.trim()
    }
    output += value
    last = 'data'
  }
  const startTag = (name: string, attributes: string) => {
    if (name === 'pre') inPre = true
    if (BLOCK_TAGS.has(name)) output = output.trimEnd()
    const pairs: [string, string | undefined][] = []
    for (const match of attributes.matchAll(ATTRIBUTE)) {
      const [, key = '', raw] = match
      const value = raw === undefined ? undefined : raw.replace(/^(["'])([\s\S]*)\1$/, '$2')
      pairs.push([key.toLowerCase(), value === undefined ? undefined : decodeHTMLAttribute(value)])
    }
    pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : (x ?? '') < (y ?? '') ? -1 : 1))
    output += `<${name}`
    for (const [key, value] of pairs) {
      output += value === undefined ? ` ${key}` : ` ${key}="${escapeSpecial(value)}"`
    }
    output += '>'
    lastTag = name
    last = 'starttag'
  }

  return {
    feed(match: RegExpMatchArray) {
      const groups = match.groups ?? {}
      if (groups.comment !== undefined) {
        output += `<!--${groups.comment}-->`
        last = 'other'
      } else if (groups.declaration !== undefined) {
        output += `<!${groups.declaration}>`
        last = 'other'
      } else if (groups.pi !== undefined) {
        output += `<?${groups.pi}>`
        last = 'other'
      } else if (groups.end !== undefined) {
        const name = groups.end.toLowerCase()
        if (name === 'pre') inPre = false
        else if (BLOCK_TAGS.has(name)) output = output.trimEnd()
        output += `</${name}>`
        lastTag = name
        last = 'endtag'
      } else if (groups.start !== undefined) {
        startTag(groups.start.toLowerCase(), groups.attributes ?? '')
        if (groups.selfClosing) last = 'endtag'
      } else if (groups.reference !== undefined) {
        const character = decodeHTML(groups.reference)
        output += character === groups.reference ? character : escapeSpecial(character)
        last = 'other'
      } else {
        data(groups.text ?? '')
      }
    },
    output: () => output,
  }
}

function escapeSpecial(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (character) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[character]};`,
  )
}
