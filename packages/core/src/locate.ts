import { decodeSource } from './encoding.ts'
import { normalizeSource, parseFrontmatter } from './frontmatter.ts'
import type { SourcePosition } from './yaml.ts'

/**
 * Where a frontmatter field is in an article's source: its value (or key), as a 1-based line
 * and column. With `text`, the position of the first occurrence of `text` inside the value
 * when it is on the value's line (a character a card cannot draw, say). Falls back to the
 * top of the file when the field is not there.
 *
 * @example
 * locateFrontmatterField(source, ['title'], { text: '𓀀' }) // { line: 2, column: 15 }
 */
export function locateFrontmatterField(
  source: string | Uint8Array,
  path: readonly (string | number)[],
  options: { part?: 'key' | 'value'; text?: string } = {},
): SourcePosition {
  const decoded = decodeSource(source)
  if (!decoded.ok) return { line: 1, column: 1 }
  const normalized = normalizeSource(decoded.text)
  const split = parseFrontmatter(normalized)
  if (!split.ok) return { line: 1, column: 1 }
  const at = split.locate(path, options.part ?? 'value')
  if (options.text === undefined) return at
  const line = normalized.split('\n')[at.line - 1] ?? ''
  const index = line.indexOf(options.text, at.column - 1)
  if (index === -1) return at
  // Columns count UTF-16 code units, as the rest of the positions dawnpress reports.
  return { line: at.line, column: index + 1 }
}
