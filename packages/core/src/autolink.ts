import type MarkdownIt from 'markdown-it'
import type { StateCore, Token } from 'markdown-it'

/**
 * GFM's extended autolinks, as GitHub renders them, in place of markdown-it's linkify: only
 * `www.` addresses, `http://` and `https://` URLs, e-mail addresses and `mailto:` / `xmpp:`
 * addresses become links, so file names in prose (`index.ts`, `example.com`) stay text.
 * A link starts at the beginning of a text, after a space or after `*`, `_`, `~` or `(`;
 * trailing punctuation (`?!.,:*_~`), an unbalanced `)` and an entity-like `&name;` are left
 * out, so `~~https://example.com~~` strikes the link and `(see www.x.org)` keeps its `)`.
 * Text inside links, code and raw `<a>` elements is left alone, and, as in cmark-gfm, no
 * link spans a backslash escape or an entity (this runs before markdown-it joins them into
 * the text around them).
 */
export function autolinkPlugin(md: MarkdownIt): void {
  md.core.ruler.before('text_join', 'dawnpress_autolink', (state) => {
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children || !CANDIDATE.test(block.content)) continue
      block.children = linkChildren(state, block.children)
    }
  })
}

/** Texts that may hold an autolink; most paragraphs fail this at once. */
const CANDIDATE = /www\.|:\/\/|@/i

/** Where an autolink was found in a text: `[start, end)`, and its URL. */
interface Found {
  start: number
  end: number
  href: string
}

function linkChildren(state: StateCore, children: Token[]): Token[] {
  const output: Token[] = []
  let linkDepth = 0
  let htmlLinkDepth = 0
  for (const [index, token] of children.entries()) {
    if (token.type === 'link_open') linkDepth++
    else if (token.type === 'link_close') linkDepth--
    else if (token.type === 'html_inline') {
      if (/^<a[>\s]/i.test(token.content)) htmlLinkDepth++
      else if (/^<\/a\s*>/i.test(token.content)) htmlLinkDepth = Math.max(0, htmlLinkDepth - 1)
    }
    if (
      token.type !== 'text' ||
      linkDepth > 0 ||
      htmlLinkDepth > 0 ||
      !CANDIDATE.test(token.content)
    ) {
      output.push(token)
      continue
    }
    const found = findAutolinks(token.content, startsAtBoundary(children[index - 1]))
    let position = 0
    for (const link of found) {
      if (!state.md.validateLink(link.href)) continue
      if (link.start > position)
        output.push(text(state, token, token.content.slice(position, link.start)))
      const open = new state.Token('link_open', 'a', 1)
      open.attrs = [['href', state.md.normalizeLink(link.href)]]
      open.markup = 'linkify'
      open.info = 'auto'
      open.level = token.level
      const close = new state.Token('link_close', 'a', -1)
      close.markup = 'linkify'
      close.info = 'auto'
      close.level = token.level
      output.push(open, text(state, token, token.content.slice(link.start, link.end), 1), close)
      position = link.end
    }
    if (position === 0) output.push(token)
    else if (position < token.content.length)
      output.push(text(state, token, token.content.slice(position)))
  }
  return output
}

function text(state: StateCore, from: Token, content: string, deeper = 0): Token {
  const token = new state.Token('text', '', 0)
  token.content = content
  token.level = from.level + deeper
  return token
}

/** Whether what comes before a text lets a link start at its first character. */
function startsAtBoundary(previous: Token | undefined): boolean {
  if (previous === undefined) return true
  return /^(?:softbreak|hardbreak|(?:em|strong|s)_(?:open|close))$/.test(previous.type)
}

