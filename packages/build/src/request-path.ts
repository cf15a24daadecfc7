/**
 * Turns a request URL into a site path, such as `/articles/a/index.html`, or `undefined` when
 * it cannot name a file of the site: undecodable, holding NUL or a backslash, or with a `.`
 * or `..` segment (`/../etc/passwd`, `/%2e%2e/`). Nothing outside the root can be named.
 */
export function toSitePath(url: string): string | undefined {
  const pathname = url.split(/[?#]/, 1)[0] ?? '/'
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return undefined
  }
  if (!decoded.startsWith('/') || /[\\\0]/.test(decoded)) return undefined
  const segments = decoded.split('/').slice(1)
  if (segments.some((segment) => segment === '.' || segment === '..')) return undefined
  const path = `/${segments.filter((segment, index) => segment !== '' || index === segments.length - 1).join('/')}`
  return path.endsWith('/') ? `${path}index.html` : path
}