const isBoundary = (character: string) => /[\s*_~(]/u.test(character)
const DOMAIN_CHARACTER = /[\p{L}\p{N}_-]/u
const LOCAL_CHARACTER = /[A-Za-z0-9.+_-]/
const EMAIL_DOMAIN_CHARACTER = /[A-Za-z0-9._-]/

/** Every autolink in `text`, in order, by GFM's rules. */
export function findAutolinks(text: string, atBoundary = true): Found[] {
  const found: Found[] = []
  const hasAt = text.includes('@')
  let index = 0
  while (index < text.length) {
    const boundary = index === 0 ? atBoundary : isBoundary(text.charAt(index - 1))
    const link =
      (boundary ? matchUrl(text, index) : undefined) ??
      (hasAt ? (matchProtocolEmail(text, index) ?? matchEmail(text, index)) : undefined)
    if (link === undefined) {
      index++
      continue
    }
    found.push(link)
    index = link.end
  }
  return found
}

/** `www.` addresses and `http(s)://` URLs: a valid domain, then anything up to a space or `<`. */
function matchUrl(text: string, start: number): Found | undefined {
  const first = text.charAt(start)
  if (first !== 'w' && first !== 'h' && first !== 'H') return undefined
  const rest = text.slice(start, start + 8).toLowerCase()
  const scheme = rest.startsWith('https://') ? 8 : rest.startsWith('http://') ? 7 : 0
  if (scheme === 0 && !text.startsWith('www.', start)) return undefined
  const domainEnd = scanDomain(text, start + scheme)
  if (domainEnd === undefined) return undefined
  let end = domainEnd
  while (end < text.length && !/[\s<]/u.test(text.charAt(end))) end++
  end = trimTrailing(text, start, end)
  const written = text.slice(start, end)
  return { start, end, href: scheme === 0 ? `http://${written}` : written }
}

/** The end of a valid domain at `start`: periods between segments, none with `_` at the end. */
function scanDomain(text: string, start: number): number | undefined {
  let end = start
  while (end < text.length && (DOMAIN_CHARACTER.test(text.charAt(end)) || text.charAt(end) === '.'))
    end++
  const segments = text.slice(start, end).replace(/\.+$/, '').split('.')
  if (segments.length < 2 || segments.some((segment) => segment === '')) return undefined
  if (segments.slice(-2).some((segment) => segment.includes('_'))) return undefined
  return end
}

/** GFM's trailing punctuation, unbalanced `)` and entity-like `&name;` are not the link's. */
function trimTrailing(text: string, start: number, initialEnd: number): number {
  let end = initialEnd
  for (;;) {
    const last = text.charAt(end - 1)
    if ('?!.,:*_~'.includes(last) && end > start) end--
    else if (last === ')') {
      const link = text.slice(start, end)
      const opened = link.split('(').length - 1
      const closed = link.split(')').length - 1
      if (closed <= opened) return end
      end--
    } else if (last === ';') {
      const entity = /&[A-Za-z0-9]+;$/.exec(text.slice(start, end))
      if (entity === null) return end
      end -= entity[0].length
    } else return end
  }
}

/** `mailto:` and `xmpp:` followed by an address (`xmpp:` may add one `/resource`). */
function matchProtocolEmail(text: string, start: number): Found | undefined {
  const first = text.charAt(start).toLowerCase()
  if (first !== 'm' && first !== 'x') return undefined
  const prefix = text.slice(start, start + 7).toLowerCase()
  const scheme = prefix.startsWith('mailto:') ? 7 : prefix.startsWith('xmpp:') ? 5 : 0
  if (scheme === 0 || (start > 0 && /[A-Za-z0-9]/.test(text.charAt(start - 1)))) return undefined
  const email = matchEmail(text, start + scheme)
  if (email === undefined || email.start !== start + scheme) return undefined
  let end = email.end
  if (scheme === 5 && text.charAt(end) === '/') {
    let resource = end + 1
    while (resource < text.length && /[A-Za-z0-9@.]/.test(text.charAt(resource))) resource++
    if (resource > end + 1) end = trimTrailing(text, start, resource)
  }
  return { start, end, href: text.slice(start, end) }
}

/** An e-mail address starting at `start`: local part, `@`, a domain with a period. */
function matchEmail(text: string, start: number): Found | undefined {
  if (!LOCAL_CHARACTER.test(text.charAt(start))) return undefined
  if (start > 0 && LOCAL_CHARACTER.test(text.charAt(start - 1))) return undefined
  let at = start
  while (at < text.length && LOCAL_CHARACTER.test(text.charAt(at))) at++
  if (text.charAt(at) !== '@' || at === start) return undefined
  let end = at + 1
  while (end < text.length && EMAIL_DOMAIN_CHARACTER.test(text.charAt(end))) end++
  while (text.charAt(end - 1) === '.') end--
  const domain = text.slice(at + 1, end)
  if (!domain.includes('.') || /[-_]$/.test(domain) || /^\.|\.\./.test(domain)) return undefined
  const address = text.slice(start, end)
  return { start, end, href: `mailto:${address}` }
}
